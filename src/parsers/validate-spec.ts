// Checking a parser spec at config-load time, so typos fail before anything runs.
import { existsSync } from 'node:fs';
import { resolveModulePath } from './module-parser.js';
import { mergeLowerKeys } from './params.js';
import { readParserSpec } from './parser-spec.js';

/** What else validation may use: the check's parameters, and the dir module paths are relative to. */
export interface ParserSpecContext {
  params?: Record<string, unknown>;
  /** When given, a module path must name an existing file. */
  baseDir?: string;
}

/** Returns an error message for an unusable parser spec (unknown name, bad options, missing module), or undefined. */
export function validateParserSpec(spec: unknown, context: ParserSpecContext = {}): string | undefined {
  try {
    const target = readParserSpec(spec);
    if (target.kind === 'builtin') {
      return target.parser.validate?.(mergeLowerKeys(context.params ?? {}, target.options));
    }
    if (context.baseDir !== undefined) {
      const path = resolveModulePath(target.path, context.baseDir);
      if (!existsSync(path)) return `parser module ${target.path} not found (looked for ${path})`;
    }
    return undefined;
  } catch (err) {
    return (err as Error).message;
  }
}
