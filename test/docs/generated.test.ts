// The generated parts of docs/ match the definitions they come from: a stale doc fails the suite (run `npm run docs`).
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GENERATED_MARK, generateDocs } from '../../src/docs/generate.js';
import { ROOT } from '../support/cli.js';

describe('docs/: generated references are up to date', () => {
  let docs: Map<string, string>;
  before(async () => {
    docs = await generateDocs();
  });

  it('generates the inventory, checks and CLI references', () => {
    expect([...docs.keys()]).to.deep.equal(['docs/reference/inventory.md', 'docs/reference/checks.md', 'docs/reference/cli.md']);
    for (const content of docs.values()) expect(content.startsWith(`${GENERATED_MARK}\n`)).to.equal(true);
  });

  it('every generated file in docs/ equals what npm run docs would write', () => {
    for (const [path, content] of docs) {
      let onDisk = '';
      try {
        onDisk = readFileSync(join(ROOT, path), 'utf8');
      } catch {
        // missing: reported below
      }
      expect(onDisk === content, `${path} is stale or missing: run npm run docs and commit the result`).to.equal(true);
    }
  });

  it('the references hold what the definitions say (keys, module parameters, every command)', () => {
    expect(docs.get('docs/reference/inventory.md')).to.contain('| `hostKeyPolicy` | one of strict, accept-new, off |');
    expect(docs.get('docs/reference/checks.md')).to.contain('| `timeout` | a duration like 500ms, 30s or 5m |').and.contain('### `disk`').and.contain('| `paths` | paths | / |');
    const cli = docs.get('docs/reference/cli.md') ?? '';
    for (const c of ['run', 'exec', 'bounce', 'validate', 'inventory from-ansible', 'sessions merge']) expect(cli).to.contain(`## smoker ${c}`);
    expect(cli).to.contain('--strict');
  });
});
