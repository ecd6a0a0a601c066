// Test ids (`name@{"k":v}`, keys sorted) and their reversible folder names (SPEC §8).

/** The stable id of a test with these parameters: `name`, or `name@{"a":1,"b":"x"}` with keys sorted. */
export function testId(name: string, params: Readonly<Record<string, unknown>>): string {
  const keys = Object.keys(params).sort();
  if (keys.length === 0) return name;
  return `${name}@${JSON.stringify(Object.fromEntries(keys.map((k) => [k, params[k]])))}`;
}

// Kept as they are: readable in `ls`; everything else (/, %, control characters, leading dots) is %XX.
const SAFE = /[A-Za-z0-9 _.,:;@{}[\]"'=+#!~()-]/;

/** The folder name of a test id: reversible (decodeTestDir), never `/`, `.` or `..`. */
export function encodeTestDir(id: string): string {
  let out = '';
  for (const ch of id) out += SAFE.test(ch) && ch !== '%' ? ch : [...Buffer.from(ch, 'utf8')].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
  return out.replace(/^\./, '%2E') || '%';
}

/** The test id a folder name stands for. */
export function decodeTestDir(dir: string): string {
  return dir === '%' ? '' : decodeURIComponent(dir);
}
