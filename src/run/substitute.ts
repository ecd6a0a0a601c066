// `{{ name }}` (and Smoker's `%(name)s`) substitution: shell-quoted in commands, raw in paths and params.
import { shellQuote } from '../transport/shell-quote.js';

const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_.-]*)\s*\}\}|%\(([A-Za-z_][A-Za-z0-9_]*)\)s/g;

/** A placeholder named no known value. */
export class UnknownPlaceholderError extends Error {}

/** The text form of a value: arrays joined by spaces, objects as JSON. */
export function valueText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.map(valueText).join(' ');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

function lookup(values: Readonly<Record<string, unknown>>, name: string): unknown {
  if (name in values) return values[name];
  const lower = name.toLowerCase();
  const key = Object.keys(values).find((k) => k.toLowerCase() === lower);
  if (key === undefined) throw new UnknownPlaceholderError(`unknown parameter "${name}" in {{ ${name} }}`);
  return values[key];
}

/** Substitutes placeholders with raw text (paths, parameter values). */
export function substituteRaw(text: string, values: Readonly<Record<string, unknown>>): string {
  return text.replace(PLACEHOLDER, (_m, a: string | undefined, b: string | undefined) => valueText(lookup(values, (a ?? b) as string)));
}

/** Substitutes placeholders in a command, each value shell-quoted as one literal word. */
export function substituteCommand(command: string, values: Readonly<Record<string, unknown>>): string {
  return command.replace(PLACEHOLDER, (_m, a: string | undefined, b: string | undefined) => shellQuote(valueText(lookup(values, (a ?? b) as string))));
}

/** Environment variable name of a module parameter: SMOKER_PARAM_<NAME>. */
export function paramEnvName(name: string): string {
  return `SMOKER_PARAM_${name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
}
