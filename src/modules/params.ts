// How a module's parameters reach its script: JSON on stdin and SMOKER_PARAM_<NAME> variables.

/** The variable name a parameter arrives in: upper-cased, non-alphanumerics as `_`. */
export function paramEnvName(name: string): string {
  return `SMOKER_PARAM_${name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
}

/** A parameter value as variable text: lists joined by commas, objects as JSON. */
export function formatParamValue(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (Array.isArray(value)) {
    return value
      .map((item) => (typeof item === 'object' && item !== null ? JSON.stringify(item) : String(item)))
      .join(',');
  }
  return JSON.stringify(value);
}

/** The environment variables for a module run: one per parameter that has a value. */
export function moduleParamEnv(params: Readonly<Record<string, unknown>>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(params)) {
    const text = formatParamValue(value);
    if (text !== undefined) env[paramEnvName(name)] = text;
  }
  return env;
}

/** The text written to a module's stdin: the parameters as one JSON object. */
export function moduleParamStdin(params: Readonly<Record<string, unknown>>): string {
  return `${JSON.stringify(params)}\n`;
}
