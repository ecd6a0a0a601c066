// Host patterns with Ansible's semantics: names, groups, globs, ranges, ~regex, !exclude, &intersect.
import { PatternError } from '../errors.js';
import { expandFolded, expandRange, hasFoldedRange, hasRange } from './ranges.js';
import { didYouMean } from './suggest.js';

/** What patterns are evaluated against: hosts in inventory order, and groups with their hosts. */
export interface PatternUniverse {
  hosts: readonly string[];
  groups: ReadonlyMap<string, { hosts: readonly string[] }>;
}

/** The hosts a pattern selects, in inventory order, and the terms that matched nothing. */
export interface Selection {
  hosts: string[];
  unmatched: string[];
}

/** Splits a pattern into terms at commas outside brackets. */
export function splitPattern(pattern: string): string[] {
  const terms: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of pattern) {
    if (ch === '[') depth++;
    if (ch === ']') depth = Math.max(0, depth - 1);
    if (ch === ',' && depth === 0) {
      terms.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  terms.push(cur.trim());
  return terms.filter((x) => x !== '');
}

/** Converts a shell glob (`*`, `?`, `[abc]`) to an anchored RegExp. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  let inClass = false;
  for (const ch of glob) {
    if (inClass) {
      // Inside [...] a '-' is a range and '!' (at the start) negates, as in sh.
      if (ch === ']') inClass = false;
      re += ch === '!' && re.endsWith('[') ? '^' : ch === '\\' ? '\\\\' : ch;
    } else if (ch === '*') re += '.*';
    else if (ch === '?') re += '.';
    else if (ch === '[') {
      inClass = true;
      re += ch;
    } else re += ch.replace(/[.+^${}()|\\/\]-]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

function matchTerm(term: string, u: PatternUniverse): Set<string> {
  if (term === 'all' || term === '*') return new Set(u.hosts);
  const out = new Set<string>();
  const addName = (name: string) => {
    const g = u.groups.get(name);
    if (g) g.hosts.forEach((h) => out.add(h));
    if (u.hosts.includes(name)) out.add(name);
  };
  if (term.startsWith('~')) {
    let re: RegExp;
    try {
      re = new RegExp(term.slice(1));
    } catch (err) {
      throw new PatternError(`invalid regular expression in host pattern "${term}": ${(err as Error).message}`);
    }
    u.hosts.filter((h) => re.test(h)).forEach((h) => out.add(h));
    for (const [name] of u.groups) if (re.test(name)) addName(name);
    return out;
  }
  if (hasRange(term)) {
    let names;
    try {
      names = expandRange(term);
    } catch (err) {
      throw new PatternError(`invalid range in host pattern: ${(err as Error).message}`);
    }
    names.forEach((n) => addName(n.name));
    return out;
  }
  if (hasFoldedRange(term)) {
    expandFolded(term).forEach(addName);
    return out;
  }
  if (/[*?[]/.test(term)) {
    const re = globToRegExp(term);
    u.hosts.filter((h) => re.test(h)).forEach((h) => out.add(h));
    for (const [name] of u.groups) if (re.test(name)) addName(name);
    return out;
  }
  addName(term);
  return out;
}

/** Evaluates a pattern: union of plain terms, then every &term intersected, then every !term removed. */
export function selectHosts(pattern: string, u: PatternUniverse): Selection {
  const terms = splitPattern(pattern);
  if (terms.length === 0) throw new PatternError(`empty host pattern "${pattern}"`);
  const unmatched: string[] = [];
  const evaluate = (t: string) => {
    if (t === '') throw new PatternError(`empty term in host pattern "${pattern}"`);
    const s = matchTerm(t, u);
    if (s.size === 0) unmatched.push(t);
    return s;
  };
  const positive = terms.filter((t) => !t.startsWith('!') && !t.startsWith('&'));
  let selected = new Set<string>(positive.length === 0 ? u.hosts : []);
  for (const t of positive) evaluate(t).forEach((h) => selected.add(h));
  for (const t of terms.filter((x) => x.startsWith('&'))) {
    const s = evaluate(t.slice(1));
    selected = new Set([...selected].filter((h) => s.has(h)));
  }
  for (const t of terms.filter((x) => x.startsWith('!'))) {
    evaluate(t.slice(1)).forEach((h) => selected.delete(h));
  }
  return { hosts: u.hosts.filter((h) => selected.has(h)), unmatched };
}

/** Like selectHosts, but a term that matches nothing is an error (for -H on the command line). */
export function selectHostsStrict(pattern: string, u: PatternUniverse): string[] {
  const { hosts, unmatched } = selectHosts(pattern, u);
  if (unmatched.length > 0) {
    const first = unmatched[0] ?? '';
    const hint = didYouMean(first, [...u.hosts, ...u.groups.keys()]);
    throw new PatternError(`host pattern "${pattern}": no host or group matches "${first}"${hint}`);
  }
  return hosts;
}
