// Expands a filesystem glob (`*`, `?`, `[...]` per path segment) as glob(3) does for Include.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Existing paths matching an absolute glob, sorted; a pattern without wildcards yields itself if it exists. */
export function expandGlob(pattern: string): string[] {
  const segments = pattern.split('/').filter((s, i) => s !== '' || i === 0);
  let found = [segments[0] === '' ? '/' : '.'];
  for (const segment of segments.slice(segments[0] === '' ? 1 : 0)) {
    found = found.flatMap((dir) => (hasWildcards(segment) ? listMatching(dir, segment) : [join(dir, unescape(segment))]));
  }
  return found.filter(exists).sort();
}

/** Whether a glob segment contains unescaped wildcards. */
export function hasWildcards(segment: string): boolean {
  return /(^|[^\\])[*?[]/.test(segment);
}

function listMatching(dir: string, segment: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const re = segmentToRegExp(segment);
  // Like glob(3), wildcards do not match a leading dot.
  return names.filter((n) => (!n.startsWith('.') || segment.startsWith('.')) && re.test(n)).map((n) => join(dir, n));
}

/** Converts one glob segment into an anchored RegExp. */
export function segmentToRegExp(segment: string): RegExp {
  let re = '';
  for (let i = 0; i < segment.length; i++) {
    const ch = segment[i] as string;
    if (ch === '\\' && i + 1 < segment.length) re += escapeRe(segment[++i] as string);
    else if (ch === '*') re += '[^/]*';
    else if (ch === '?') re += '[^/]';
    else if (ch === '[') {
      const close = segment.indexOf(']', i + 2);
      if (close === -1) {
        re += '\\[';
        continue;
      }
      let body = segment.slice(i + 1, close);
      const negated = body.startsWith('!') || body.startsWith('^');
      if (negated) body = body.slice(1);
      re += `[${negated ? '^' : ''}${body.replace(/[\\\]^]/g, '\\$&')}]`;
      i = close;
    } else re += escapeRe(ch);
  }
  return new RegExp(`^${re}$`, 's');
}

function escapeRe(ch: string): string {
  return ch.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

function unescape(segment: string): string {
  return segment.replace(/\\(.)/g, '$1');
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}
