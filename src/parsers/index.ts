// The parsers' public surface: resolve a spec, run a parser, validate specs at load time.
export type { Parser, ParserInput, ParserSpec, BuiltinParser } from './types.js';
export { BUILTIN_PARSERS, findBuiltinParser, type BuiltinParserName } from './builtins.js';
export { resolveParser } from './resolve-parser.js';
export { runParser } from './run-parser.js';
export { validateParserSpec, type ParserSpecContext } from './validate-spec.js';
export { ParserError } from './parser-error.js';
export { parsePerfdata } from './perfdata.js';
export { parseThreshold, type Threshold } from './threshold.js';
export { normalizeResult } from './normalize-result.js';
export { describeTermination, formatDuration } from './termination.js';
