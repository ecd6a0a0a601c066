// Log patterns are written as JavaScript-style regular expressions; hosts match them with awk (POSIX ERE).

const CLASSES: Record<string, string> = {
  d: '[0-9]',
  D: '[^0-9]',
  s: '[[:space:]]',
  S: '[^[:space:]]',
  w: '[[:alnum:]_]',
  W: '[^[:alnum:]_]',
};

/** Rewrites the shorthand classes awk lacks (\d \s \w and their negations, outside brackets) as POSIX classes. */
export function toAwkRegex(pattern: string): string {
  let out = '';
  let inBracket = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i] as string;
    if (ch === '\\' && i + 1 < pattern.length) {
      const next = pattern[i + 1] as string;
      out += !inBracket && CLASSES[next] ? CLASSES[next] : `\\${next}`;
      i++;
      continue;
    }
    if (ch === '[' && !inBracket) inBracket = true;
    else if (ch === ']' && inBracket) inBracket = false;
    out += ch;
  }
  return out;
}
