// Host allocation for `needs: { GROUP: COUNT }`: which free hosts of the inventory's groups a test gets.

/** Hosts of each group, in inventory order. */
export type GroupHosts = ReadonlyMap<string, readonly string[]>;

/**
 * Picks `count` hosts of each group, all distinct and none of them busy; undefined when they do not fit.
 * Groups with the fewest candidates pick first, so overlapping groups leave each other what they need.
 */
export function allocateHosts(needs: Readonly<Record<string, number>>, groups: GroupHosts, busy: ReadonlySet<string> = new Set()): Record<string, string[]> | undefined {
  const taken = new Set<string>();
  const out: Record<string, string[]> = {};
  const order = Object.keys(needs).sort((a, b) => (groups.get(a)?.length ?? 0) - (groups.get(b)?.length ?? 0));
  for (const g of order) {
    const want = needs[g] ?? 0;
    const free = (groups.get(g) ?? []).filter((h) => !busy.has(h) && !taken.has(h)).slice(0, want);
    if (free.length < want) return undefined;
    for (const h of free) taken.add(h);
    out[g] = free;
  }
  return Object.fromEntries(Object.keys(needs).map((g) => [g, out[g] ?? []]));
}

/** Every host of an allocation. */
export function allocatedHosts(a: Readonly<Record<string, readonly string[]>>): string[] {
  return [...new Set(Object.values(a).flat())];
}
