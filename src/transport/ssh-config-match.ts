// Decides whether a Host or Match line applies to the host being resolved (OpenSSH readconf.c).
import { matchPatternList, matchWildcard } from './host-patterns.js';
import type { MatchCriterion } from './ssh-config-types.js';

/** What Match criteria are tested against. */
export interface MatchSubject {
  /** The host as given, for `Host` and `Match originalhost`. */
  readonly originalHost: string;
  /** HostName (with `%h` expanded) if set so far, else the host as given. */
  readonly host: string;
  /** The remote user so far: the caller's, else User so far, else the local user. */
  readonly user: string;
  readonly localUser: string;
  /** Whether this is OpenSSH's second pass (`Match final`, `Match canonical` hold only there). */
  readonly final?: boolean;
}

/** Whether a `Host` line matches: some pattern matches and no `!pattern` does (case-sensitive). */
export function matchHostLine(patterns: readonly string[], host: string): boolean {
  let matched = false;
  for (const p of patterns) {
    const negated = p.startsWith('!');
    if (!matchWildcard(host, negated ? p.slice(1) : p)) continue;
    if (negated) return false;
    matched = true;
  }
  return matched;
}

/** Whether every criterion of a `Match` line holds; undefined criteria (unsupported) never match. */
export function matchMatchLine(criteria: readonly MatchCriterion[] | undefined, s: MatchSubject): boolean {
  if (criteria === undefined) return false;
  return criteria.every((c) => testCriterion(c, s) !== c.negated);
}

function testCriterion(c: MatchCriterion, s: MatchSubject): boolean {
  const patterns = c.patterns ?? '';
  switch (c.name) {
    case 'all':
      return true;
    case 'host':
      return matchPatternList(s.host.toLowerCase(), patterns, true) === 'match';
    case 'originalhost':
      return matchPatternList(s.originalHost, patterns, true) === 'match';
    case 'user':
      return matchPatternList(s.user, patterns, false) === 'match';
    case 'localuser':
      return matchPatternList(s.localUser, patterns, false) === 'match';
    case 'final':
    case 'canonical':
      return s.final === true;
  }
}
