/**
 * A pack: its rules, each given the pack's name; every rule id must start with the pack's
 * prefix (`PWR-001` in pack `power`, prefix `PWR`). The pack and the prefix are stated here
 * once, for all its rules (cdk-nag: a pack is a list of rules). A rule whose id has another
 * prefix, or a rule listed twice, is refused when the pack is defined.
 */
export function definePack<T extends { readonly id: string }>(
  prefix: string,
  name: string,
  rules: readonly T[],
): readonly (T & { readonly pack: string })[] {
  const shape = new RegExp(`^${prefix}-\\d{3}$`);
  const seen = new Set<string>();
  return rules.map((rule) => {
    if (!shape.test(rule.id)) {
      throw new Error(`pack ${name}: rule ${rule.id} is not like ${prefix}-001, the pack's prefix`);
    }
    if (seen.has(rule.id)) throw new Error(`pack ${name}: rule ${rule.id} is listed twice`);
    seen.add(rule.id);
    return { ...rule, pack: name };
  });
}
