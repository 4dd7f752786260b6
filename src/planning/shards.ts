/** A unit of work that must stay whole in one stack (a scalable unit, a hall), and its size in resources. */
export interface ShardUnit {
  readonly key: string;
  readonly size: number;
}

export interface Shard {
  readonly keys: readonly string[];
  readonly size: number;
}

/**
 * Packs units, in their given (layout) order, into consecutive shards of at most `cap`
 * resources each; a unit larger than the cap gets a shard of its own (the stack-size report
 * then shows it over the cap). Deterministic: the same units give the same shards.
 */
export function packShards(units: readonly ShardUnit[], cap: number): Shard[] {
  const shards: { keys: string[]; size: number }[] = [];
  for (const u of units) {
    const last = shards[shards.length - 1];
    if (last && last.size + u.size <= cap) {
      last.keys.push(u.key);
      last.size += u.size;
    } else {
      shards.push({ keys: [u.key], size: u.size });
    }
  }
  return shards;
}
