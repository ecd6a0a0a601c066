// `npm run docs`: writes the generated parts of docs/ (references from the schema and yargs definitions).
// `npm run docs -- --check` exits 1 when a generated file differs from what the definitions give (CI, test/docs).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateDocs } from '../src/docs/generate.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');
let stale = 0;
for (const [path, content] of await generateDocs()) {
  const file = join(root, path);
  let old = '';
  try {
    old = readFileSync(file, 'utf8');
  } catch {
    // a new file
  }
  if (old === content) continue;
  if (check) {
    process.stderr.write(`${path} is stale: run npm run docs\n`);
    stale++;
    continue;
  }
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, content);
  process.stdout.write(`wrote ${path}\n`);
}
process.exitCode = stale > 0 ? 1 : 0;
