// Bundles the CLI (src/cli/main.ts) into dist/bin/: cli.js, one CommonJS file, and smoker.js, the launcher
// (scripts/cli-launcher.cjs) that runs it from a V8 code cache. Start-up is mostly loading and compiling
// code (~240 files for `exec` unbundled); the bundle is one file, whose compiled code V8 can cache. Run
// after tsc and copy-assets: assets stay where tsc's output finds them (dist/modules/scripts, dist/report/assets).
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { chmodSync, cpSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');
const outdir = join(root, 'dist/bin');

// `new URL('…', import.meta.url)` in src/ (rewritten below to reach dist/ from dist/bin/) needs this file's URL.
// Strict mode first, as in the ES modules this was (esbuild's own "use strict" would follow the banner).
const banner = `"use strict";\nconst __smokerImportMetaUrl = require('node:url').pathToFileURL(__filename).href;`;

/**
 * Rewrites of src/ files for the bundle:
 * - Source files find files by `new URL('REL…', import.meta.url)` relative to their tsc output (dist/X/Y.js);
 *   in the bundle that URL is the bundle's, in dist/bin/: REL is rewritten to reach the same file from there.
 * - `createRequire(import.meta.url)(ID)` becomes `require(ID)`, so esbuild bundles ID.
 * - `import(EXPR)` of a computed specifier (custom parser modules) becomes `__smokerImport(EXPR)`: the
 *   launcher passes its own `import()`, as Node 20 loses the import callback of a script run from a code cache.
 */
const sourceRewrites = {
  name: 'source-rewrites',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, (args) => {
      if (!args.path.startsWith(src + sep)) return undefined;
      const text = readFileSync(args.path, 'utf8');
      const computedImport = /\bimport\((?!['"`])/g;
      if (!text.includes('import.meta.url') && !computedImport.test(text)) return undefined;
      const tscOut = join(root, 'dist', relative(src, dirname(args.path)));
      const contents = text
        .replace(/new URL\((['"`])(\.\.?\/[^'"`$]*)(?=[^()]*, import\.meta\.url\))/g, (_m, q, rel) => {
          const fromBin = relative(outdir, resolve(tscOut, rel)).split(sep).join('/') + (rel.endsWith('/') ? '/' : '');
          return `new URL(${q}${fromBin}`;
        })
        .replace(/createRequire\(import\.meta\.url\)\((['"][^'"]+['"])\)/g, 'require($1)')
        .replace(computedImport, '__smokerImport(');
      return { contents, loader: 'ts' };
    });
  },
};

/**
 * ssh2's optional native parts stay outside, loaded at run time from node_modules exactly as unbundled
 * ssh2 loads them (each require is in a try/catch: missing or unbuilt means the JavaScript fallbacks).
 */
const ssh2Natives = {
  name: 'ssh2-natives',
  setup(b) {
    b.onResolve({ filter: /^cpu-features$/ }, () => ({ path: 'cpu-features', external: true }));
    b.onResolve({ filter: /sshcrypto\.node$/ }, () => ({ path: 'ssh2/lib/protocol/crypto/build/Release/sshcrypto.node', external: true }));
  },
};

// Built beside dist/bin and then swapped in, so a CLI started meanwhile (tests) finds a whole bundle.
const staging = `${outdir}.new`;
rmSync(staging, { recursive: true, force: true });
const result = await build({
  absWorkingDir: root,
  entryPoints: { cli: 'src/cli/main.ts' },
  outdir: staging,
  bundle: true,
  // One CommonJS file: V8 caches code per script, and ES modules get no cache on Node 20. Handlers still
  // load lazily: esbuild turns each import() into a deferred require of a module initialised on first use.
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // No keepNames: it wraps every function made at run time in a defineProperty call (~30 µs of a `run`
  // check's client CPU). esbuild still renames a class that clashes (Parser → Parser2), and errors take
  // their name from new.target.name: test/cli/bundle-names.test.ts checks no error class was renamed.
  keepNames: false,
  sourcemap: true,
  define: { 'import.meta.url': '__smokerImportMetaUrl' },
  banner: { js: banner },
  plugins: [sourceRewrites, ssh2Natives],
  logLevel: 'warning',
  metafile: Boolean(process.env.BUNDLE_META),
});
// The launcher wraps cli.js in a function: no hashbang there (its line stays, for the source map).
const cli = join(staging, 'cli.js');
const code = readFileSync(cli, 'utf8').replace(/^#!.*/, '');
writeFileSync(cli, code);
const build_ = createHash('sha256').update(code).digest('hex').slice(0, 16);
const launcher = readFileSync(join(root, 'scripts/cli-launcher.cjs'), 'utf8').replace("'__BUILD__'", `'${build_}'`);
writeFileSync(join(staging, 'smoker.js'), launcher);
chmodSync(join(staging, 'smoker.js'), 0o755);
// package.json says "type": "module"; these two files are CommonJS.
writeFileSync(join(staging, 'package.json'), '{ "type": "commonjs" }\n');
mkdirSync(join(staging, 'cache'));
rmSync(outdir, { recursive: true, force: true });
renameSync(staging, outdir);
// yargs reads its translations (help headings) from __dirname/../locales: from dist/bin/, that is dist/locales.
cpSync(join(dirname(createRequire(import.meta.url).resolve('yargs/package.json')), 'locales'), join(root, 'dist/locales'), { recursive: true });
// BUNDLE_META=FILE writes esbuild's metafile (what went into which module), for start-up work.
if (process.env.BUNDLE_META) writeFileSync(process.env.BUNDLE_META, JSON.stringify(result.metafile));
