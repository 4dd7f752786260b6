import { DesignError } from '../errors';
import { jurisdictionOf } from './jurisdictions';

/** A Scaleway region: where regional resources (Kapsule, VPC, Object Storage) live. */
export interface ScalewayRegion {
  /** Region id, for example 'fr-par'. */
  readonly id: string;
  readonly city: string;
  /** ISO 3166-1 alpha-2 country code. */
  readonly country: string;
  /** 'EU' for EU member states, otherwise the country code. */
  readonly jurisdiction: string;
  /** Availability Zones of the region, in order. */
  readonly zones: readonly string[];
}

/** A Scaleway Availability Zone: where zonal resources (Instances, Kapsule pools) live. */
export interface ScalewayZone {
  /** Zone id, for example 'fr-par-2'. */
  readonly id: string;
  readonly region: string;
  readonly country: string;
  readonly jurisdiction: string;
}

const region = (id: string, city: string, country: string): ScalewayRegion => ({
  id,
  city,
  country,
  jurisdiction: jurisdictionOf(country),
  zones: [1, 2, 3].map((n) => `${id}-${n}`),
});

/** Scaleway's regions and their zones (Scaleway documentation, "Regions and Availability Zones"). */
export const SCALEWAY_REGIONS: readonly ScalewayRegion[] = [
  region('fr-par', 'Paris', 'FR'),
  region('nl-ams', 'Amsterdam', 'NL'),
  region('pl-waw', 'Warsaw', 'PL'),
];

export const SCALEWAY_ZONES: readonly ScalewayZone[] = SCALEWAY_REGIONS.flatMap((r) =>
  r.zones.map((id) => ({ id, region: r.id, country: r.country, jurisdiction: r.jurisdiction })),
);

/** The region with this id; a DesignError naming `path` and the known regions otherwise. */
export function scalewayRegion(id: string, path = ''): ScalewayRegion {
  const found = SCALEWAY_REGIONS.find((r) => r.id === id);
  if (!found) {
    throw new DesignError(
      path,
      `unknown Scaleway region '${String(id)}'; known: ${SCALEWAY_REGIONS.map((r) => r.id).join(', ')}`,
    );
  }
  return found;
}

/** The zone with this id; a DesignError naming `path` and the known zones otherwise. */
export function scalewayZone(id: string, path = ''): ScalewayZone {
  const found = SCALEWAY_ZONES.find((z) => z.id === id);
  if (!found) {
    throw new DesignError(
      path,
      `unknown Scaleway zone '${String(id)}'; known: ${SCALEWAY_ZONES.map((z) => z.id).join(', ')}`,
    );
  }
  return found;
}
