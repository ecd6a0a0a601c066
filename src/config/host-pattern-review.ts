// A check's or service's `hosts:` judged against the inventory at load: a typo is an error, a pattern naming nothing here a warning.
import { PatternError } from '../errors.js';
import { selectHosts, type PatternUniverse } from './patterns.js';
import { suggest } from './suggest.js';

/** The hosts a pattern selects, or why it is wrong: an error (a term one slip from a host or group), or a warning. */
export function reviewHostPattern(pattern: string, universe: PatternUniverse): { hosts: string[]; problem?: { level: 'error' | 'warning'; message: string } } {
  let selection;
  try {
    selection = selectHosts(pattern, universe);
  } catch (err) {
    if (err instanceof PatternError) return { hosts: [], problem: { level: 'error', message: err.message } };
    throw err;
  }
  const names = [...universe.hosts, ...universe.groups.keys()];
  for (const term of selection.unmatched) {
    const close = suggest(term, names);
    // A near miss (`wbe` for `web`) is a typo; a name from another inventory (a shared check file) is not.
    if (close !== undefined) return { hosts: selection.hosts, problem: { level: 'error', message: `no host or group matches "${term}" (did you mean "${close}"?)` } };
  }
  if (selection.hosts.length === 0) {
    return { hosts: [], problem: { level: 'warning', message: `"${pattern}" matches no host of this inventory, so this runs nowhere` } };
  }
  return { hosts: selection.hosts };
}
