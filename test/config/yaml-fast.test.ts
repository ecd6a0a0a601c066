// Big inventories take a fast parse without positions; the result is the exact parser's, and problems still get file:line:col.
import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '../../src/errors.js';
import { loadInventory, validateInventory } from '../../src/config/inventory.js';
import { FAST_PARSE_MIN_BYTES, parseYamlFast } from '../../src/config/yaml-fast.js';
import { parseYamlOrThrow } from '../../src/config/yaml-file.js';
import { ROOT } from '../support/cli.js';

describe('config/yaml-fast: the fast parse of big inventories', function () {
  this.timeout(60_000);
  let dir: string;
  let text: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'smoker-fast-'));
    text = execFileSync(process.execPath, [join(ROOT, 'bench/gen-inventory.mjs'), '4000'], { encoding: 'utf8' });
    expect(text.length).to.be.above(FAST_PARSE_MIN_BYTES);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('gives the same inventory as the exact parser', () => {
    const fast = parseYamlFast(text, 'big.yaml');
    expect(fast, 'the fast path took the file').not.to.equal(undefined);
    const a = validateInventory(fast!, join(dir, 'big.yaml'));
    const b = validateInventory(parseYamlOrThrow(text, 'big.yaml'), join(dir, 'big.yaml'));
    if (!('inventory' in a) || !('inventory' in b)) throw new Error('expected both to validate');
    expect(a.inventory.hosts).to.deep.equal(b.inventory.hosts);
    expect([...a.inventory.groups.entries()]).to.deep.equal([...b.inventory.groups.entries()]);
  });

  it('a problem in a big file is still reported at its file:line:col', () => {
    const lines = text.split('\n');
    const at = lines.findIndex((l) => l.startsWith('  node2000:'));
    lines[at] = '  node2000: { port: 22a }';
    writeFileSync(join(dir, 'bad.yaml'), lines.join('\n'));
    expect(() => loadInventory(join(dir, 'bad.yaml'))).to.throw(ConfigError).with.property('message').that.matches(new RegExp(`bad\\.yaml:${at + 1}:\\d+ hosts\\.node2000\\.port: expected an integer`));
  });

  it('declines aliases, duplicate keys and small files (the exact parser handles those)', () => {
    expect(parseYamlFast('hosts: {}\n', 'small.yaml')).to.equal(undefined);
    const pad = `# ${'x'.repeat(FAST_PARSE_MIN_BYTES)}\n`;
    expect(parseYamlFast(`${pad}a: &a { x: 1 }\nb: *a\n`, 'alias.yaml')).to.equal(undefined);
    expect(parseYamlFast(`${pad}a: 1\na: 2\n`, 'dup.yaml')).to.equal(undefined);
  });
});
