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

/** The templates of one string, read once: the names it fills in and the `{{ name <more> }}` expressions it holds. */
export interface ParsedTemplates {
  readonly names: readonly { readonly name: string; readonly text: string }[];
  readonly expressions: readonly { readonly name: string; readonly text: string; readonly operator: boolean }[];
}

/** Reads the templates of a string (for checking it against many hosts). */
export function parseTemplates(text: string): ParsedTemplates {
  return {
    names: [...text.matchAll(PLACEHOLDER)].map((m) => ({ name: ((m[1] ?? m[2]) as string).toLowerCase(), text: m[0] })),
    expressions: [...text.matchAll(EXPRESSION)].map((m) => ({ name: (m[1] ?? '').toLowerCase(), text: m[0], operator: OPERATOR.test(m[2] ?? '') })),
  };
}

/**
 * What cannot be filled when `has(name)` (lower case) says which names are known: `undefined variable "x" in {{ x }}`,
 * or `{{ index + 1 }} is an expression ...` (an expression is ours when it uses an operator or starts with a known name).
 */
export function unresolved(parsed: ParsedTemplates, has: (name: string) => boolean): string[] {
  const problems: string[] = [];
  for (const e of parsed.expressions) if (e.operator || has(e.name)) problems.push(`${e.text} is an expression, which smoker does not evaluate (it fills in a plain {{ name }})`);
  for (const n of parsed.names) if (!has(n.name)) problems.push(`undefined variable "${n.name}" in ${n.text}`);
  return [...new Set(problems)];
}

/** What in `text` cannot be filled from `values` (names match case-insensitively, as at run time). */
export function templateProblems(text: string, values: Readonly<Record<string, unknown>>): string[] {
  const known = new Set(Object.keys(values).map((k) => k.toLowerCase()));
  return unresolved(parseTemplates(text), (n) => known.has(n));
}
