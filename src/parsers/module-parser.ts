// Custom parsers: a user's module exporting `parse({ stdout, stderr, exitCode, params })`, loaded once per path.
import { findHomeDirectory } from '../config/home.js';
import { isAbsolute, resolve } from 'node:path';
import { DEFAULT_PARSER_TIMEOUT_MS, ParserPool } from './parser-worker.js';
import type { ParsedResult } from '../results/types.js';
import { normalizeResult } from './normalize-result.js';
import { ParserError } from './parser-error.js';
import type { Parser, ParserInput } from './types.js';

const MODULE_EXTENSION = /\.(?:[cm]?js|[cm]?ts)$/i;
const pools = new Map<string, Promise<ParserPool>>();

/** Whether a parser spec names a module file rather than a built-in: `./x.js`, `../x`, `/abs/x`, `~/x`, or `*.js|ts`. */
export function isModulePath(spec: string): boolean {
  return /^(?:\.{1,2}\/|\/|~\/)/.test(spec) || MODULE_EXTENSION.test(spec);
}

/** Returns the absolute path of a module spec, relative paths resolved against baseDir and `~/` against the home directory. */
export function resolveModulePath(spec: string, baseDir: string): string {
  if (spec.startsWith('~/')) return resolve(findHomeDirectory().path, spec.slice(2));
  return isAbsolute(spec) ? spec : resolve(baseDir, spec);
}

/**
 * Loads (once per path) a parser module in worker threads (parser-worker.ts) and returns a parser around it:
 * spec options join the params, each parse is bounded by the check's timeout (10 s without one), and the
 * module's environment lacks `hiddenEnv` (the secrets the inventory names). Rejects with a ParserError.
 */
export async function loadModuleParser(name: string, path: string, options: Record<string, unknown> = {}, hiddenEnv: readonly string[] = []): Promise<Parser> {
  let loading = pools.get(path);
  if (!loading) {
    const env = { ...process.env };
    for (const k of hiddenEnv) delete env[k];
    const pool = new ParserPool(path, env);
    loading = pool.load(DEFAULT_PARSER_TIMEOUT_MS).then(() => pool);
    pools.set(path, loading);
    // A failed load is not cached, so a fixed file loads on the next attempt.
    loading.catch(() => pools.delete(path));
  }
  const pool = await loading;
  return {
    name,
    parse: async (input: ParserInput): Promise<ParsedResult> => {
      const returned = await pool.parse({ ...input, params: { ...input.params, ...options } }, input.timeoutMs ?? DEFAULT_PARSER_TIMEOUT_MS);
      try {
        return normalizeResult(returned);
      } catch (err) {
        throw new ParserError(`invalid result: ${(err as Error).message}`);
      }
    },
  };
}
