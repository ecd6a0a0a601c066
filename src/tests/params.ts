// Parameters of a test: the matrix's cartesian product, explicit `params` lists, and --param overrides.

/** Every combination of a matrix (keys in order); one empty combination for an empty matrix. */
export function expandMatrix(matrix: Readonly<Record<string, readonly unknown[]>>): Record<string, unknown>[] {
  let combos: Record<string, unknown>[] = [{}];
  for (const [key, values] of Object.entries(matrix)) combos = combos.flatMap((c) => values.map((v) => ({ ...c, [key]: v })));
  return combos;
}

/** The parameter sets of a test: each `params` entry (or one empty set) combined with every matrix combination. */
export function expandParams(matrix: Readonly<Record<string, readonly unknown[]>>, params: readonly Readonly<Record<string, unknown>>[]): Record<string, unknown>[] {
  const bases = params.length ? params : [{}];
  const combos = expandMatrix(matrix);
  return bases.flatMap((b) => combos.map((c) => ({ ...b, ...c })));
}

/** Parses `--param k=v`: the value as JSON when it is JSON (1, true, "x", [..]), else the text. */
export function parseParamOption(text: string): { key: string; value: unknown } | undefined {
  const eq = text.indexOf('=');
  if (eq <= 0) return undefined;
  const raw = text.slice(eq + 1);
  let value: unknown = raw;
  try {
    value = JSON.parse(raw);
  } catch {
    // Plain text.
  }
  return { key: text.slice(0, eq), value };
}

/**
 * Applies --param overrides: a key the test varies narrows its sets to those with that value (compared as
 * text, so `--param acks=1` matches 1 and "1"); any other key is set on every set. Duplicates are dropped.
 */
export function applyParamOverrides(sets: readonly Record<string, unknown>[], overrides: ReadonlyMap<string, unknown>): Record<string, unknown>[] {
  let out = sets.map((s) => ({ ...s }));
  for (const [key, value] of overrides) {
    const varied = out.some((s) => key in s);
    out = varied ? out.filter((s) => key in s && sameValue(s[key], value)) : out.map((s) => ({ ...s, [key]: value }));
  }
  const seen = new Set<string>();
  return out.filter((s) => {
    const k = JSON.stringify(Object.entries(s).sort(([a], [b]) => (a < b ? -1 : 1)));
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function sameValue(a: unknown, b: unknown): boolean {
  const text = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));
  return text(a) === text(b);
}
