// Reading parser options: keys match case-insensitively, as Smoker's did.

/** Returns a parameter by name, exact key first, else the first case-insensitive match. */
export function getParam(params: Record<string, unknown>, name: string): unknown {
  if (Object.hasOwn(params, name)) return params[name];
  const lower = name.toLowerCase();
  for (const [key, value] of Object.entries(params)) if (key.toLowerCase() === lower) return value;
  return undefined;
}

/** Returns a copy with lower-cased keys; later sources win. */
export function mergeLowerKeys(...sources: Record<string, unknown>[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const source of sources) for (const [k, v] of Object.entries(source)) out[k.toLowerCase()] = v;
  return out;
}

/** Describes a value for error messages: strings quoted, others as JSON. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
