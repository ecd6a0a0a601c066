// Regular expressions from check files: a string or a list of strings, with optional flags.
import { describeValue } from './params.js';

const FLAGS = /^[imsu]*$/;

/** Compiles a pattern (string, or list of strings: any of them) into RegExps; throws a readable message when invalid. */
export function compilePatterns(spec: unknown, flags: unknown = ''): RegExp[] {
  const flagText = flags === undefined || flags === null ? '' : String(flags);
  if (!FLAGS.test(flagText)) throw new Error(`flags: expected some of i, m, s, u, got ${describeValue(flags)}`);
  const sources = Array.isArray(spec) ? spec : [spec];
  if (sources.length === 0) throw new Error('expected a pattern, got an empty list');
  return sources.map((source) => {
    if (typeof source !== 'string' || source === '') {
      throw new Error(`expected a regular expression, got ${describeValue(source)}`);
    }
    try {
      return new RegExp(source, flagText);
    } catch (err) {
      throw new Error(`invalid regular expression ${describeValue(source)}: ${(err as Error).message}`);
    }
  });
}

/** Returns the compile error of a pattern, or undefined when it compiles. */
export function checkPatterns(spec: unknown, flags?: unknown): string | undefined {
  try {
    compilePatterns(spec, flags);
    return undefined;
  } catch (err) {
    return (err as Error).message;
  }
}
