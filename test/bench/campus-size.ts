/** Grid connection (MW) that a scaled Essonne design of `racks` GB200 racks at PUE 1.3 fits in. */
export function gridFor(racks: number): number {
  return Math.ceil((racks * 132 * 1.3) / 1000 / 0.95);
}
