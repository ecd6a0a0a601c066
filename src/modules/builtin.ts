// Built-in modules as uploadable text: the shared sh library followed by the module's script.
import { readFileSync } from 'node:fs';
import { SmokerError, ExitCode } from '../errors.js';
import { BUILTIN_MODULES, isBuiltinModule } from './catalog.js';

export { BUILTIN_MODULES };

// src/modules/scripts under tsx, dist/modules/scripts once built (copied by scripts/copy-assets.mjs).
const SCRIPTS_DIR = new URL('./scripts/', import.meta.url);
const cache = new Map<string, string>();

/** A `module:` name that is neither a built-in nor a path. Exit 2. */
export class UnknownModuleError extends SmokerError {
  override readonly code = 'E_UNKNOWN_MODULE';
  override readonly exitCode = ExitCode.usage;
}

/** Reads one file of the scripts folder. */
function readScript(file: string): string {
  return readFileSync(new URL(file, SCRIPTS_DIR), 'utf8');
}

/**
 * Returns the complete POSIX sh text of built-in module `name`, ready to upload and run with
 * `sh FILE`: a shebang, the JSON/parameter library (lib.sh), then the module itself.
 */
export function buildModuleScript(name: string): string {
  if (!isBuiltinModule(name)) {
    throw new UnknownModuleError(`unknown built-in module "${name}"; expected one of ${BUILTIN_MODULES.join(', ')}`);
  }
  let text = cache.get(name);
  if (text === undefined) {
    text = `#!/bin/sh\n# smoker built-in module "${name}": lib.sh followed by ${name}.sh\n${readScript('lib.sh')}\n${readScript(`${name}.sh`)}`;
    cache.set(name, text);
  }
  return text;
}
