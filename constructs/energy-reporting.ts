import { Construct } from 'constructs';
import { DesignError } from '../src/errors';
import { CoolingKind, enclosing, record } from '../src/model/records';
import { fraction } from '../src/units';

export interface EnergyReportingProps {
  /**
   * Share of the facility's energy from renewable sources (guarantees of origin, power purchase
   * agreements, on-site generation), in [0, 1]: the report's REF = ERES-TOT / EDC.
   * @default - not declared: REF is reported as not determined
   */
  readonly renewableShare?: number;
  /**
   * Share of the IT energy whose heat is reused outside the data centre (a heat network), in
   * [0, 1]: EREUSE = share x EIT, and ERF = EREUSE / EDC.
   * @default 0 (no heat reuse)
   */
  readonly reusedHeatShare?: number;
  /**
   * Water consumed per kWh of heat rejected, L/kWh, by heat rejection kind, over the catalog's
   * declared values (chillers and dry coolers 0, evaporative 1.6).
   * @default - the catalog's (src/catalog/water-use.ts)
   */
  readonly waterLitresPerKwhHeat?: Partial<Record<CoolingKind | 'evaporative', number>>;
  /**
   * How a site without a modelled heat rejection plant (design PUE only) rejects its heat, for its WUE.
   * @default - not declared: WUE is reported as not determined for such a site
   */
  readonly heatRejection?: CoolingKind | 'evaporative';
}

/**
 * What a site declares for the EU data-centre report (Delegated Regulation (EU) 2024/1364):
 * the values a design cannot compute. Declared inside a Site.
 */
export class EnergyReporting extends Construct {
  readonly renewableShare?: number;
  /** Undefined: not declared (the report computes none reused and says so). */
  readonly reusedHeatShare?: number;
  readonly waterLitresPerKwhHeat: Readonly<Partial<Record<CoolingKind | 'evaporative', number>>>;
  readonly heatRejection?: CoolingKind | 'evaporative';

  constructor(scope: Construct, id: string, props: EnergyReportingProps = {}) {
    super(scope, id);
    const path = this.node.path;
    if (!enclosing(this, 'site'))
      throw new DesignError(path, 'EnergyReporting must be declared inside a Site');
    const share = (prop: string, v: number | undefined) => {
      if (v !== undefined && v !== 0) fraction(path, prop, v);
    };
    share('renewableShare', props.renewableShare);
    share('reusedHeatShare', props.reusedHeatShare);
    for (const [kind, v] of Object.entries(props.waterLitresPerKwhHeat ?? {})) {
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
        throw new DesignError(
          path,
          `waterLitresPerKwhHeat.${kind} must be a finite number >= 0, got ${String(v)}`,
        );
      }
    }
    this.renewableShare = props.renewableShare;
    this.reusedHeatShare = props.reusedHeatShare;
    this.waterLitresPerKwhHeat = { ...(props.waterLitresPerKwhHeat ?? {}) };
    this.heatRejection = props.heatRejection;
    record(this, 'energy-reporting', () => ({
      renewableShare: this.renewableShare,
      reusedHeatShare: this.reusedHeatShare,
      waterLitresPerKwhHeat: { ...this.waterLitresPerKwhHeat },
      heatRejection: this.heatRejection,
    }));
  }
}
