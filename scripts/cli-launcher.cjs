#!/usr/bin/env node
// dist/bin/smoker.js: starts the bundled CLI (cli.js beside it) from a V8 code cache, one per command.
// Compiling the bundle is a quarter of start-up (`run inventories/local.yaml`); with a cache of what the last run of that command compiled
// (made at its exit), V8 skips it. A cache is tied to this build (BUILD) and checked by V8 against its
// version and flags; a rejected or missing one is written anew. Caches live beside the bundle, as
// trusted as it is; when that folder is not writable there is none. SMOKER_CODE_CACHE=off disables it.
'use strict';
const { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } = require('node:fs');
const Module = require('node:module');
const { join } = require('node:path');
const vm = require('node:vm');

/** Content hash of cli.js, filled in by scripts/bundle.mjs. */
const BUILD = '__BUILD__';
const bundle = join(__dirname, 'cli.js');
const command = process.argv[2];
const cacheFile = join(__dirname, 'cache', `${BUILD}-${command && /^[a-z][a-z-]{0,19}$/.test(command) ? command : '_'}.bin`);
const useCache = process.env.SMOKER_CODE_CACHE !== 'off';
const trace = process.env.SMOKER_CODE_CACHE === 'trace';

let cachedData;
if (useCache) {
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    // the first run of this command with this build
  }
}
// Module.wrap's parameters, and `__smokerImport`: the bundle imports custom parser modules through the
// launcher's import(), since Node 20 drops the import callback of a script compiled from a code cache.
const wrapped = `(function (exports, require, module, __filename, __dirname, __smokerImport) {${readFileSync(bundle, 'utf8')}\n});`;
const script = new vm.Script(wrapped, { filename: bundle, cachedData });
if (trace) process.stderr.write(`code cache: ${!cachedData ? 'none' : script.cachedDataRejected ? 'rejected' : 'used'} (${cacheFile})\n`);
if (useCache && (!cachedData || script.cachedDataRejected)) {
  process.once('exit', (code) => {
    // A usage error (exit 2) compiled little; and typos must not leave caches behind.
    if (code === 2) return;
    const tmp = `${cacheFile}.${process.pid}`;
    try {
      mkdirSync(join(__dirname, 'cache'), { recursive: true });
      writeFileSync(tmp, script.createCachedData());
      renameSync(tmp, cacheFile);
    } catch {
      // not writable (installed by another user): run without a cache
      rmSync(tmp, { force: true });
    }
  });
}
const mod = { exports: {} };
script.runInThisContext().call(mod.exports, mod.exports, Module.createRequire(bundle), mod, bundle, __dirname, (specifier) => import(specifier));
