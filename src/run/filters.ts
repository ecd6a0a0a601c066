// Check filters of `run`, `inspect` and `checks` (SPEC §3), as one pure predicate.
import { globToRegExp } from '../config/patterns.js';
import { didYouMean } from '../config/suggest.js';

/** The filters a user can give. */
export interface CheckFilters {
  smoke?: boolean;
  health?: boolean;
  categories?: readonly string[];
  components?: readonly string[];
  /** -p/--check: names or globs. */
  names?: readonly string[];
  exclude?: readonly string[];
  /** From --error/--nook: host → checks to re-run ('all' for a host that was unreachable). */
  only?: ReadonlyMap<string, ReadonlySet<string> | 'all'>;
}

/** What a filter looks at in a check (definitions and results both have these). */
export interface FilterableCheck {
  name: string;
  type?: string | undefined;
  category?: string | undefined;
  component?: string | undefined;
}

function matchesAny(value: string, patterns: readonly string[]): boolean {
  return patterns.some((p) => (/[*?[]/.test(p) ? globToRegExp(p).test(value) : p === value));
}

/** Whether a check passes the filters on a given host. */
export function passesFilters(c: FilterableCheck, host: string, f: CheckFilters): boolean {
  if (f.smoke || f.health) {
    const ok = (f.smoke && c.type === 'smokeTest') || (f.health && c.type === 'healthCheck');
    if (!ok) return false;
  }
  if (f.categories?.length && !(c.category && f.categories.includes(c.category))) return false;
  if (f.components?.length && !(c.component && f.components.includes(c.component))) return false;
  if (f.names?.length && !matchesAny(c.name, f.names)) return false;
  if (f.exclude?.length && matchesAny(c.name, f.exclude)) return false;
  if (f.only) {
    const wanted = f.only.get(host);
    if (wanted === undefined || (wanted !== 'all' && !wanted.has(c.name))) return false;
  }
  return true;
}

/** Whether any filter is set (for session.json). */
export function describeFilters(f: CheckFilters): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(f)) {
    if (v === undefined || v === false || (Array.isArray(v) && v.length === 0)) continue;
    out[k] = v instanceof Map ? Object.fromEntries([...v].map(([h, s]) => [h, s === 'all' ? 'all' : [...(s as Set<string>)]])) : v;
  }
  return out;
}

/**
 * Says which filter values select no check at all (a typo such as `--category nagois`), with a suggestion:
 * `-p: no check matches "lod" (did you mean "load"?)`. Empty when every value matches some check.
 */
export function unmatchedFilters(checks: readonly FilterableCheck[], f: CheckFilters): string[] {
  const names = checks.map((c) => c.name);
  const problems: string[] = [];
  const byName = (flag: string, patterns: readonly string[] | undefined) => {
    for (const p of patterns ?? []) if (!names.some((n) => matchesAny(n, [p]))) problems.push(`${flag}: no check matches "${p}"${didYouMean(p, names)}`);
  };
  const byField = (flag: string, field: 'category' | 'component', values: readonly string[] | undefined) => {
    const known = [...new Set(checks.map((c) => c[field]).filter((v): v is string => v !== undefined))];
    for (const v of values ?? []) if (!known.includes(v)) problems.push(`--${field}: no check has ${field} "${v}"${didYouMean(v, known) || (known.length ? ` (${field === 'category' ? 'categories' : 'components'}: ${known.join(', ')})` : '')}`);
  };
  byName('-p', f.names);
  byName('--exclude-check', f.exclude);
  byField('--category', 'category', f.categories);
  byField('--component', 'component', f.components);
  return problems;
}
