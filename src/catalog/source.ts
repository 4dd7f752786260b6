/** Where a catalog number comes from, and when it was read. */
export interface Source {
  readonly title: string;
  readonly url?: string;
  /** ISO date the source was read. */
  readonly read: string;
  /** What the source says, in a few words, where the entry derives a value from it. */
  readonly note?: string;
}

/**
 * A value that sources give as a range. The checks use `design`; `min`/`max` keep the
 * spread so a reader sees how uncertain it is.
 */
export interface Ranged {
  readonly min: number;
  readonly design: number;
  readonly max: number;
}
