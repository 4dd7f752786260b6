import { Construct } from 'constructs';
import {
  AirHandler,
  Busway,
  Cdu,
  Chillers,
  DryCoolers,
  GeneratorGroup,
  Hall,
  Pod,
  PowerEquipment,
  Rack,
  Rectifier,
  Site,
  Switchboard,
  Switchgear,
  Transformer,
  Ups,
} from '../constructs';
import { DesignError } from '../src/errors';
import { count, positive } from '../src/units';
import { BuildingAssumptions } from './assumptions';

/** How big a building is: a rack count, or an IT capacity that becomes the largest whole number of racks within it. */
export interface BuildingSize {
  /** Racks in the building. */
  readonly racks?: number;
  /** IT capacity, MW: racks = floor(IT / rack design power). Ignored when `racks` is set. */
  readonly itCapacityMw?: number;
  /** Share of the racks' heat removed by liquid, where the catalog has none for the build (liquid-cooled HGX). */
  readonly liquidFraction?: number;
}

const SIDES = ['a', 'b'] as const;
const pad = (n: number, width: number) => String(n).padStart(width, '0');

/**
 * A building laid out from a blueprint's assumptions: halls of scalable units (pods) of
 * racks; a 2N power train per side (A and B) from the site's grid connection through MV
 * groups and power blocks down to busways feeding each dual-corded rack from both sides;
 * an N+1 generator group per MV group sized to its load; per hall an N+1 CDU group and an
 * N+1 air handler group sized to the heat; a heat rejection plant per building. Every piece
 * is named after the layout: `mv-01/block-003/ups-a`, `hall-02/su-017/r04`.
 */
export class Building extends Construct {
  readonly racks: Rack[] = [];
  readonly halls: Hall[] = [];
  readonly assumptions: BuildingAssumptions;

  constructor(site: Site, id: string, assumptions: BuildingAssumptions, size: BuildingSize) {
    super(site, id);
    const a = assumptions;
    this.assumptions = a;
    const path = this.node.path;
    const rackKw = positive(path, 'rackKw', a.rackKw ?? a.system.spec.designKw);
    const racks =
      size.racks !== undefined
        ? count(path, 'racks', size.racks)
        : // A whole number of racks within the capacity; the epsilon keeps 31 x 132 kW inside 4.092 MW.
          Math.floor((positive(path, 'itCapacityMw', size.itCapacityMw ?? NaN) * 1000) / rackKw + 1e-9);
    if (racks < 1)
      throw new DesignError(path, `itCapacityMw ${size.itCapacityMw} holds no ${rackKw} kW rack`);
    for (const [k, v] of Object.entries({
      racksPerSu: a.racksPerSu,
      susPerBlock: a.susPerBlock,
      racksPerBusway: a.racksPerBusway,
      racksPerHall: a.racksPerHall,
      blocksPerMvGroup: a.blocksPerMvGroup,
    })) {
      count(path, k, v);
    }
    if (a.racksPerHall % a.racksPerSu !== 0) {
      throw new DesignError(
        path,
        `racksPerHall (${a.racksPerHall}) must be a multiple of racksPerSu (${a.racksPerSu}): a scalable unit stands in one hall`,
      );
    }

    const sus = Math.ceil(racks / a.racksPerSu);
    const blocks = Math.ceil(sus / a.susPerBlock);
    const groups = Math.ceil(blocks / a.blocksPerMvGroup);
    const ac = a.distribution === 'ac-ups';
    // Efficiency from a rack's busway to the MV switchgear, for sizing generators.
    const chainEfficiency = ac ? a.upsEfficiency * a.transformerEfficiency : a.rectifierEfficiency;

    let rack = 0;
    let su = 0;
    for (let g = 0; g < groups; g++) {
      const group = new Construct(this, `mv-${pad(g + 1, 2)}`);
      const mv = SIDES.map((side) => {
        const hv = new Transformer(group, `hv-transformer-${side}`, {
          ratingKva: a.hvTransformerMva * 1000,
          efficiency: a.transformerEfficiency,
          secondaryKv: a.mvKv,
          feeds: [site.grid],
        });
        return new Switchgear(group, `switchgear-${side}`, {
          ratingA: a.mvSwitchgearA,
          voltageKv: a.mvKv,
          feeds: [hv],
        });
      });
      const firstBlock = g * a.blocksPerMvGroup;
      const lastBlock = Math.min(blocks, firstBlock + a.blocksPerMvGroup);
      let groupRacks = 0;
      for (let b = firstBlock; b < lastBlock; b++) {
        const block = new Construct(group, `block-${pad(b + 1, 3)}`);
        const heads = SIDES.map((side, i) => this.blockHead(block, side, mv[i], a));
        for (let s = 0; s < a.susPerBlock && su < sus; s++, su++) {
          const hall = this.hallFor(su, a, rackKw, racks);
          const pod = new Pod(hall, `su-${pad(su + 1, 3)}`);
          let pair: PowerEquipment[] = [];
          for (let r = 0; r < a.racksPerSu && rack < racks; r++, rack++, groupRacks++) {
            if (r % a.racksPerBusway === 0) {
              const n = r / a.racksPerBusway + 1;
              pair = SIDES.map(
                (side, i) =>
                  new Busway(block, `busway-su${pad(su + 1, 3)}-${side}${n}`, {
                    ratingA: a.buswayA,
                    ...(ac ? {} : { voltageV: 800, phases: 'dc' as const }),
                    feeds: [heads[i]],
                  }),
              );
            }
            this.racks.push(
              new Rack(pod, `r${pad(r + 1, 2)}`, {
                system: a.system,
                designPowerKw: rackKw,
                liquidFraction: size.liquidFraction,
                feeds: pair,
              }),
            );
          }
        }
      }
      const backedKw = (groupRacks * rackKw) / chainEfficiency;
      new GeneratorGroup(group, 'generators', {
        unitRatingKw: a.generatorUnitKw,
        units: Math.ceil(backedKw / a.generatorUnitKw) + a.generatorRedundantUnits,
        redundantUnits: a.generatorRedundantUnits,
        backs: mv,
      });
    }
    this.cooling(a);
  }

