// Custom parsers: a user's module exporting `parse({ stdout, stderr, exitCode, params })`, loaded once per path.
import { findHomeDirectory } from '../config/home.js';
import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ParsedResult } from '../results/types.js';
import { normalizeResult } from './normalize-result.js';
import { ParserError } from './parser-error.js';
import type { Parser, ParserInput } from './types.js';

/** The function a custom parser module exports. */
export type ModuleParseFunction = (input: ParserInput) => unknown;

const MODULE_EXTENSION = /\.(?:[cm]?js|[cm]?ts)$/i;
const cache = new Map<string, Promise<ModuleParseFunction>>();

/** Whether a parser spec names a module file rather than a built-in: `./x.js`, `../x`, `/abs/x`, `~/x`, or `*.js|ts`. */
export function isModulePath(spec: string): boolean {
  return /^(?:\.{1,2}\/|\/|~\/)/.test(spec) || MODULE_EXTENSION.test(spec);
}

/** Returns the absolute path of a module spec, relative paths resolved against baseDir and `~/` against the home directory. */
export function resolveModulePath(spec: string, baseDir: string): string {
  if (spec.startsWith('~/')) return resolve(findHomeDirectory().path, spec.slice(2));
  return isAbsolute(spec) ? spec : resolve(baseDir, spec);
}

/** Loads (once, cached by absolute path) a parser module and returns its parse function; rejects with a ParserError. */
export function loadParseFunction(path: string): Promise<ModuleParseFunction> {
  let loading = cache.get(path);
  if (!loading) {
    loading = importParseFunction(path);
    cache.set(path, loading);
    // A failed load is not cached, so a fixed file loads on the next attempt.
    loading.catch(() => cache.delete(path));
  }
  return loading;
}

async function importParseFunction(path: string): Promise<ModuleParseFunction> {
  let mod: Record<string, unknown>;
  try {
    mod = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
  } catch (err) {
    const code = (err as { code?: string }).code;
    const hint =
      code === 'ERR_UNKNOWN_FILE_EXTENSION' ? ' (a TypeScript parser needs smoker run under tsx, or compile it to .js)' : '';
    throw new ParserError(`cannot load parser module ${path}: ${(err as Error).message}${hint}`, { cause: err });
  }
  const parse = pickParse(mod);
  if (!parse) throw new ParserError(`parser module ${path} exports no parse function`);
  return parse;
}

/** Finds `parse` as a named export, a default function, or a default object's method (CommonJS). */
function pickParse(mod: Record<string, unknown>): ModuleParseFunction | undefined {
  if (typeof mod['parse'] === 'function') return mod['parse'] as ModuleParseFunction;
  const fallback = mod['default'];
  if (typeof fallback === 'function') return fallback as ModuleParseFunction;
  if (typeof fallback === 'object' && fallback !== null) {
    const parse = (fallback as Record<string, unknown>)['parse'];
    if (typeof parse === 'function') return parse.bind(fallback) as ModuleParseFunction;
  }
  return undefined;
}

/** Returns a parser around a loaded parse function: spec options join the params, the return value is checked. */
export function createModuleParser(name: string, parse: ModuleParseFunction, options: Record<string, unknown> = {}): Parser {
  return {
    name,
    async parse(input: ParserInput): Promise<ParsedResult> {
      const returned = await parse({ ...input, params: { ...input.params, ...options } });
      try {
        return normalizeResult(returned);
      } catch (err) {
        throw new ParserError(`invalid result: ${(err as Error).message}`);
      }
    },
  };
}
