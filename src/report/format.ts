import { fmt } from '../units';
import { WorstCase } from './diagram-data';

/** A fraction as a percentage with one decimal (`0.873` -> `87.3%`); empty when undefined. */
export function pct(u: number | undefined): string {
  return u === undefined ? '' : `${fmt(u * 100)}%`;
}

/** Coordinates with at most one decimal, for compact and stable SVG. */
export function num(v: number): string {
  return String(Math.round(v * 10) / 10);
}

/** `text` cut to `chars` characters, keeping its end (`…hall-02/ups-a`). */
export function clip(text: string, chars: number): string {
  return text.length <= chars ? text : `…${text.slice(text.length - chars + 1)}`;
}

/** "1,234 of 2,500 kVA when a/b fails", with the piece's path first when `withPath`. */
export function worstText(w: WorstCase, withPath: boolean): string {
  const cause = w.ownUnit ? 'with one of its units lost' : `when ${w.failure} fails`;
  return `${withPath ? `${w.path} carries ` : ''}${fmt(w.load)} of ${fmt(w.limit)} ${w.unit} ${cause}`;
}
