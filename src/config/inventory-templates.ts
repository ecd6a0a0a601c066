// Templates inside an inventory, filled at load for each host: `{{ index }}` (the range number), `{{ host }}` / `{{ name }}`.
import { PLACEHOLDER, templateProblems } from './templates.js';

/** The values an inventory's addresses and vars may name for one host. */
export function inventoryTemplateValues(host: { name: string; index: number | undefined }): Record<string, unknown> {
  return { host: host.name, name: host.name, ...(host.index !== undefined ? { index: host.index } : {}) };
}

/** Fills the names `values` knows into `text`; anything else is left as written (and reported by inventoryTemplateProblems). */
export function fillInventoryTemplate(text: string, values: Readonly<Record<string, unknown>>): string {
  if (!mayHoldTemplate(text)) return text;
  return text.replace(PLACEHOLDER, (whole, a: string | undefined, b: string | undefined) => {
    const name = (a ?? b ?? '').toLowerCase();
    return name in values ? String(values[name]) : whole;
  });
}

/** Fills every string inside a var's value (lists and maps too). */
export function fillVarTemplates(value: unknown, values: Readonly<Record<string, unknown>>): unknown {
  if (typeof value === 'string') return fillInventoryTemplate(value, values);
  if (Array.isArray(value)) return value.map((v) => fillVarTemplates(v, values));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fillVarTemplates(v, values)]));
  return value;
}

/** What cannot be filled in `value` (every string inside it), with a hint at what an inventory may use. */
export function inventoryTemplateProblems(value: unknown, values: Readonly<Record<string, unknown>>): string[] {
  const strings: string[] = [];
  collectTemplateStrings(value, strings);
  if (strings.length === 0) return [];
  const hint = 'index' in values ? '{{ index }}, {{ host }}' : '{{ host }} ({{ index }} only for hosts named with a range)';
  return [...new Set(strings.flatMap((s) => templateProblems(s, values)))].map((p) => `${p}; an inventory fills in ${hint}`);
}

// Every string in a value that may hold a template; called per host and var, so no closure (and no regex) per call.
function collectTemplateStrings(v: unknown, into: string[]): void {
  if (typeof v === 'string') {
    if (mayHoldTemplate(v)) into.push(v);
  } else if (Array.isArray(v)) for (const item of v) collectTemplateStrings(item, into);
  else if (v && typeof v === 'object') for (const item of Object.values(v)) collectTemplateStrings(item, into);
}

// A placeholder or an expression starts with `{{` or `%(`: a string without either has nothing to fill or report.
function mayHoldTemplate(s: string): boolean {
  return s.includes('{{') || s.includes('%(');
}
