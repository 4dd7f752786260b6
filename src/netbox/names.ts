import { DesignError } from '../errors';

/**
 * NetBox names and slugs derived from the layout. A slug holds lower-case ASCII letters,
 * digits, '-' and '_' (Django's SlugField); diacritics are dropped ('Bruyères' -> 'bruyeres')
 * and every other run of characters becomes one '-'.
 */
export function slugOf(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The path of `path` below `scopePath` ('bruyeres/building-1/hall-01' below 'bruyeres': 'building-1/hall-01'). */
export function below(scopePath: string, path: string): string {
  return path.startsWith(`${scopePath}/`) ? path.slice(scopePath.length + 1) : path;
}

/** Longest names and slugs NetBox stores (its model fields' max_length). */
export const MAX_LENGTH = { name: 100, deviceName: 64, slug: 100 } as const;

/**
 * Longest description NetBox stores: `description = models.CharField(max_length=200)` on its
 * primary and organizational models (netbox/netbox/models/__init__.py, NetBox v4.x, read
 * 2026-11-28). Descriptions carry construct paths and user names, so they can be longer.
 */
export const MAX_DESCRIPTION = 200;

/**
 * A description as NetBox stores it: as it is, or cut to 199 characters (code points, as
 * NetBox counts them) and an ellipsis, instead of failing at `terraform apply`.
 */
export function fitted(description: string): string {
  if (description.length <= MAX_DESCRIPTION) return description; // UTF-16 units >= code points
  const chars = Array.from(description);
  return chars.length <= MAX_DESCRIPTION ? description : `${chars.slice(0, MAX_DESCRIPTION - 1).join('')}…`;
}

/** `value`, or a DesignError naming `path` when it is longer than NetBox stores or empty. */
export function checked(path: string, what: string, value: string, max: number): string {
  if (value.length === 0) throw new DesignError(path, `NetBox ${what} would be empty`);
  if (value.length > max) {
    throw new DesignError(
      path,
      `NetBox ${what} '${value}' is ${value.length} characters; NetBox stores ${max}`,
    );
  }
  return value;
}

/**
 * Keys for one kind of object: refuses a key given twice (two names with the same slug),
 * naming both construct paths.
 */
export class KeySet {
  private readonly seen = new Map<string, string>();

  constructor(private readonly kind: string) {}

  add(path: string, key: string): string {
    const other = this.seen.get(key);
    if (other !== undefined) {
      throw new DesignError(path, `NetBox ${this.kind} '${key}' is already used by ${other}`);
    }
    this.seen.set(key, path);
    return key;
  }
}

/** Zero-padded ordinal: pad2(3) = '03'. */
export const pad2 = (n: number): string => String(n).padStart(2, '0');
