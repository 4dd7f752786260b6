import { Construct, IConstruct } from 'constructs';
import { DesignError } from '../src/errors';
import { ContingencyLevel, record } from '../src/model/records';
import { fraction, positive } from '../src/units';
import { GridConnection } from './grid-connection';

export interface SiteProps {
  /**
   * Site name, unique in the app.
   * @default - the construct id
   */
  readonly name?: string;
  /** ISO 3166-1 alpha-2 country code, for example 'FR'. */
  readonly country: string;
  /**
   * Jurisdiction for residency checks.
   * @default - 'EU' for EU member states, otherwise the country code
   */
  readonly jurisdiction?: string;
  /** Contracted grid connection, MW. */
  readonly gridConnectionMw: number;
  /**
   * Grid connection voltage, kV.
   * @default - not recorded
   */
  readonly gridVoltageKv?: number;
  /**
   * Design PUE (ISO/IEC 30134-2): facility power = IT power x PUE. It already holds the
   * losses and the cooling. Liquid-cooled AI halls target 1.1-1.3.
   * @default - none: facility power is what the modelled power train draws plus `otherLoadKw`
   */
  readonly designPue?: number;
  /**
   * Loads outside the modelled train (offices, lighting), kW. Ignored when `designPue` is set.
   * @default 0
   */
  readonly otherLoadKw?: number;
  /**
   * Maximum continuous utilization of equipment in normal operation, unless the equipment
   * sets its own.
   * @default 0.8 (NEC continuous-load rule; IEC designs use their rated diversity factor)
   */
  readonly maxUtilization?: number;
  /**
   * Power factor of the load, for kVA-rated equipment: kW = kVA x PF.
   * @default 0.95
   */
  readonly powerFactor?: number;
  /**
   * Contingency level the power checks demand: 'n-1' (any single failure), or 'maintenance':
   * also any single failure while one component is out for maintenance (concurrent
   * maintainability with fault tolerance, rule PWR-014). `check --contingency maintenance`
   * asks it of every site.
   * @default 'n-1'
   */
  readonly contingencyLevel?: ContingencyLevel;
}

/** EU member states (ISO 3166-1 alpha-2), for the default jurisdiction. */
const EU = new Set(
  'AT BE BG HR CY CZ DK EE FI FR DE GR IE IT LV LT LU MT NL PL PT RO SK SI ES SE'.split(' '),
);

/**
 * A data-center site: its grid connection (created as `site.grid`), its jurisdiction and its
 * design PUE. Halls, power equipment and generators are declared inside it.
 */
export class Site extends Construct {
  /** The site's utility connection, root of its power train. */
  readonly grid: GridConnection;
  readonly siteName: string;
  readonly country: string;
  readonly jurisdiction: string;
  readonly designPue?: number;
  readonly otherLoadKw: number;
  readonly maxUtilization: number;
  readonly powerFactor: number;
  readonly contingencyLevel: ContingencyLevel;

  /** The site a construct stands in. */
  static of(c: IConstruct): Site {
    for (let s: IConstruct | undefined = c; s; s = s.node.scope) if (s instanceof Site) return s;
    throw new DesignError(c.node.path, 'is not inside a Site');
  }

  constructor(scope: Construct, id: string, props: SiteProps) {
    super(scope, id);
    const path = this.node.path;
    if (!/^[A-Z]{2}$/.test(props.country ?? '')) {
      throw new DesignError(
        path,
        `country must be an ISO 3166-1 alpha-2 code such as 'FR', got '${String(props.country)}'`,
      );
    }
    this.siteName = props.name ?? id;
    this.country = props.country;
    this.jurisdiction = props.jurisdiction ?? (EU.has(props.country) ? 'EU' : props.country);
    if (props.designPue !== undefined) {
      positive(path, 'designPue', props.designPue);
      if (props.designPue < 1) throw new DesignError(path, `designPue must be >= 1, got ${props.designPue}`);
      this.designPue = props.designPue;
    }
    this.otherLoadKw = props.otherLoadKw ?? 0;
    if (this.otherLoadKw !== 0) positive(path, 'otherLoadKw', this.otherLoadKw);
    this.maxUtilization = fraction(path, 'maxUtilization', props.maxUtilization ?? 0.8);
    this.powerFactor = fraction(path, 'powerFactor', props.powerFactor ?? 0.95);
    const level = props.contingencyLevel ?? 'n-1';
    if (level !== 'n-1' && level !== 'maintenance') {
      throw new DesignError(path, `contingencyLevel must be 'n-1' or 'maintenance', got '${String(level)}'`);
    }
    this.contingencyLevel = level;
    // Registered before the grid: equipment finds its site by the kind it registers.
    record(this, 'site', () => ({
      name: this.siteName,
      country: this.country,
      jurisdiction: this.jurisdiction,
      gridConnectionKw: this.grid.contractedMw * 1000,
      designPue: this.designPue,
      otherLoadKw: this.otherLoadKw,
      maxUtilization: this.maxUtilization,
      powerFactor: this.powerFactor,
      contingencyLevel: this.contingencyLevel,
    }));
    this.grid = new GridConnection(this, 'grid', {
      contractedMw: props.gridConnectionMw,
      voltageKv: props.gridVoltageKv,
    });
  }
}
