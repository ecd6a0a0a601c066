// Templates in configuration values: which `{{ name }}` / `%(name)s` a string holds, and what cannot resolve (checked at load).

/** A placeholder smoker fills in: `{{ name }}` or Smoker's `%(name)s`. Substitution (run/substitute.ts) uses the same pattern. */
export const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_.-]*)\s*\}\}|%\(([A-Za-z_][A-Za-z0-9_]*)\)s/g;

// `{{ name <more> }}`: an expression, which smoker does not evaluate (`{{ index + 1 }}`, `{{ env | upper }}`).
const EXPRESSION = /\{\{\s*([A-Za-z_][A-Za-z0-9_.-]*)\s*([^}\s][^}]*?)\s*\}\}/g;
// What makes `<more>` an expression meant for smoker rather than text for another tool (Go's `{{ json .Config }}`).
const OPERATOR = /^(?:[-+*/%|([!<>=~]|(?:and|or|not|if|else|in)\b)/;

/** The names a string's placeholders refer to, in order (duplicates kept). */
export function placeholderNames(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => (m[1] ?? m[2]) as string);
}

/** The values every placeholder may name on a host: inventory vars, then host, address, port, user. */
export function hostPlaceholders(host: { name: string; address: string; port: number | undefined; user: string | undefined; vars: Readonly<Record<string, unknown>> }): Record<string, unknown> {
  return { ...host.vars, host: host.name, address: host.address, port: host.port ?? 22, user: host.user ?? '' };
}

/**
 * What in `text` cannot be filled from `values` (names match case-insensitively, as at run time):
 * `undefined variable "x" in {{ x }}`, or `{{ index + 1 }} is an expression; only {{ name }} is filled in`.
 */
export function templateProblems(text: string, values: Readonly<Record<string, unknown>>): string[] {
  const known = new Set(Object.keys(values).map((k) => k.toLowerCase()));
  const problems: string[] = [];
  for (const m of text.matchAll(EXPRESSION)) {
    const [whole, name = '', rest = ''] = m;
    if (OPERATOR.test(rest) || known.has(name.toLowerCase())) problems.push(`${whole} is an expression, which smoker does not evaluate (it fills in a plain {{ name }})`);
  }
  for (const m of text.matchAll(PLACEHOLDER)) {
    const name = (m[1] ?? m[2]) as string;
    if (!known.has(name.toLowerCase())) problems.push(`undefined variable "${name}" in ${m[0]}`);
  }
  return [...new Set(problems)];
}
