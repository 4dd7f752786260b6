import { Construct, IConstruct } from 'constructs';
import {
  AirHandler,
  Busway,
  Cdu,
  Chillers,
  CoolingUnits,
  DryCoolers,
  EnergyStorage,
  GeneratorGroup,
  Hall,
  Pod,
  PowerEquipment,
  Rack,
  Rectifier,
  Site,
  StaticTransferSwitch,
  Switchboard,
  Switchgear,
  Transformer,
  Ups,
} from '../constructs';
import { DesignError } from '../src/errors';
import { count, positive, threePhaseAmps } from '../src/units';
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
/** Efficiency of the DC energy storage stage (assumed, unverified: a battery floating on the bus). */
const ENERGY_STORAGE_EFFICIENCY = 0.99;
/** Share of a mechanical transformer's kVA one side may carry when the other has failed. */
const MECHANICAL_MARGIN = 0.85;

/** The cooling groups of a building and the electrical power of its heat rejection. */
interface CoolingPlant {
  readonly cdus: Cdu[];
  readonly air: AirHandler[];
  readonly rejection: CoolingUnits[];
  rejectionKw: number;
}
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

    const topology = a.topology ?? '2n';
    const drSystems = count(path, 'drSystems', a.drSystems ?? 4, 3);
    const blocksPerCatcher = count(path, 'blocksPerCatcher', a.blocksPerCatcher ?? 4);
    // A block is what one set of heads carries: a 2N block of `susPerBlock` SUs, or a
    // distributed-redundant group of drSystems - 1 such blocks on drSystems heads.
    // A catcher block carries its whole load in normal operation, so it holds what fits 80% of
    // one head (a 2N block holds what fits 100% of one head under N-1).
    const suKw = a.racksPerSu * rackKw;
    const blockSus =
      topology === 'distributed-redundant'
        ? (drSystems - 1) * a.susPerBlock
        : topology === 'block-redundant'
          ? Math.max(1, Math.min(a.susPerBlock, Math.floor((0.8 * this.headKw(a)) / suKw + 1e-9)))
          : a.susPerBlock;
    const blocksPerGroup =
      topology === 'distributed-redundant'
        ? Math.max(1, Math.floor(a.blocksPerMvGroup / (drSystems - 1)))
        : a.blocksPerMvGroup;
    const sus = Math.ceil(racks / a.racksPerSu);
    const blocks = Math.ceil(sus / blockSus);
    const groups = Math.ceil(blocks / blocksPerGroup);
    const ac = a.distribution === 'ac-ups';
    // Efficiency from a rack's busway to the MV switchgear, for sizing generators.
    const chainEfficiency = ac
      ? a.upsEfficiency * a.transformerEfficiency
      : a.rectifierEfficiency * ENERGY_STORAGE_EFFICIENCY;

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
      const firstBlock = g * blocksPerGroup;
      const lastBlock = Math.min(blocks, firstBlock + blocksPerGroup);
      let groupRacks = 0;
      let catcher: PowerEquipment | undefined;
      for (let b = firstBlock; b < lastBlock; b++) {
        const block = new Construct(group, `block-${pad(b + 1, 3)}`);
        // The two feeds of the n-th busway pair of the block.
        let feedsOf: (n: number) => PowerEquipment[];
        if (topology === '2n') {
          const heads = SIDES.map((side, i) => this.blockHead(block, side, [mv[i]], a, true));
          feedsOf = () => heads;
        } else if (topology === 'distributed-redundant') {
          const heads = Array.from({ length: drSystems }, (_, i) =>
            this.blockHead(block, String(i + 1), mv, a),
          );
          const pairs: [number, number][] = [];
          for (let i = 0; i < drSystems; i++) for (let j = i + 1; j < drSystems; j++) pairs.push([i, j]);
          feedsOf = (n) => pairs[n % pairs.length].map((i) => heads[i]);
        } else {
          if ((b - firstBlock) % blocksPerCatcher === 0) {
            const c = new Construct(
              group,
              `catcher-${pad(Math.floor((b - firstBlock) / blocksPerCatcher) + 1, 2)}`,
            );
            catcher = this.blockHead(c, 'r', mv, a);
          }
          const head = this.blockHead(block, 'p', mv, a);
          const sts = SIDES.map(
            (side) =>
              new StaticTransferSwitch(block, `sts-${side}`, {
                ratingKw: this.headKw(a),
                primary: head,
                alternate: catcher!,
                ...(ac ? {} : { current: 'dc' as const, voltageV: 800 }),
              }),
          );
          feedsOf = () => sts;
        }
        let pairIndex = 0;
        for (let s = 0; s < blockSus && su < sus; s++, su++) {
          const hall = this.hallFor(su, a, rackKw, racks);
          const pod = new Pod(hall, `su-${pad(su + 1, 3)}`);
          let pair: PowerEquipment[] = [];
          for (let r = 0; r < a.racksPerSu && rack < racks; r++, rack++, groupRacks++) {
            if (r % a.racksPerBusway === 0) {
              const n = r / a.racksPerBusway + 1;
              const feeds = feedsOf(pairIndex++);
              pair = SIDES.map(
                (side, i) =>
                  new Busway(block, `busway-su${pad(su + 1, 3)}-${side}${n}`, {
                    ratingA: a.buswayA,
                    ...(ac ? {} : { voltageV: 800, phases: 'dc' as const }),
                    feeds: [feeds[i]],
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
        transferSeconds: a.generatorTransferSeconds,
        backs: mv,
      });
    }
    this.mechanical(site, a, this.cooling(a));
  }

  /** Usable output of one block head, kW: its UPS (AC) or its rectifier (800 VDC). */
  private headKw(a: BuildingAssumptions): number {
    return a.distribution === 'dc-800v'
      ? a.rectifierKw
      : (a.upsModules - a.upsRedundantModules) * a.upsModuleKw;
  }

  /**
   * The head of a power block: transformer, switchboard and UPS (AC), or a rectifier and
   * its energy storage (800 VDC), fed from the MV switchgear it is given. In 2N the UPS is a
   * group of modules; in the distributed and block topologies it counts as one system (the
   * loss of a module sends the system to bypass: the topology absorbs the system's loss).
   */
  private blockHead(
    block: Construct,
    side: string,
    mv: PowerEquipment[],
    a: BuildingAssumptions,
    modular = false,
  ): PowerEquipment {
    if (a.distribution === 'dc-800v') {
      const rectifier = new Rectifier(block, `rectifier-${side}`, {
        ratingKw: a.rectifierKw,
        outputVoltageV: 800,
        efficiency: a.rectifierEfficiency,
        feeds: mv,
      });
      return new EnergyStorage(block, `energy-storage-${side}`, {
        ratingKw: a.rectifierKw,
        autonomyMinutes: a.upsAutonomyMinutes,
        voltageV: 800,
        efficiency: ENERGY_STORAGE_EFFICIENCY,
        feeds: [rectifier],
      });
    }
    const tx = new Transformer(block, `transformer-${side}`, {
      ratingKva: a.blockTransformerKva,
      efficiency: a.transformerEfficiency,
      primaryKv: a.mvKv,
      secondaryKv: 0.415,
      feeds: mv,
    });
    const board = new Switchboard(block, `switchboard-${side}`, { ratingA: a.switchboardA, feeds: [tx] });
    return new Ups(block, `ups-${side}`, {
      moduleRatingKw: modular ? a.upsModuleKw : a.upsModules * a.upsModuleKw,
      modules: modular ? a.upsModules : 1,
      redundantModules: modular ? a.upsRedundantModules : 0,
      efficiency: a.upsEfficiency,
      autonomyMinutes: a.upsAutonomyMinutes,
      feeds: [board],
    });
  }

  /**
   * The mechanical power train of the building: per side an HV/MV transformer and MV
   * switchgear from the grid, backed by their own N+1 generators; LV transformers and
   * boards for the heat rejection and air handlers (generator-backed); a mechanical UPS per
   * side for the CDU pumps (uninterruptible). Each side is sized for the whole mechanical
   * load, so either carries it when the other fails.
   */
  private mechanical(site: Site, a: BuildingAssumptions, cooling: CoolingPlant): void {
    const pumpsKw = cooling.cdus.reduce((s, c) => s + (c.units - c.redundantUnits) * a.cduUnitPowerKw, 0);
    const rejectionKw = cooling.rejectionKw;
    const upsInKw = pumpsKw / a.upsEfficiency;
    const totalKw = rejectionKw + upsInKw;
    if (totalKw <= 0) return;
    const mech = new Construct(this, 'mechanical');
    const mv = SIDES.map((side) => {
      const mva = Math.ceil(totalKw / a.transformerEfficiency / MECHANICAL_MARGIN / 1000);
      const hv = new Transformer(mech, `hv-transformer-${side}`, {
        ratingKva: mva * 1000,
        efficiency: a.transformerEfficiency,
        secondaryKv: a.mvKv,
        feeds: [site.grid],
      });
      return new Switchgear(mech, `switchgear-${side}`, {
        ratingA: Math.ceil(threePhaseAmps(mva * 1000, a.mvKv * 1000) / 50) * 50,
        voltageKv: a.mvKv,
        feeds: [hv],
      });
    });
    // LV boards per side for the heat rejection and air handlers: enough that one side's
    // boards carry all of it at <= 85% of their kVA (a power factor down to 0.85).
    const perSide = Math.max(1, Math.ceil(rejectionKw / (a.blockTransformerKva * MECHANICAL_MARGIN)));
    const boardA = Math.ceil(threePhaseAmps(a.blockTransformerKva, 415) / 100) * 100;
    // Air handlers draw no modelled power: boards only where there is heat rejection to feed.
    const onBoards = rejectionKw > 0 ? [...cooling.air, ...cooling.rejection] : [];
    const boards = SIDES.flatMap((side, i) =>
      Array.from({ length: onBoards.length > 0 ? perSide : 0 }, (_, k) => {
        const tx = new Transformer(mech, `transformer-${side}${k + 1}`, {
          ratingKva: a.blockTransformerKva,
          efficiency: a.transformerEfficiency,
          primaryKv: a.mvKv,
          secondaryKv: 0.415,
          feeds: [mv[i]],
        });
        return new Switchboard(mech, `switchboard-${side}${k + 1}`, { ratingA: boardA, feeds: [tx] });
      }),
    );
    for (const c of onBoards) for (const b of boards) c.addFeed(b);
    if (pumpsKw > 0) {
      // The CDU pumps' UPS per side, on its own transformer and board, each sized for all the pumps.
      const kva = Math.ceil(upsInKw / MECHANICAL_MARGIN / 100) * 100;
      const ups = SIDES.map((side, i) => {
        const tx = new Transformer(mech, `transformer-ups-${side}`, {
          ratingKva: kva,
          efficiency: a.transformerEfficiency,
          primaryKv: a.mvKv,
          secondaryKv: 0.415,
          feeds: [mv[i]],
        });
        const board = new Switchboard(mech, `switchboard-ups-${side}`, {
          ratingA: Math.ceil(threePhaseAmps(kva, 415) / 100) * 100,
          feeds: [tx],
        });
        return new Ups(mech, `ups-${side}`, {
          moduleRatingKw: a.upsModuleKw,
          modules: Math.ceil(pumpsKw / MECHANICAL_MARGIN / a.upsModuleKw),
          efficiency: a.upsEfficiency,
          autonomyMinutes: a.upsAutonomyMinutes,
          feeds: [board],
        });
      });
      for (const c of cooling.cdus) for (const u of ups) c.addFeed(u);
    }
    const backedKw = (rejectionKw + upsInKw) / a.transformerEfficiency;
    new GeneratorGroup(mech, 'generators', {
      unitRatingKw: a.generatorUnitKw,
      units: Math.ceil(backedKw / a.generatorUnitKw) + a.generatorRedundantUnits,
      redundantUnits: a.generatorRedundantUnits,
      transferSeconds: a.generatorTransferSeconds,
      backs: mv,
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
  private cooling(a: BuildingAssumptions): CoolingPlant {
    const plant: CoolingPlant = { cdus: [], air: [], rejection: [], rejectionKw: 0 };
    const units = (heatKw: number, unitKw: number) =>
      Math.ceil(heatKw / unitKw - 1e-9) + a.coolingRedundantUnits;
    let totalKw = 0;
    // The racks of each hall, in the building's order, grouped once (not one pass over all racks per hall).
    const racksByHall = new Map<IConstruct | undefined, Rack[]>(this.halls.map((h) => [h, []]));
    for (const r of this.racks) racksByHall.get(r.node.scope?.node.scope)?.push(r);
    for (const hall of this.halls) {
      const racks = racksByHall.get(hall) ?? [];
      const liquidKw = racks.reduce((s, r) => s + r.designPowerKw * r.liquidFraction, 0);
      const airKw = racks.reduce((s, r) => s + r.designPowerKw * (1 - r.liquidFraction), 0);
      totalKw += liquidKw + airKw;
      if (liquidKw > 0) {
        const cdu = new Cdu(this, `cdu-${hall.node.id}`, {
          unitCapacityKw: a.cduUnitKw,
          units: a.cduUnitsPerHall ?? units(liquidKw, a.cduUnitKw),
          redundantUnits: a.coolingRedundantUnits,
          supplyTemperatureC: a.cduSupplyC,
          unitPowerKw: a.cduUnitPowerKw,
          serves: [hall],
        });
        plant.cdus.push(cdu);
      }
      if (airKw > 0) {
        const air = new AirHandler(this, `air-${hall.node.id}`, {
          unitCapacityKw: a.airUnitKw,
          units: units(airKw, a.airUnitKw),
          redundantUnits: a.coolingRedundantUnits,
          serves: [hall],
        });
        plant.air.push(air);
      }
    }
    if (a.heatRejection === 'none') return plant;
    const Rejection = a.heatRejection === 'chillers' ? Chillers : DryCoolers;
    const rejection = new Rejection(this, a.heatRejection, {
      unitCapacityKw: a.heatRejectionUnitKw,
      units: units(totalKw, a.heatRejectionUnitKw),
      redundantUnits: a.coolingRedundantUnits,
      cop: a.heatRejectionCop,
      serves: [this],
    });
    plant.rejection.push(rejection);
    plant.rejectionKw = totalKw / a.heatRejectionCop;
    return plant;
  }
}
