// Markdown tables of a schema's keys, from the same definitions the validator and `smoker schema` use.
import { ListSchema, ObjectSchema, RecordSchema, type Schema } from '../config/schema/types.js';

/** A table: one row per key, with the value it takes and what it does. */
export function keysTable(fields: Readonly<Record<string, Schema<unknown>>>, options: { skip?: readonly string[] } = {}): string {
  const rows = Object.entries(fields)
    .filter(([k]) => !(options.skip ?? []).includes(k))
    .map(([k, s]) => `| \`${k}\` | ${cell(valueText(s))} | ${cell(s.description ?? '')} |`);
  return ['| key | value | what it does |', '| --- | --- | --- |', ...rows].join('\n');
}

/** The keys of an object schema that are required, or of which exactly one must be given, as a sentence. */
export function constraintsText(schema: ObjectSchema<Record<string, Schema<unknown>>>): string {
  const out: string[] = [];
  if (schema.options.required?.length) out.push(`Required: ${schema.options.required.map((k) => `\`${k}\``).join(', ')}.`);
  const one = schema.options.oneOf;
  if (one) out.push(`${one.exactlyOne ? 'Exactly' : 'At most'} one of ${one.keys.map((k) => `\`${k}\``).join(', ')}.`);
  if (schema.options.caseInsensitive) out.push('Keys match whatever their case (`Command` = `command`).');
  return out.join(' ');
}

// What a value is, in words: "a duration like 500ms, 30s or 5m", "a map of name → a map".
function valueText(s: Schema<unknown>): string {
  if (s instanceof RecordSchema) return 'a map of name → value';
  if (s instanceof ObjectSchema) return `a map with ${Object.keys(s.fields).map((k) => `\`${k}\``).join(', ')}`;
  if (s instanceof ListSchema) return s.expected;
  return s.expected === 'any value' ? 'any value (ignored)' : s.expected;
}

function cell(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll('\n', ' ');
}
