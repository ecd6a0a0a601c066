// Which tests `smoker test` runs: selectors, -k and --exclude, --param, `needs: all`, and the references a test makes
// to the inventory and check files (groups, services, checks, on: patterns), each refused before anything runs.
import { expect } from 'chai';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadChecks } from '../../src/config/checks.js';
import type { CheckSet } from '../../src/config/check-types.js';
import { loadInventory } from '../../src/config/inventory.js';
import { collectTests, groupHosts, loadTestFiles, validateTestPaths } from '../../src/config/test-collect.js';
import type { Inventory } from '../../src/config/types.js';
import { ConfigError, UsageError } from '../../src/errors.js';

describe('config: selecting tests', () => {
  let dir: string;
  let inventory: Inventory;
  let checks: CheckSet;
  let n = 0;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'smoker-test-select-'));
    writeFileSync(join(dir, 'inventory.yaml'), 'hosts:\n  h[1:3]: { transport: local }\n  solo: { transport: local }\ngroups:\n  demo: { hosts: ["h*"] }\n  client: { hosts: [h1] }\n  empty: { hosts: ["zz*"] }\n');
    writeFileSync(join(dir, 'checks.yaml'), 'checks:\n  ok: { command: "true" }\nservices:\n  demo: { start: "true" }\n  app: { start: "true", clean: "rm -rf /x" }\n');
    inventory = loadInventory(join(dir, 'inventory.yaml'));
    checks = loadChecks([join(dir, 'checks.yaml')]);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const write = (text: string, name = `t${++n}.yaml`) => {
    const p = join(dir, name);
    writeFileSync(p, text);
    return p;
  };
  const ids = async (selectors: string[], extra: Partial<Parameters<typeof collectTests>[0]> = {}) => (await collectTests({ selectors, inventory, checks, ...extra })).map((c) => c.id);
  const failure = async (p: Promise<unknown>): Promise<unknown> => {
    try {
      await p;
    } catch (err) {
      return err;
    }
    throw new Error('no error');
  };
  const issuesOf = async (file: string) => {
    const err = await failure(collectTests({ selectors: [file], inventory, checks }));
    expect(err).to.be.instanceOf(ConfigError);
    return (err as ConfigError).issues.map((i) => `${i.pos?.line}:${i.pos?.col} ${i.path}: ${i.message}`);
  };

  it('selectors: a whole file, one test, one parameter combination; -k as substring or glob, --exclude', async () => {
    const f = write('tests:\n  produce:\n    matrix: { acks: [1, all] }\n    steps: [ { sleep: 1ms } ]\n  consume:\n    steps: [ { sleep: 1ms } ]\n');
    expect(await ids([f])).to.deep.equal(['produce@{"acks":1}', 'produce@{"acks":"all"}', 'consume']);
    expect(await ids([`${f}::consume`])).to.deep.equal(['consume']);
    expect(await ids([`${f}::produce@{"acks":"all"}`])).to.deep.equal(['produce@{"acks":"all"}']);
    expect(await ids([`${f}::produce`, `${f}::consume`])).to.deep.equal(['produce@{"acks":1}', 'produce@{"acks":"all"}', 'consume']);
    expect(await ids([f], { keywords: ['sum'] })).to.deep.equal(['consume']);
    expect(await ids([f], { keywords: ['c*'] })).to.deep.equal(['consume']);
  });

  it('-k words are literal text, not regular expressions', async () => {
    const f = write('tests:\n  a.b:\n    steps: [ { sleep: 1ms } ]\n  axb:\n    steps: [ { sleep: 1ms } ]\n');
    expect(await ids([f], { keywords: ['a.b'] })).to.deep.equal(['a.b']);
    expect(await ids([f], { exclude: ['a.b'] })).to.deep.equal(['axb']);
    expect(await ids([f], { keywords: ['a?b'] })).to.deep.equal(['a.b', 'axb']);
    expect(await ids([f], { keywords: ['zzz', 'axb'] })).to.deep.equal(['axb']);
  });

  it('a selection of nothing is a usage error naming what was asked and the tests there are', async () => {
    const f = write('tests:\n  bounce:\n    steps: [ { sleep: 1ms } ]\n  other:\n    steps: [ { sleep: 1ms } ]\n');
    const none = await failure(ids([f], { keywords: ['bounc*x'], exclude: ['o*'] }));
    expect(none).to.be.instanceOf(UsageError);
    expect((none as Error).message).to.equal('no test matches -k bounc*x --exclude o* (did you mean "bounce"?) (tests: bounce, other)');
    const excluded = await failure(ids([f], { exclude: ['*'] }));
    expect((excluded as Error).message).to.equal('no test matches --exclude * (tests: bounce, other)');
    const params = await failure(ids([`${f}::bounce@{"x":1}`]));
    expect((params as Error).message).to.equal(`${f}::bounce@{"x":1}: no such test`);
    const json = await failure(ids([`${f}::bounce@{x}`]));
    expect(json).to.be.instanceOf(UsageError);
    expect((json as Error).message).to.equal('test parameters must be JSON like @{"acks":1}, got @{x}');
    const empty = join(dir, 'empty-folder');
    mkdirSync(empty);
    const nothing = await failure(ids([empty]));
    expect((nothing as Error).message).to.equal(`no test files in ${empty} (YAML files with tests:, or *.test.mjs / *.test.js)`);
  });

  it('twelve tests or more: the usage error lists the first ten', async () => {
    const names = Array.from({ length: 12 }, (_, i) => `t${String(i).padStart(2, '0')}`);
    const f = write(`tests:\n${names.map((t) => `  ${t}:\n    steps: [ { sleep: 1ms } ]\n`).join('')}`);
    const err = await failure(ids([f], { keywords: ['nothing'] }));
    expect((err as Error).message).to.match(/\(tests: t00, t01, t02, t03, t04, t05, t06, t07, t08, t09, \.\.\.\)$/);
  });

  it('parameters: one combination selected must match all of its values, no more and no less', async () => {
    const f = write('tests:\n  p:\n    matrix: { a: [1, 2], b: [x] }\n    steps: [ { sleep: 1ms } ]\n');
    expect(await ids([`${f}::p@{"a":2,"b":"x"}`])).to.deep.equal(['p@{"a":2,"b":"x"}']);
    expect((await failure(ids([`${f}::p@{"a":2}`]))) as Error).to.be.instanceOf(UsageError);
    expect((await failure(ids([`${f}::p@{"a":2,"b":"x","c":1}`]))) as Error).to.be.instanceOf(UsageError);
    expect(await ids([f], { params: new Map([['a', 2]]) })).to.deep.equal(['p@{"a":2,"b":"x"}']);
    expect(await ids([f], { params: new Map([['c', 'z']]) })).to.deep.equal(['p@{"a":1,"b":"x","c":"z"}', 'p@{"a":2,"b":"x","c":"z"}']);
  });

  it('needs: all becomes the size of the group; a group with no host, or not enough distinct hosts, is refused', async () => {
    const [spec] = await loadTestFiles([write('tests:\n  t:\n    needs: { demo: all, all: 1 }\n    steps: [ { sleep: 1ms } ]\n')], { inventory, checks });
    expect(spec?.needs).to.deep.equal({ demo: 3, all: 1 });
    const [untouched] = await loadTestFiles([write('tests:\n  t:\n    needs: { demo: 2 }\n    steps: [ { sleep: 1ms } ]\n')], { inventory });
    expect(untouched?.needs).to.deep.equal({ demo: 2 });
    const [noInventory] = await loadTestFiles([write('tests:\n  t:\n    needs: { demo: all }\n    steps: [ { sleep: 1ms } ]\n')]);
    expect(noInventory?.needs).to.deep.equal({ demo: 0 });
    expect(await issuesOf(write('tests:\n  t:\n    needs: { empty: 1 }\n    steps: [ { sleep: 1ms } ]\n'))).to.deep.equal([`3:14 t.needs.empty: group "empty" has no hosts in ${join(dir, 'inventory.yaml')}`]);
    expect(await issuesOf(write('tests:\n  t:\n    needs: { demo: 3, client: 1 }\n    steps: [ { sleep: 1ms } ]\n'))).to.deep.equal([
      '2:3 t.needs: needs {"demo":3,"client":1}: the inventory\'s groups cannot give that many distinct hosts',
    ]);
    // `all` is shown as the count it stands for, not as the 0 it is stored as before collection.
    expect(await issuesOf(write('tests:\n  t:\n    needs: { demo: all, client: 1 }\n    steps: [ { sleep: 1ms } ]\n'))).to.deep.equal([
      '2:3 t.needs: needs {"demo":3,"client":1}: the inventory\'s groups cannot give that many distinct hosts',
    ]);
  });

  it('groups of the inventory as host lists', () => {
    expect(groupHosts(inventory).get('demo')).to.deep.equal(['h1', 'h2', 'h3']);
    expect(groupHosts(inventory).get('empty')).to.deep.equal([]);
  });

  it('references: services, checks (also in wait:), clean needs a clean: command, on: patterns', async () => {
    expect(
      await issuesOf(
        write(
          'tests:\n  t:\n    steps:\n      - start: app\n      - clean: demo\n      - clean: app\n      - wait: { check: ok }\n      - kill: { service: nope }\n      - exec: { on: "~(", command: x }\n      - exec: { on: "{{ target }}", command: x }\n      - exec: { on: "demo[0],!client,&h[1:3]", command: x }\n',
        ),
      ),
    ).to.deep.equal([
      '5:9 t.clean: service "demo" has no clean: command',
      '8:9 t.kill: unknown service "nope" (services: demo, app)',
      '9:9 t.exec.on: on: invalid regular expression in host pattern "~(": Invalid regular expression: /^(?:()/u: Unterminated group',
      // h is no group: h[1:3] is a subscript of a group that does not exist, as in Ansible (patterns.test.ts)
      '11:9 t.exec.on: on: "demo[0],!client,&h[1:3]": no host or group matches "h" (did you mean "h1"?)',
    ]);
  });

  it('with no check files, services and checks are not judged; with no inventory, groups and on: are not', async () => {
    const f = write('tests:\n  t:\n    needs: { nowhere: 2 }\n    steps: [ { start: nope }, { check: nope }, { exec: { on: nothing, command: x } } ]\n');
    expect(await loadTestFiles([f])).to.have.length(1);
    expect((await failure(loadTestFiles([f], { inventory }))) as ConfigError).to.be.instanceOf(ConfigError);
    const noChecks = (await failure(loadTestFiles([f], { inventory }))) as ConfigError;
    expect(noChecks.issues.map((i) => i.path)).to.deep.equal(['t.needs.nowhere', 't.exec.on']);
    const noInventory = (await failure(loadTestFiles([f], { checks }))) as ConfigError;
    expect(noInventory.issues.map((i) => i.path)).to.deep.equal(['t.start', 't.check']);
    expect(noInventory.issues[0]?.message).to.equal('unknown service "nope" (services: demo, app)');
    const noServices = loadChecks([write('checks:\n  c: { command: x }\n', 'bare-checks.yaml')]);
    const none = (await failure(loadTestFiles([f], { checks: noServices }))) as ConfigError;
    expect(none.issues[0]?.message).to.equal('unknown service "nope" (services: none in the check files)');
  });

  it('a test file that cannot be read is an issue at 1:1; every file is read before problems are thrown, sorted', async () => {
    const folder = join(dir, 'unreadable.yaml');
    mkdirSync(folder);
    const bad = write('tests:\n  t:\n    steps: [ { slep: 1s } ]\n');
    const err = (await failure(loadTestFiles([bad, folder]))) as ConfigError;
    expect(err).to.be.instanceOf(ConfigError);
    expect(err.issues.map((i) => `${i.pos?.line}:${i.pos?.col}`)).to.deep.equal(['3:16', '1:1']);
    expect(err.issues[1]?.message).to.match(/^cannot read file: EISDIR/);
  });

  it('validate --tests: PATH::TEST selectors are read as their files; no paths means ./tests', async () => {
    const f = write('tests:\n  a:\n    steps: [ { sleep: 1ms } ]\n  b:\n    steps: [ { sleep: 1ms } ]\n');
    expect((await validateTestPaths([`${f}::a`])).map((s) => s.name)).to.deep.equal(['a', 'b']);
    const previous = process.cwd();
    const project = join(dir, 'project');
    mkdirSync(join(project, 'tests'), { recursive: true });
    writeFileSync(join(project, 'tests', 'x.yaml'), 'tests:\n  x:\n    steps: [ { sleep: 1ms } ]\n');
    process.chdir(project);
    try {
      expect((await validateTestPaths([])).map((s) => s.name)).to.deep.equal(['x']);
      expect((await collectTests({ selectors: [] })).map((c) => c.id)).to.deep.equal(['x']);
    } finally {
      process.chdir(previous);
    }
  });
});
