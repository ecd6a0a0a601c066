// OpenSSH host patterns: `*` and `?` wildcards, comma lists and `!negation` (match.c).

/** How a host fared against a pattern list: a positive match, a negated match, or neither. */
export type PatternListResult = 'match' | 'negated' | 'none';

const compiled = new Map<string, RegExp>();

/** Whether `text` matches one wildcard pattern (`*` any run, `?` one character), case-sensitively. */
export function matchWildcard(text: string, pattern: string): boolean {
  if (!/[*?]/.test(pattern)) return text === pattern;
  let re = compiled.get(pattern);
  if (!re) {
    const body = [...pattern]
      .map((ch) => (ch === '*' ? '.*' : ch === '?' ? '.' : ch.replace(/[.+^${}()|[\]\\/-]/g, '\\$&')))
      .join('');
    re = new RegExp(`^${body}$`, 's');
    if (compiled.size > 10_000) compiled.clear();
    compiled.set(pattern, re);
  }
  return re.test(text);
}

/**
 * Matches `text` against a comma-separated pattern list the way OpenSSH's match_pattern_list
 * does: a matching `!pattern` wins over any positive match. With `lowercase`, patterns are
 * lowercased first (the caller lowercases `text`).
 */
export function matchPatternList(text: string, list: string, lowercase: boolean): PatternListResult {
  let positive = false;
  for (const raw of list.split(',')) {
    const negated = raw.startsWith('!');
    let pattern = negated ? raw.slice(1) : raw;
    if (lowercase) pattern = pattern.toLowerCase();
    if (!matchWildcard(text, pattern)) continue;
    if (negated) return 'negated';
    positive = true;
  }
  return positive ? 'match' : 'none';
}