  /** The head of a power block on one side: transformer, switchboard and UPS (AC), or a rectifier (800 VDC). */
  private blockHead(
    block: Construct,
    side: string,
    mv: PowerEquipment,
    a: BuildingAssumptions,
  ): PowerEquipment {
    if (a.distribution === 'dc-800v') {
      return new Rectifier(block, `rectifier-${side}`, {
        ratingKw: a.rectifierKw,
        outputVoltageV: 800,
        efficiency: a.rectifierEfficiency,
        feeds: [mv],
      });
    }
    const tx = new Transformer(block, `transformer-${side}`, {
      ratingKva: a.blockTransformerKva,
      efficiency: a.transformerEfficiency,
      primaryKv: a.mvKv,
      secondaryKv: 0.415,
      feeds: [mv],
    });
    const board = new Switchboard(block, `switchboard-${side}`, { ratingA: a.switchboardA, feeds: [tx] });
    return new Ups(block, `ups-${side}`, {
      moduleRatingKw: a.upsModuleKw,
      modules: a.upsModules,
      redundantModules: a.upsRedundantModules,
      efficiency: a.upsEfficiency,
      feeds: [board],
    });
  }

  private hallFor(su: number, a: BuildingAssumptions, rackKw: number, racks: number): Hall {
    const h = Math.floor((su * a.racksPerSu) / a.racksPerHall);
    while (this.halls.length <= h) {
      const positions = Math.min(a.racksPerHall, racks - this.halls.length * a.racksPerHall);
      this.halls.push(
        new Hall(this, `hall-${pad(this.halls.length + 1, 2)}`, {
          designKwPerRack: rackKw,
          rackPositions: Math.max(positions, 1),
        }),
      );
    }
    return this.halls[h];
  }

  /** N+1 CDU and air handler groups per hall, a heat rejection plant per building, each sized to its heat. */
  private cooling(a: BuildingAssumptions): void {
    const units = (heatKw: number, unitKw: number) =>
      Math.ceil(heatKw / unitKw - 1e-9) + a.coolingRedundantUnits;
    let totalKw = 0;
    for (const hall of this.halls) {
      const racks = this.racks.filter((r) => r.node.scope?.node.scope === hall);
      const liquidKw = racks.reduce((s, r) => s + r.designPowerKw * r.liquidFraction, 0);
      const airKw = racks.reduce((s, r) => s + r.designPowerKw * (1 - r.liquidFraction), 0);
      totalKw += liquidKw + airKw;
      if (liquidKw > 0) {
        new Cdu(this, `cdu-${hall.node.id}`, {
          unitCapacityKw: a.cduUnitKw,
          units: a.cduUnitsPerHall ?? units(liquidKw, a.cduUnitKw),
          redundantUnits: a.coolingRedundantUnits,
          supplyTemperatureC: a.cduSupplyC,
          serves: [hall],
        });
      }
      if (airKw > 0) {
        new AirHandler(this, `air-${hall.node.id}`, {
          unitCapacityKw: a.airUnitKw,
          units: units(airKw, a.airUnitKw),
          redundantUnits: a.coolingRedundantUnits,
          serves: [hall],
        });
      }
    }
    if (a.heatRejection === 'none') return;
    const Plant = a.heatRejection === 'chillers' ? Chillers : DryCoolers;
    new Plant(this, a.heatRejection, {
      unitCapacityKw: a.heatRejectionUnitKw,
      units: units(totalKw, a.heatRejectionUnitKw),
      redundantUnits: a.coolingRedundantUnits,
      cop: a.heatRejectionCop,
      serves: [this],
    });
  }
}
