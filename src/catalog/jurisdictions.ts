/** EU member states (ISO 3166-1 alpha-2), for jurisdictions and residency checks. */
export const EU_MEMBER_STATES: ReadonlySet<string> = new Set(
  'AT BE BG HR CY CZ DK EE FI FR DE GR IE IT LV LT LU MT NL PL PT RO SK SI ES SE'.split(' '),
);

/** The jurisdiction of a country for residency checks: 'EU' for EU member states, otherwise the country code. */
export function jurisdictionOf(country: string): string {
  return EU_MEMBER_STATES.has(country) ? 'EU' : country;
}
