import { DesignError } from './errors';

/**
 * Units. Internally power is in W (real) and VA (apparent); the public API speaks kW, kVA
 * and MW with the unit in the prop's name (`ratingKva`, `designPowerKw`).
 * kW = kVA x PF. Three-phase apparent power: S = sqrt(3) x V(line-to-line) x I.
 */
export const W_PER_KW = 1_000;
export const W_PER_MW = 1_000_000;
export const SQRT3 = Math.sqrt(3);

export const kw = (value: number): number => value * W_PER_KW;
export const mw = (value: number): number => value * W_PER_MW;
export const toKw = (watts: number): number => watts / W_PER_KW;
export const toMw = (watts: number): number => watts / W_PER_MW;

/**
 * Relative tolerance of every limit test: a value at its limit up to floating-point rounding
 * (sums of loads over shares and efficiencies) is at the limit, not above it.
 */
export const LIMIT_TOLERANCE = 1e-12;

/** True when `value` is above `limit` by more than the rounding tolerance (at the limit exactly is within it). */
export function exceeds(value: number, limit: number): boolean {
  return value > limit * (1 + LIMIT_TOLERANCE);
}

/** Apparent power in VA of a circuit: three-phase uses line-to-line volts; DC and single-phase V x A. */
export function circuitVa(volts: number, amps: number, phases: 1 | 3 | 'dc'): number {
  return phases === 3 ? SQRT3 * volts * amps : volts * amps;
}

/** Apparent power, kVA, of a three-phase circuit of `amps` at `volts` line-to-line: sqrt(3) x V x A / 1000. */
export function threePhaseKva(volts: number, amps: number): number {
  return circuitVa(volts, amps, 3) / 1000;
}

/** Current, A, of a three-phase circuit carrying `kva` at `volts` line-to-line: kVA x 1000 / (sqrt(3) x V). */
export function threePhaseAmps(kva: number, volts: number): number {
  return (kva * 1000) / (SQRT3 * volts);
}

/** Rounds for reports: deterministic, at most `digits` decimals, no -0. */
export function round(value: number, digits = 3): number {
  const f = 10 ** digits;
  const r = Math.round(value * f) / f;
  return r === 0 ? 0 : r;
}

const formats = new Map<number, Intl.NumberFormat>();

/**
 * Formats a number for messages: thousands separators, at most `digits` decimals. One
 * `Intl.NumberFormat` per digit count: `toLocaleString` builds one per call (about 30 us),
 * which dominated writing tens of thousands of alert annotations.
 */
export function fmt(value: number, digits = 1): string {
  let format = formats.get(digits);
  if (format === undefined) {
    format = new Intl.NumberFormat('en-US', { maximumFractionDigits: digits });
    formats.set(digits, format);
  }
  return format.format(round(value, digits));
}

/** A strictly positive, finite number, or a DesignError naming the construct path and the prop. */
export function positive(path: string, prop: string, value: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new DesignError(path, `${prop} must be a finite number > 0, got ${String(value)}`);
  }
  return value;
}

/** A fraction in (0, 1], such as an efficiency, a power factor or a utilization limit. */
export function fraction(path: string, prop: string, value: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > 1) {
    throw new DesignError(path, `${prop} must be a number in (0, 1], got ${String(value)}`);
  }
  return value;
}

/** A whole number >= min. */
export function count(path: string, prop: string, value: number, min = 1): number {
  if (!Number.isInteger(value) || value < min) {
    throw new DesignError(path, `${prop} must be a whole number >= ${min}, got ${String(value)}`);
  }
  return value;
}

/**
 * The unit counts of a parallel group (UPS modules, generators, CDUs): `units` >= 1 and
 * `reserve` in [0, units). Returns [units, reserve]; a DesignError naming the props otherwise.
 */
export function parallelGroup(
  path: string,
  units: number,
  reserve: number,
  names: readonly [string, string] = ['units', 'redundantUnits'],
): [number, number] {
  const n = count(path, names[0], units);
  const r = count(path, names[1], reserve, 0);
  if (r >= n) throw new DesignError(path, `${names[1]} (${r}) must be fewer than ${names[0]} (${n})`);
  return [n, r];
}
