// Which files a command reads: check files under --checks paths, test files under `smoker test` paths and their
// PATH::TEST@{params} selectors, the inventory when none is named, and `validate --tests`.
import { expect } from 'chai';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listCheckFiles } from '../../src/config/check-files.js';
import { resolveInventoryPath } from '../../src/config/inventory-path.js';
import { DEFAULT_TESTS_DIR, projectLoaders, testFilesLoader } from '../../src/config/project-loaders.js';
import { CODE_EXTENSIONS, isYamlTestFile, listTestFiles, parseSelector } from '../../src/config/test-files.js';
import type { Inventory } from '../../src/config/types.js';
import { UsageError } from '../../src/errors.js';
import { rejectionOf } from '../support/thrown.js';

describe('config: file lists', () => {
  let dir: string;
  const touch = (...parts: string[]) => {
    const p = join(dir, ...parts);
    mkdirSync(join(p, '..'), { recursive: true });
    writeFileSync(p, parts.at(-1)?.endsWith('.yaml') && parts[0] === 'tests' ? 'tests:\n  t: { steps: [ { sleep: 1ms } ] }\n' : '');
    return p;
  };
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'smoker-file-lists-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('check files: files as given, folders searched for *.yaml and *.yml (sorted, recursive), each once', () => {
    const b = touch('checks', 'b.yaml');
    const a = touch('checks', 'a.yml');
    const deep = touch('checks', 'sub', 'c.yaml');
    touch('checks', 'notes.txt');
    touch('checks', 'x.yaml.bak');
    const single = touch('one.yaml');
    expect(listCheckFiles([join(dir, 'checks')])).to.deep.equal([a, b, deep]);
    expect(listCheckFiles([single, join(dir, 'checks'), b])).to.deep.equal([single, a, b, deep]);
    expect(listCheckFiles([join(dir, 'missing.yaml')])).to.deep.equal([join(dir, 'missing.yaml')]);
    expect(listCheckFiles([])).to.deep.equal([]);
  });

  it('test files: YAML files and *.test.{mjs,js,ts,mts,cjs} in folders, sorted, hidden folders and node_modules skipped', () => {
    const y = touch('tests', 'a.yaml');
    const yml = touch('tests', 'b.yml');
    const mjs = touch('tests', 'c.test.mjs');
    const cjs = touch('tests', 'sub', 'd.test.cjs');
    const mts = touch('tests', 'sub', 'e.test.mts');
    touch('tests', 'helper.mjs');
    touch('tests', '.hidden', 'x.yaml');
    touch('tests', 'node_modules', 'y.yaml');
    touch('tests', 'readme.md');
    expect(listTestFiles(join(dir, 'tests'))).to.deep.equal([y, yml, mjs, cjs, mts]);
    // A file named directly may be any test file kind, without .test.
    expect(listTestFiles(join(dir, 'tests', 'helper.mjs'))).to.deep.equal([join(dir, 'tests', 'helper.mjs')]);
    expect(() => listTestFiles(join(dir, 'tests', 'readme.md'))).to.throw(UsageError, `${join(dir, 'tests', 'readme.md')}: not a test file (expected .yaml, .yml, .mjs, .js or .ts)`);
    expect(() => listTestFiles('nowhere/at/all')).to.throw(UsageError, 'no such test file or folder: nowhere/at/all');
    expect(CODE_EXTENSIONS).to.deep.equal(['.mjs', '.js', '.ts', '.mts', '.cjs']);
    expect([y, yml, mjs, 'x.json', 'x.yaml.js'].map(isYamlTestFile)).to.deep.equal([true, true, false, false, false]);
  });

  it('selectors: PATH, PATH::TEST, PATH::TEST@{json}', () => {
    expect(parseSelector('tests/k.yaml')).to.deep.equal({ path: 'tests/k.yaml', text: 'tests/k.yaml' });
    expect(parseSelector('tests/k.yaml::bounce')).to.deep.equal({ path: 'tests/k.yaml', test: 'bounce', params: undefined, text: 'tests/k.yaml::bounce' });
    expect(parseSelector('k.yaml::bounce@{"acks":1}')).to.deep.equal({ path: 'k.yaml', test: 'bounce', params: '{"acks":1}', text: 'k.yaml::bounce@{"acks":1}' });
    expect(parseSelector('k.yaml::a@b')).to.deep.equal({ path: 'k.yaml', test: 'a@b', params: undefined, text: 'k.yaml::a@b' });
  });

  it('the inventory when none is named: an empty $SMOKER_INVENTORY counts as unset; ./inventories/ holds .yaml, .yml, .ini, .json or extensionless files', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'smoker-inv-path-'));
    try {
      expect(() => resolveInventoryPath({ env: '', cwd })).to.throw(UsageError, 'no inventory given; tried the argument, -i, $SMOKER_INVENTORY, ./inventory.yaml and ./inventories/. Pass one, e.g. smoker run inventories/local.yaml');
      expect(resolveInventoryPath({ arg: 'x.yaml', flag: './x.yaml', cwd })).to.equal('x.yaml');
      mkdirSync(join(cwd, 'inventories'));
      writeFileSync(join(cwd, 'inventories', 'notes.txt'), '');
      expect(() => resolveInventoryPath({ cwd })).to.throw(UsageError, /^no inventory given; tried/);
      for (const name of ['hosts', 'a.ini', 'b.json', 'c.yml']) {
        writeFileSync(join(cwd, 'inventories', name), '');
        expect(resolveInventoryPath({ cwd })).to.equal(join(cwd, 'inventories', name));
        rmSync(join(cwd, 'inventories', name));
      }
      writeFileSync(join(cwd, 'inventories', 'a.ini'), '');
      writeFileSync(join(cwd, 'inventories', 'hosts'), '');
      expect(() => resolveInventoryPath({ cwd })).to.throw(UsageError, 'no inventory given; ./inventories/ holds several: inventories/a.ini, inventories/hosts. Pass one, e.g. smoker run inventories/local.yaml');
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  });

  it('validate --tests: a loader only when asked, ./tests by default; it counts the tests or returns their issues', async () => {
    expect(DEFAULT_TESTS_DIR).to.equal('tests');
    expect(projectLoaders({})).to.deep.equal([]);
    expect(projectLoaders({ tests: undefined })).to.deep.equal([]);
    const inventory: Inventory = { file: join(dir, 'inv.yaml'), hosts: [], groups: new Map(), checks: [], vars: {}, warnings: [] };
    const one = join(dir, 'one-test');
    mkdirSync(one);
    writeFileSync(join(one, 'a.yaml'), 'tests:\n  t: { steps: [ { sleep: 1ms } ] }\n');
    const [loader] = projectLoaders({ tests: [one] });
    expect(loader?.name).to.equal('tests');
    const r = await loader?.load({ inventory, checks: undefined, strict: false });
    expect(r?.issues).to.deep.equal([]);
    expect(r?.summary).to.equal(`1 test in ${one}`);
    expect((r?.value as { name: string }[]).map((s) => s.name)).to.deep.equal(['t']);
    writeFileSync(join(one, 'b.yaml'), 'tests:\n  u: { steps: [ { sleep: 1ms } ] }\n  v: { steps: [ { sleep: 1ms } ] }\n');
    expect((await testFilesLoader([one]).load({ inventory, checks: undefined, strict: false })).summary).to.equal(`3 tests in ${one}`);
    writeFileSync(join(one, 'c.yaml'), 'tests:\n  w: { steps: [ { slep: 1ms } ] }\n');
    const bad = await testFilesLoader([one]).load({ inventory, checks: undefined, strict: false });
    expect(bad.issues.map((i) => `${i.pos?.line}:${i.pos?.col} ${i.path}`)).to.deep.equal(['2:19 tests.w.steps.0.slep']);
    expect(bad.warnings).to.deep.equal([]);
    expect(bad.summary).to.equal(undefined);
    const previous = process.cwd();
    const project = join(dir, 'project');
    mkdirSync(join(project, 'tests'), { recursive: true });
    writeFileSync(join(project, 'tests', 'a.yaml'), 'tests:\n  t: { steps: [ { sleep: 1ms } ] }\n');
    process.chdir(project);
    try {
      const [byDefault] = projectLoaders({ tests: [] });
      expect((await byDefault?.load({ inventory, checks: undefined, strict: false }))?.summary).to.equal('1 test in tests');
    } finally {
      process.chdir(previous);
    }
    // A usage error (no such folder) is not a config issue: it propagates.
    await rejectionOf(() => testFilesLoader([join(dir, 'nope')]).load({ inventory, checks: undefined, strict: false }), UsageError);
  });
});
