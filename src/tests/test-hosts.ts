// The hosts a test got: `on:` patterns are evaluated within them, and `group[N]` picks the Nth host of a group.
import { selectHostsStrict, splitPattern } from '../config/patterns.js';
import type { HostConfig, Inventory } from '../config/types.js';
import { PatternError } from '../errors.js';

/** A test's hosts by group, and pattern selection within them. */
export class TestHosts {
  private readonly configs: HostConfig[];
  private readonly groups: Map<string, { hosts: string[] }>;

  constructor(
    inventory: Inventory,
    /** Hosts allocated by `needs`, by group. */
    readonly allocation: Readonly<Record<string, readonly string[]>>,
  ) {
    const names = new Set(Object.values(allocation).flat());
    this.configs = inventory.hosts.filter((h) => names.has(h.name));
    // A group name in a pattern means the hosts the test got of it (then other inventory groups, narrowed to the test).
    this.groups = new Map([...inventory.groups].map(([g, c]) => [g, { hosts: c.hosts.filter((h) => names.has(h)) }]));
    for (const [g, hs] of Object.entries(allocation)) this.groups.set(g, { hosts: [...hs] });
  }

  /** Every host of the test, in inventory order. */
  all(): HostConfig[] {
    return [...this.configs];
  }

  /** Names of the hosts the test got of a group (all its hosts without a group). */
  names(group?: string): string[] {
    if (group === undefined) return this.configs.map((h) => h.name);
    const g = this.groups.get(group);
    if (!g) throw new PatternError(`the test has no group "${group}" (its groups: ${Object.keys(this.allocation).join(', ') || 'none'})`);
    return [...g.hosts];
  }

  /** The hosts an `on:` pattern selects within the test (all of them without one); a pattern matching nothing throws. */
  select(pattern?: string): HostConfig[] {
    if (pattern === undefined) return this.all();
    const expanded = splitPattern(pattern).map((t) => this.subscript(t)).join(',');
    const picked = new Set(selectHostsStrict(expanded, { hosts: this.configs.map((h) => h.name), groups: this.groups }));
    const out = this.configs.filter((h) => picked.has(h.name));
    if (out.length === 0) throw new PatternError(`on: "${pattern}" selects none of the test's hosts (${this.configs.map((h) => h.name).join(', ')})`);
    return out;
  }

  // Ansible's `group[0]`, `group[-1]`, `group[0:1]`: positions in the test's hosts of that group.
  private subscript(term: string): string {
    const m = /^([!&]?)([^[\]]+)\[(-?\d+)(?::(-?\d+))?\]$/.exec(term);
    const g = m ? this.groups.get(m[2] as string) : undefined;
    if (!m || !g) return term;
    const n = g.hosts.length;
    const at = (s: string) => (Number(s) < 0 ? n + Number(s) : Number(s));
    const from = at(m[3] as string);
    const to = m[4] === undefined ? from : at(m[4]);
    const hosts = g.hosts.slice(from, to + 1);
    if (hosts.length === 0) throw new PatternError(`${term}: group ${m[2]} has ${n} host${n === 1 ? '' : 's'} in this test`);
    return hosts.map((h) => `${m[1]}${h}`).join(',');
  }
}
