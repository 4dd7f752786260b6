/**
 * A Slurm hostlist expression for names (`node[01-18]`, `r[1-3,7],login`): names that end in
 * digits are grouped by their prefix and digit count, consecutive numbers become ranges, the
 * rest stay as they are; groups and names keep their first appearance's order. Zero padding
 * is kept (`n[01-18]`), as Slurm's hostlist format allows.
 */
export function hostlist(names: readonly string[]): string {
  const groups = new Map<string, { prefix: string; width: number; numbers: number[] }>();
  const parts: (string | { prefix: string; width: number; numbers: number[] })[] = [];
  for (const name of names) {
    const m = /^(.*?)(\d+)$/.exec(name);
    if (!m || /[[\],]/.test(name)) {
      parts.push(name);
      continue;
    }
    const key = `${m[1]}\u0000${m[2].length}`;
    let g = groups.get(key);
    if (!g) {
      g = { prefix: m[1], width: m[2].length, numbers: [] };
      groups.set(key, g);
      parts.push(g);
    }
    g.numbers.push(Number(m[2]));
  }
  return parts
    .map((p) => {
      if (typeof p === 'string') return p;
      const pad = (n: number) => String(n).padStart(p.width, '0');
      const sorted = [...new Set(p.numbers)].sort((a, b) => a - b);
      if (sorted.length === 1) return `${p.prefix}${pad(sorted[0])}`;
      const ranges: string[] = [];
      for (let i = 0; i < sorted.length;) {
        let j = i;
        while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
        ranges.push(i === j ? pad(sorted[i]) : `${pad(sorted[i])}-${pad(sorted[j])}`);
        i = j + 1;
      }
      return `${p.prefix}[${ranges.join(',')}]`;
    })
    .join(',');
}
