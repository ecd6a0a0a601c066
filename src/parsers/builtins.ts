// The built-in parsers by name.
import { autoParser } from './auto.js';
import { dfParser } from './df.js';
import { jsonParser } from './json.js';
import { nagiosParser } from './nagios.js';
import { numberParser } from './number.js';
import { regexParser } from './regex.js';
import { systemctlParser } from './systemctl.js';
import type { BuiltinParser } from './types.js';
import { varnishParser } from './varnish.js';

/** Names a check's `parser:` may give for a built-in parser. */
export const BUILTIN_PARSERS = ['auto', 'json', 'nagios', 'regex', 'number', 'varnish', 'systemctl', 'df'] as const;
export type BuiltinParserName = (typeof BUILTIN_PARSERS)[number];

const PARSERS: Record<BuiltinParserName, BuiltinParser> = {
  auto: autoParser,
  json: jsonParser,
  nagios: nagiosParser,
  regex: regexParser,
  number: numberParser,
  varnish: varnishParser,
  systemctl: systemctlParser,
  df: dfParser,
};
/** Other names accepted for migrating Smoker configs. */
const ALIASES: Record<string, BuiltinParserName> = { varnishparser: 'varnish' };

/** Returns the built-in parser of a name (case-insensitive, Smoker aliases included), or undefined. */
export function findBuiltinParser(name: string): BuiltinParser | undefined {
  const lower = name.trim().toLowerCase();
  const canonical = (BUILTIN_PARSERS as readonly string[]).includes(lower) ? (lower as BuiltinParserName) : ALIASES[lower];
  return canonical === undefined ? undefined : PARSERS[canonical];
}
