// `{{ name }}` (and Smoker's `%(name)s`) substitution: shell-quoted in commands, raw in paths and params.
import { PLACEHOLDER } from '../config/templates.js';
import { shellQuote } from '../transport/shell-quote.js';

export { hostPlaceholders } from '../config/templates.js';

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

/**
 * Substitutes placeholders in a command so each value stays literal text, whatever quotes the
 * placeholder sits in: bare `{{ x }}` becomes one quoted word, inside '...' only `'` is escaped,
 * inside "..." only `$`, backquote, `"` and `\` are (so `echo '{{ x }}'` cannot be broken out of).
 */
export function substituteCommand(command: string, values: Readonly<Record<string, unknown>>): string {
  const placeholder = new RegExp(PLACEHOLDER.source, 'y');
  let out = '';
  let quote: Quote = 'none';
  for (let i = 0; i < command.length; ) {
    placeholder.lastIndex = i;
    const m = placeholder.exec(command);
    if (m) {
      out += quoteIn(quote, valueText(lookup(values, (m[1] ?? m[2]) as string)));
      i += m[0].length;
      continue;
    }
    const ch = command[i] as string;
    // A backslash outside single quotes escapes the next character, quotes included.
    if (ch === '\\' && quote !== 'single') {
      out += command.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (ch === "'" && quote !== 'double') quote = quote === 'single' ? 'none' : 'single';
    else if (ch === '"' && quote !== 'single') quote = quote === 'double' ? 'none' : 'double';
    out += ch;
    i++;
  }
  return out;
}

type Quote = 'none' | 'single' | 'double';

function quoteIn(quote: Quote, text: string): string {
  if (quote === 'single') return text.replaceAll("'", `'\\''`);
  if (quote === 'double') return text.replace(/[$`"\\]/g, '\\$&');
  return shellQuote(text);
}

/** Environment variable name of a module parameter: SMOKER_PARAM_<NAME>. */
export function paramEnvName(name: string): string {
  return `SMOKER_PARAM_${name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
}
