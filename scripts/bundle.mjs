// Bundles the CLI (src/cli/main.ts) into dist/bin/: smoker.js, and one chunk per lazily imported handler.
// Start-up is mostly module loading (~240 files for `exec`); a bundle loads a handful. Run after tsc and
// copy-assets: assets stay where tsc's output finds them (dist/modules/scripts, dist/report/assets).
import { build } from 'esbuild';
import { chmodSync, cpSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');
const outdir = join(root, 'dist/bin');

// The bundle's CommonJS parts (ssh2, yargs, yaml, cli-table3) call require() and read __dirname.
const banner = [
  "import { createRequire as __smokerCreateRequire } from 'node:module';",
  "import { dirname as __smokerDirname } from 'node:path';",
  "import { fileURLToPath as __smokerFileURLToPath } from 'node:url';",
  'const require = __smokerCreateRequire(import.meta.url);',
  'const __filename = __smokerFileURLToPath(import.meta.url);',
  'const __dirname = __smokerDirname(__filename);',
].join('\n');

/**
 * Source files find files by `new URL('REL…', import.meta.url)` relative to their tsc output (dist/X/Y.js);
 * in the bundle that URL is the chunk's, in dist/bin/: rewrite REL to point at the same file from there.
 * `createRequire(import.meta.url)(ID)` becomes `require(ID)`, so esbuild bundles ID.
 */
const importMetaPaths = {
  name: 'import-meta-paths',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, (args) => {
      if (!args.path.startsWith(src + sep)) return undefined;
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      const tscOut = join(root, 'dist', relative(src, dirname(args.path)));
      const contents = text
        .replace(/new URL\((['"`])(\.\.?\/[^'"`$]*)(?=[^()]*, import\.meta\.url\))/g, (_m, q, rel) => {
          const fromBin = relative(outdir, resolve(tscOut, rel)).split(sep).join('/') + (rel.endsWith('/') ? '/' : '');
          return `new URL(${q}${fromBin}`;
        })
        .replace(/createRequire\(import\.meta\.url\)\((['"][^'"]+['"])\)/g, 'require($1)');
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
  entryPoints: { smoker: 'src/cli/main.ts' },
  outdir: staging,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // esbuild renames clashing classes (Parser → Parser2); errors take their name from new.target.name.
  keepNames: true,
  sourcemap: true,
  chunkNames: '[name]-[hash]',
  banner: { js: banner },
  plugins: [importMetaPaths, ssh2Natives],
  logLevel: 'warning',
  metafile: Boolean(process.env.BUNDLE_META),
});
chmodSync(join(staging, 'smoker.js'), 0o755);
rmSync(outdir, { recursive: true, force: true });
renameSync(staging, outdir);
// yargs reads its translations (help headings) from __dirname/../locales: from dist/bin/, that is dist/locales.
cpSync(join(dirname(createRequire(import.meta.url).resolve('yargs/package.json')), 'locales'), join(root, 'dist/locales'), { recursive: true });
// BUNDLE_META=FILE writes esbuild's metafile (what went into which chunk), for start-up work.
if (process.env.BUNDLE_META) writeFileSync(process.env.BUNDLE_META, JSON.stringify(result.metafile));
