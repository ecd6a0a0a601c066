// Reading a check's `parser:` value: a built-in name, a module path, or `{ type, ...options }`.
import { ParserError } from './parser-error.js';
import { BUILTIN_PARSERS, findBuiltinParser } from './builtins.js';
import { isModulePath } from './module-parser.js';
import { describeValue } from './params.js';
import type { BuiltinParser } from './types.js';

/** What a parser spec points at, with the options written beside `type`. */
export type ParserTarget =
  | { kind: 'builtin'; parser: BuiltinParser; options: Record<string, unknown> }
  | { kind: 'module'; path: string; options: Record<string, unknown> };

const EXPECTED = `one of ${BUILTIN_PARSERS.join(', ')}, or a path to a parser module such as ./parser.js`;

/** Reads a parser spec (undefined means `auto`); throws a ParserError saying what was expected. */
export function readParserSpec(spec: unknown): ParserTarget {
  if (spec === undefined || spec === null) return { kind: 'builtin', parser: findBuiltinParser('auto')!, options: {} };
  if (typeof spec === 'string') return readName(spec, {});
  if (typeof spec === 'object' && !Array.isArray(spec)) {
    const { type, ...options } = spec as Record<string, unknown>;
    if (typeof type !== 'string') throw new ParserError(`parser type: expected ${EXPECTED}, got ${describeValue(type)}`);
    return readName(type, options);
  }
  throw new ParserError(`parser: expected a name, a module path or { type: ... }, got ${describeValue(spec)}`);
}

function readName(name: string, options: Record<string, unknown>): ParserTarget {
  const builtin = findBuiltinParser(name);
  if (builtin) return { kind: 'builtin', parser: builtin, options };
  if (name.trim() !== '' && isModulePath(name.trim())) return { kind: 'module', path: name.trim(), options };
  throw new ParserError(`unknown parser ${describeValue(name)}: expected ${EXPECTED}`);
}
