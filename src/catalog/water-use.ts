import { CoolingKind } from '../model/records';
import { Source } from './source';

/**
 * Water a heat rejection plant consumes per kWh of heat it rejects, L/kWh: declared design
 * values for the EU data-centre report's WUE (Delegated Regulation (EU) 2024/1364 Annex III).
 * Chillers and dry coolers as the model knows them are closed loops rejecting heat to air:
 * no evaporation, so about zero (an adiabatically assisted dry cooler or a water-cooled chiller
 * with cooling towers must be declared with its own figure). Evaporative rejection consumes
 * about 1.6 L/kWh: the latent heat of vaporization of water (2,257 kJ/kg) makes 3,600 kJ
 * evaporate 1.6 kg; blowdown and drift add to it.
 */
export interface WaterUse {
  readonly litresPerKwhHeat: number;
  readonly note: string;
  readonly source: Source;
}

const READ = '2026-11-28';
const PHYSICS: Source = {
  title: 'Latent heat of vaporization of water, 2,257 kJ/kg at 100 C (physical constant)',
  read: READ,
  note: '3,600 kJ / 2,257 kJ/kg = 1.6 kg of water evaporated per kWh of heat',
};

export const WATER_USE: Readonly<Record<CoolingKind | 'evaporative', WaterUse>> = {
  chiller: {
    litresPerKwhHeat: 0,
    note: 'air-cooled chiller, closed loop: no evaporation (declared design value)',
    source: PHYSICS,
  },
  'dry-cooler': {
    litresPerKwhHeat: 0,
    note: 'dry cooler without adiabatic assist, closed loop: no evaporation (declared design value)',
    source: PHYSICS,
  },
  cdu: { litresPerKwhHeat: 0, note: 'closed secondary loop, no heat rejection', source: PHYSICS },
  'air-handler': { litresPerKwhHeat: 0, note: 'heat moves to the heat rejection plant', source: PHYSICS },
  evaporative: {
    litresPerKwhHeat: 1.6,
    note: 'evaporation alone; blowdown and drift add to it (declared design value)',
    source: PHYSICS,
  },
};
