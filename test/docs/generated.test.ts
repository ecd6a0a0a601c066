// The generated parts of docs/ match the definitions they come from: a stale doc fails the suite (run `npm run docs`).
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GENERATED_MARK, generateDocs } from '../../src/docs/generate.js';
import { ROOT } from '../support/cli.js';
import { STEP_DOCS } from '../../src/config/test-keys.js';
import { STEP_KINDS } from '../../src/config/test-types.js';
import { parseYamlTests } from '../../src/config/test-yaml.js';

describe('docs/: generated references are up to date', () => {
  let docs: Map<string, string>;
  before(async () => {
    docs = await generateDocs();
  });

  it('generates the inventory, checks and CLI references', () => {
    expect([...docs.keys()]).to.deep.equal(['docs/reference/inventory.md', 'docs/reference/checks.md', 'docs/reference/tests.md', 'docs/reference/cli.md']);
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
    const tests = docs.get('docs/reference/tests.md') ?? '';
    for (const verb of STEP_KINDS) expect(tests).to.contain(`### \`${verb}\``);
    expect(tests).to.contain('| `background` | a name |').and.contain('| `okToFail` | true or false |');
  });

  it('the tests reference documents exactly the keys the test-file validator accepts', () => {
    // A key the docs list is accepted; a slip of it is refused with did-you-mean naming the documented key.
    const file = (step: string) => `tests:\n  t:\n    steps:\n      - ${step}\n`;
    const accepted = parseYamlTests(file('exec: { command: "true", timeout: 5s, background: b }'), '/x/t.yaml');
    expect(accepted).to.have.property('tests');
    for (const [verb, step, slip, key] of [
      ['exec', 'exec: { command: "true", timout: 5s }', 'timout', 'timeout'],
      ['wait', 'wait: { port: 80, evry: 1s }', 'evry', 'every'],
      ['copy', 'copy: { src: a, dest: b, onn: x }', 'onn', 'on'],
    ] as const) {
      expect(Object.keys(STEP_DOCS[verb].keys)).to.include(key);
      const r = parseYamlTests(file(step), '/x/t.yaml');
      expect(r, step).to.have.property('issues');
      const msg = 'issues' in r ? (r.issues[0]?.message ?? '') : '';
      expect(msg).to.contain(`unknown key "${slip}"`).and.contain(key);
    }
  });
});
