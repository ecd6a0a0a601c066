// Templates inside an inventory, filled at load for each host: `{{ index }}` (the range number), `{{ host }}` / `{{ name }}`.
import { PLACEHOLDER, templateProblems } from './templates.js';

/** The values an inventory's addresses and vars may name for one host. */
export function inventoryTemplateValues(host: { name: string; index: number | undefined }): Record<string, unknown> {
  return { host: host.name, name: host.name, ...(host.index !== undefined ? { index: host.index } : {}) };
}

/** Fills the names `values` knows into `text`; anything else is left as written (and reported by inventoryTemplateProblems). */
export function fillInventoryTemplate(text: string, values: Readonly<Record<string, unknown>>): string {
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
  const visit = (v: unknown): void => {
    if (typeof v === 'string') strings.push(v);
    else if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') Object.values(v).forEach(visit);
  };
  visit(value);
  const hint = 'index' in values ? '{{ index }}, {{ host }}' : '{{ host }} ({{ index }} only for hosts named with a range)';
  return [...new Set(strings.flatMap((s) => templateProblems(s, values)))].map((p) => `${p}; an inventory fills in ${hint}`);
}
