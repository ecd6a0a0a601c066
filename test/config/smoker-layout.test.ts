// GoodData Smoker's own config layouts (issue 16, item 7): !include, !include_dir and plugin.d single-plugin files,
// on the files of Smoker's test suite (fixtures/corpus/smoker/, see SOURCES.md).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { validateCheckFiles } from '../../src/config/checks.js';

const smokerd = fileURLToPath(new URL('../../fixtures/corpus/smoker/gooddata-smokerd/', import.meta.url));

function load(...paths: string[]) {
  const r = validateCheckFiles(paths);
  if ('issues' in r) throw new Error(r.issues.map((i) => `${i.pos?.file}:${i.pos?.line}:${i.pos?.col} ${i.message}`).join('\n'));
  return r.set;
}

describe('config/smoker-layout', () => {
  it('reads plugins: { name: !include FILE } as Smoker does', () => {
    const set = load(join(smokerd, 'with-include.yaml'));
    expect(set.checks.map((c) => c.name).sort()).to.deep.equal(['hostname', 'uname', 'uptime']);
    expect(set.checks.find((c) => c.name === 'hostname')?.command).to.equal('hostname');
    expect(set.checks.find((c) => c.name === 'hostname')?.category).to.equal('system');
  });

  it('reads plugins: !include_dir DIR, one plugin per file named after it', () => {
    const set = load(join(smokerd, 'with-include-dir.yaml'));
    expect(set.checks.map((c) => c.name).sort()).to.deep.equal(['hostname', 'uname', 'uptime']);
  });

  it('reads a plugin.d folder of one-plugin-per-file YAML given as --checks', () => {
    const set = load(join(smokerd, 'plugins'));
    expect(set.checks.map((c) => c.name)).to.deep.equal(['hostname', 'uname', 'uptime']);
  });

  it('says once per file which Smoker keys it ignores (Interval, History, uid/gid)', () => {
    const set = load(join(smokerd, 'smokerd.yaml'));
    const about = set.warnings.filter((w) => /Smoker keys smoker accepts but does not use/.test(w));
    expect(about).to.have.length(1);
    expect(about[0]).to.match(/smokerd\.yaml: .*History.*Interval|smokerd\.yaml: .*Interval.*History/);
  });

  it('points at the !include of a missing file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'smoker-inc-'));
    writeFileSync(join(dir, 'main.yaml'), 'plugins:\n  gone: !include nope.yaml\n');
    const r = validateCheckFiles([join(dir, 'main.yaml')]);
    expect('issues' in r && r.issues.map((i) => `${i.pos?.line}:${i.pos?.col} ${i.message}`)).to.deep.equal([`2:18 !include nope.yaml: no such file (resolved to ${join(dir, 'nope.yaml')})`]);
  });
});
