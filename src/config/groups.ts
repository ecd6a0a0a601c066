// Group resolution: members from patterns and children, undefined names and cycles caught.
import type { ConfigIssue, SourcePos } from '../errors.js';
import { globToRegExp } from './patterns.js';
import { expandRange, hasRange } from './ranges.js';
import { didYouMean } from './suggest.js';
import type { GroupConfig } from './types.js';

type RawGroup = { hosts?: string[]; children?: string[] };
type At = (path: (string | number)[], key?: boolean) => SourcePos;

/** Groups resolved for an inventory. */
export interface GroupResolution {
  groups: ReadonlyMap<string, GroupConfig>;
  /** For each host: its groups ordered for precedence (parents before children, then by name). */
  membership: Map<string, string[]>;
  allGroupsOf(host: string): string[];
  issues: ConfigIssue[];
  warnings: string[];
}

const RESERVED = new Set(['all', 'ungrouped']);

/** Resolves group membership and depth, reporting undefined hosts, children and cycles. */
export function resolveGroups(raw: Record<string, RawGroup>, hostNames: readonly string[], at: At): GroupResolution {
  const issues: ConfigIssue[] = [];
  const warnings: string[] = [];
  const names = Object.keys(raw);
  const direct = new Map<string, Set<string>>();
  const known = new Set(hostNames);

  for (const g of names) {
    if (RESERVED.has(g)) issues.push({ pos: at(['groups', g], true), path: `groups.${g}`, message: `"${g}" is a reserved group name (every host is in "all")` });
    const members = new Set<string>();
    (raw[g]?.hosts ?? []).forEach((pattern, i) => {
      const matched = matchMembers(pattern, hostNames, known);
      if ('error' in matched) {
        issues.push({ pos: at(['groups', g, 'hosts', i]), path: `groups.${g}.hosts[${i}]`, message: matched.error });
        return;
      }
      if (matched.hosts.length === 0) {
        if (matched.literal) {
          issues.push({ pos: at(['groups', g, 'hosts', i]), path: `groups.${g}.hosts[${i}]`, message: `undefined host "${pattern}"${didYouMean(pattern, hostNames)}` });
        } else warnings.push(`groups.${g}.hosts[${i}]: pattern "${pattern}" matches no host`);
      }
      matched.hosts.forEach((h) => members.add(h));
    });
    direct.set(g, members);
    (raw[g]?.children ?? []).forEach((child, i) => {
      if (!(child in raw)) issues.push({ pos: at(['groups', g, 'children', i]), path: `groups.${g}.children[${i}]`, message: `undefined group "${child}"${didYouMean(child, names)}` });
    });
  }
  const cycle = findCycle(raw);
  if (cycle) {
    const first = cycle[0] ?? '';
    const idx = (raw[first]?.children ?? []).indexOf(cycle[1] ?? '');
    issues.push({ pos: at(['groups', first, 'children', idx]), path: `groups.${first}.children[${idx}]`, message: `group cycle: ${cycle.join(' → ')}` });
  }
  if (issues.length > 0) return { groups: new Map(), membership: new Map(), allGroupsOf: () => [], issues, warnings };

  const parents = new Map<string, string[]>();
  for (const g of names) for (const c of raw[g]?.children ?? []) parents.set(c, [...(parents.get(c) ?? []), g]);
  const depthMemo = new Map<string, number>();
  const depth = (g: string): number => {
    const known = depthMemo.get(g);
    if (known !== undefined) return known;
    const d = Math.max(-1, ...(parents.get(g) ?? []).map(depth)) + 1;
    depthMemo.set(g, d);
    return d;
  };
  const memberMemo = new Map<string, Set<string>>();
  const allMembers = (g: string): Set<string> => {
    const known = memberMemo.get(g);
    if (known) return known;
    const s = new Set(direct.get(g));
    for (const c of raw[g]?.children ?? []) allMembers(c).forEach((h) => s.add(h));
    memberMemo.set(g, s);
    return s;
  };

  // Everything below is linear in memberships: per-host scans of every group were quadratic at 100,000 hosts.
  // Precedence order (parents first, then by name) as one rank per group, so no host sorts with localeCompare.
  const rank = new Map([...names].sort((a, b) => depth(a) - depth(b) || a.localeCompare(b)).map((g, i) => [g, i]));
  const membership = new Map<string, string[]>(hostNames.map((h) => [h, []]));
  for (const g of names) for (const h of allMembers(g)) membership.get(h)?.push(g);
  // Each group's hosts in inventory order: one pass over the hosts.
  const hostsOf = new Map<string, string[]>(names.map((g) => [g, []]));
  for (const h of hostNames) {
    const mine = membership.get(h) ?? [];
    for (const g of mine) hostsOf.get(g)?.push(h);
    mine.sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0));
  }
  const groups = new Map<string, GroupConfig>();
  for (const g of names) groups.set(g, Object.freeze({ name: g, hosts: hostsOf.get(g) ?? [], children: [...(raw[g]?.children ?? [])] }));
  groups.set('all', { name: 'all', hosts: [...hostNames], children: [] });
  groups.set('ungrouped', { name: 'ungrouped', hosts: hostNames.filter((h) => membership.get(h)?.length === 0), children: [] });
  return { groups, membership, allGroupsOf: (h) => membership.get(h) ?? [], issues, warnings };
}

function matchMembers(pattern: string, hostNames: readonly string[], known: ReadonlySet<string>): { hosts: string[]; literal: boolean } | { error: string } {
  if (hasRange(pattern)) {
    try {
      return { hosts: expandRange(pattern).map((e) => e.name).filter((h) => known.has(h)), literal: true };
    } catch (err) {
      return { error: (err as Error).message };
    }
  }
  if (pattern.startsWith('~')) {
    try {
      const re = new RegExp(pattern.slice(1));
      return { hosts: hostNames.filter((h) => re.test(h)), literal: false };
    } catch (err) {
      return { error: `invalid regular expression "${pattern}": ${(err as Error).message}` };
    }
  }
  if (/[*?[]/.test(pattern)) {
    const re = globToRegExp(pattern);
    return { hosts: hostNames.filter((h) => re.test(h)), literal: false };
  }
  return { hosts: known.has(pattern) ? [pattern] : [], literal: true };
}

/** Returns the first cycle among children links, as a path that ends where it starts. */
function findCycle(raw: Record<string, RawGroup>): string[] | undefined {
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (g: string): string[] | undefined => {
    if (state.get(g) === 'done' || !(g in raw)) return undefined;
    if (state.get(g) === 'visiting') return [...stack.slice(stack.indexOf(g)), g];
    state.set(g, 'visiting');
    stack.push(g);
    for (const c of raw[g]?.children ?? []) {
      const found = visit(c);
      if (found) return found;
    }
    stack.pop();
    state.set(g, 'done');
    return undefined;
  };
  for (const g of Object.keys(raw)) {
    const found = visit(g);
    if (found) return found;
  }
  return undefined;
}
