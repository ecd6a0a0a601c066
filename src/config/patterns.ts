// Host patterns exactly as `ansible PATTERN --list-hosts` reads them, plus clush's folded names (`web[01-03,07]`).
//
// The one rule: a pattern means what it means to Ansible. smoker adds only what Ansible has no meaning for:
// brackets holding a comma are clush-style folded host names (the titles `exec` prints), which Ansible would
// split at the comma into broken pieces.
import { PatternError } from '../errors.js';
import { expandFolded } from './ranges.js';
import { didYouMean } from './suggest.js';

/** What patterns are evaluated against: hosts in inventory order, groups with their hosts, and (for -H) the hosts at an address. */
export interface PatternUniverse {
  hosts: readonly string[];
  groups: ReadonlyMap<string, { hosts: readonly string[] }>;
  /** Names of the hosts whose address (or resolved address) is exactly this one: a term naming no host or group selects them. */
  addressed?: (address: string) => readonly string[];
}

/** The hosts a pattern selects, in Ansible's order, and the terms that matched nothing. */
export interface Selection {
  hosts: string[];
  unmatched: string[];
}

// Ansible's PATTERN_WITH_SUBSCRIPT: `name[3]`, `name[-1]`, `name[1:]`, `name[0:2]` (and the old `name[0-2]`).
const SUBSCRIPT = /^(.+)\[(?:(-?[0-9]+)|([0-9]+)([:-])([0-9]*))\]$/s;
// A bracket holding a comma: clush's folded names, which Ansible cannot express.
const FOLDED_WITH_COMMA = /\[[^\]]*,[^\]]*\]/;

/**
 * Splits a pattern into terms as Ansible's split_host_pattern does: at commas (outside brackets, so folded
 * names stay whole) when there is one; else at colons, unless the whole is one address such as `host[1:3]`.
 */
export function splitPattern(pattern: string): string[] {
  if (pattern.includes(',')) return splitAtCommas(pattern);
  if (isSingleAddress(pattern)) return pattern.trim() ? [pattern.trim()] : [];
  return (pattern.match(/(?:[^\s:[\]]|\[[^\]]*\])+/g) ?? []).map((t) => t.trim()).filter(Boolean);
}

function splitAtCommas(pattern: string): string[] {
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

// Ansible's parse_address(allow_ranges=True): a host name, IPv4 or IPv6 address, ranges allowed, optional :port.
const RANGE = String.raw`\[(?:[a-z]:[a-z]|[0-9]+:[0-9]+)(?::[0-9]+)?\]`;
const LABEL = String.raw`(?:[\p{L}\p{N}_]|${RANGE})(?:[\p{L}\p{N}_-]|${RANGE})*(?<![_-])`;
const HOSTNAME = new RegExp(String.raw`^${LABEL}(?:\.${LABEL})*$`, 'iu');
const IPV4_PART = String.raw`(?:[01]?[0-9]{1,2}|2[0-4][0-9]|25[0-5]|\[[0-9]+:[0-9]+(?::[0-9]+)?\])`;
const IPV4 = new RegExp(String.raw`^(?:${IPV4_PART}\.){3}${IPV4_PART}$`);

function isSingleAddress(pattern: string): boolean {
  let host = pattern;
  const bracketed = /^\[(.+)\]:([0-9]+)$/.exec(host);
  if (bracketed) host = bracketed[1] as string;
  else {
    const hostport = /^((?:[^:[\]]|\[[^\]]*\])*):([0-9]+)$/.exec(host);
    if (hostport) host = hostport[1] as string;
  }
  return IPV4.test(host) || isIpv6(host) || HOSTNAME.test(host);
}

function isIpv6(host: string): boolean {
  if (!host.includes(':') || !/^[0-9a-f:.[\]]+$/i.test(host)) return false;
  const parts = host.split('::');
  if (parts.length > 2) return false;
  const groups = parts.flatMap((p) => (p ? p.split(':') : []));
  return groups.every((g) => /^[0-9a-f]{1,4}$/i.test(g) || /^\[[0-9a-f]+:[0-9a-f]+(?::[0-9]+)?\]$/i.test(g) || /^(?:\d{1,3}\.){3}\d{1,3}$/.test(g)) && (parts.length === 2 ? groups.length <= 7 : groups.length === 8);
}

/** Converts a shell glob (`*`, `?`, `[abc]`, `[!abc]`) to an anchored RegExp, as Python's fnmatch does. */
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
  return new RegExp(`^${re}$`, 's');
}

// Ansible's _match_list: `~regex` is matched at the start of the name (re.match), anything else as fnmatch.
function matcherOf(expr: string): (name: string) => boolean {
  if (!expr.startsWith('~')) {
    let re: RegExp;
    try {
      re = globToRegExp(expr);
    } catch {
      throw new PatternError(`invalid host list pattern: ${expr}`);
    }
    return (name) => re.test(name);
  }
  let re: RegExp;
  try {
    re = new RegExp(`^(?:${expr.slice(1)})`, 'u');
  } catch (err) {
    throw new PatternError(`invalid regular expression in host pattern "${expr}": ${(err as Error).message}`);
  }
  return (name) => re.test(name);
}

// Ansible's group order: `all` and `ungrouped` first, then groups as the inventory created them.
function groupNames(u: PatternUniverse): string[] {
  const implicit = ['all', 'ungrouped'].filter((g) => u.groups.has(g));
  return [...implicit, ...[...u.groups.keys()].filter((g) => g !== 'all' && g !== 'ungrouped')];
}

