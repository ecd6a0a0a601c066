// Turning a parser spec into a Parser: built-ins with their options bound, modules imported.
import { loadModuleParser, resolveModulePath } from './module-parser.js';
import { mergeLowerKeys } from './params.js';
import { readParserSpec } from './parser-spec.js';
import type { Parser, ParserInput, ParserSpec } from './types.js';

/**
 * Resolves a spec to a parser; never rejects: an unusable spec gives a parser that fails, so runParser reports it.
 * `hiddenEnv`: environment variables a custom parser module must not see (the inventory's secrets).
 */
export async function resolveParser(spec: ParserSpec | undefined, baseDir: string, hiddenEnv: readonly string[] = []): Promise<Parser> {
  const name = typeof spec === 'string' ? spec : typeof spec?.type === 'string' ? spec.type : 'auto';
  try {
    const target = readParserSpec(spec);
    if (target.kind === 'builtin') return bindOptions(target.parser, target.options);
    return await loadModuleParser(target.path, resolveModulePath(target.path, baseDir), target.options, hiddenEnv);
  } catch (err) {
    return createFailingParser(name, err);
  }
}

/** Returns a built-in whose spec options override the check's params (keys case-insensitive). */
function bindOptions(parser: Parser, options: Record<string, unknown>): Parser {
  if (Object.keys(options).length === 0) return parser;
  return {
    name: parser.name,
    parse: (input: ParserInput) => parser.parse({ ...input, params: mergeLowerKeys(input.params, options) }),
  };
}

/** Returns a parser that throws the given error on every parse. */
function createFailingParser(name: string, err: unknown): Parser {
  return {
    name,
    parse: () => {
      throw err;
    },
  };
}