function hostsOfGroup(u: PatternUniverse, name: string): readonly string[] {
  return name === 'all' && !u.groups.has('all') ? u.hosts : (u.groups.get(name)?.hosts ?? []);
}

// Ansible's _enumerate_matches: hosts of every matching group, then hosts whose name matches when no group
// did or the expression is a regex or glob. Duplicates stay until the end, as in Ansible (subscripts count them).
function enumerate(expr: string, u: PatternUniverse): string[] {
  const matches = matcherOf(expr);
  const out: string[] = [];
  const groups = groupNames(u).filter(matches);
  if (expr === 'all' && !groups.includes('all')) groups.unshift('all');
  for (const g of groups) out.push(...hostsOfGroup(u, g));
  if (groups.length === 0 || expr.startsWith('~') || /[.?*[]/.test(expr)) out.push(...u.hosts.filter(matches));
  return out;
}

// Ansible's _match_one_pattern: `&`/`!` stripped, subscript split off (never from a regex) and applied.
function matchOne(term: string, u: PatternUniverse): string[] {
  const pattern = term.startsWith('&') || term.startsWith('!') ? term.slice(1) : term;
  if (FOLDED_WITH_COMMA.test(pattern) && !pattern.startsWith('~')) {
    const known = new Set(u.hosts);
    return expandFolded(pattern).flatMap((n) => (u.groups.has(n) ? [...hostsOfGroup(u, n)] : known.has(n) ? [n] : []));
  }
  const m = pattern.startsWith('~') ? null : SUBSCRIPT.exec(pattern);
  if (!m) return enumerate(pattern, u);
  const [, expr = '', index, startText, , endText] = m;
  const hosts = enumerate(expr, u);
  if (hosts.length === 0) return hosts;
  if (index !== undefined) {
    const i = Number(index);
    const picked = hosts.at(i);
    if (picked === undefined || i >= hosts.length || -i > hosts.length) {
      throw new PatternError(`no hosts matched the subscripted pattern "${pattern}" (${expr} has ${hosts.length})`);
    }
    return [picked];
  }
  const start = Number(startText);
  let end = endText ? Number(endText) : -1;
  // Python's `if end:` — a zero end picks the single host at `start`.
  if (end === 0) {
    const picked = hosts[start];
    if (picked === undefined) throw new PatternError(`no hosts matched the subscripted pattern "${pattern}" (${expr} has ${hosts.length})`);
    return [picked];
  }
  if (end === -1) end = hosts.length - 1;
  return hosts.slice(start, end + 1);
}

/** Evaluates a pattern as Ansible does: unions in order, then every &term intersected, then every !term removed. */
export function selectHosts(pattern: string, u: PatternUniverse): Selection {
  const terms = splitPattern(pattern);
  if (terms.length === 0) throw new PatternError(`empty host pattern "${pattern}"`);
  const regular = terms.filter((t) => !t.startsWith('!') && !t.startsWith('&'));
  const ordered = [...(regular.length ? regular : ['all']), ...terms.filter((t) => t.startsWith('&')), ...terms.filter((t) => t.startsWith('!'))];
  const known = new Set(u.hosts);
  const unmatched: string[] = [];
  let hosts: string[] = [];
  for (const t of ordered) {
    if (t === '&' || t === '!') throw new PatternError(`empty term in host pattern "${pattern}"`);
    const bare = t.startsWith('&') || t.startsWith('!') ? t.slice(1) : t;
    // A plain host name is taken as it is, as Ansible does before trying groups.
    if (known.has(t)) {
      hosts.push(t);
      continue;
    }
    // A term that names no host or group selects every host at that address (indexed only when one is asked for).
    const named = matchOne(t, u);
    const that = named.length > 0 ? named : addressedBy(bare, u);
    if (that.length === 0) unmatched.push(bare);
    if (t.startsWith('!')) {
      const s = new Set(that);
      hosts = hosts.filter((h) => !s.has(h));
    } else if (t.startsWith('&')) {
      const s = new Set(that);
      hosts = hosts.filter((h) => s.has(h));
    } else {
      const seen = new Set(hosts);
      hosts.push(...that.filter((h) => !seen.has(h)));
    }
  }
  return { hosts: [...new Set(hosts)], unmatched };
}

// Hosts at the address a term names exactly (globs, regexes and folded names match host names only).
function addressedBy(term: string, u: PatternUniverse): readonly string[] {
  if (!u.addressed || term.startsWith('~') || /[*?[]/.test(term)) return [];
  return u.addressed(term);
}

/** Like selectHosts, but a term that matches nothing is an error (for -H on the command line). */
export function selectHostsStrict(pattern: string, u: PatternUniverse): string[] {
  const { hosts, unmatched } = selectHosts(pattern, u);
  if (unmatched.length > 0) {
    const first = unmatched[0] ?? '';
    const hint = didYouMean(first, [...u.hosts, ...u.groups.keys()]) || subscriptHint(first, u);
    throw new PatternError(`host pattern "${pattern}": no host or group matches "${first}"${hint}`);
  }
  return hosts;
}

// `web[01:03]` is a subscript of group "web" in Ansible's syntax, not a range of host names: say how to name them.
function subscriptHint(term: string, u: PatternUniverse): string {
  const m = SUBSCRIPT.exec(term);
  if (!m || u.groups.has(m[1] ?? '')) return '';
  return ` ("${m[1]}[…]" is a subscript of group "${m[1]}", as in Ansible; to name several hosts, list them with commas or use a glob)`;
}
