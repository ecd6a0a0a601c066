// Collection of `smoker test` files: every bad input is a positioned ConfigError before anything runs.
import { expect } from 'chai';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateCheckFiles } from '../../src/config/checks.js';
import type { CheckSet } from '../../src/config/check-types.js';
import { loadInventory } from '../../src/config/inventory.js';
import { collectTests } from '../../src/config/test-collect.js';
import type { Inventory } from '../../src/config/types.js';
import { ConfigError, UsageError } from '../../src/errors.js';
import { rejectionOf } from '../support/thrown.js';

const INVENTORY = `
hosts:
  h[1:3]: { transport: local }
groups:
  demo: { hosts: ["h*"] }
  client: { hosts: [h1] }
checks: [checks.yaml]
`;
const CHECKS = `
checks:
  ok-check: { command: "true" }
services:
  demo: { start: "true", stop: "true" }
`;

describe('config/test-collect', () => {
  let dir: string;
  let inventory: Inventory;
  let checks: CheckSet;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'smoker-collect-'));
    writeFileSync(join(dir, 'inventory.yaml'), INVENTORY);
    writeFileSync(join(dir, 'checks.yaml'), CHECKS);
    inventory = loadInventory(join(dir, 'inventory.yaml'));
    const r = validateCheckFiles(inventory.checks);
    if ('issues' in r) throw new Error(JSON.stringify(r.issues));
    checks = r.set;
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const write = (name: string, text: string) => {
    const p = join(dir, name);
    writeFileSync(p, text);
    return p;
  };
  const collect = (file: string, extra: Partial<Parameters<typeof collectTests>[0]> = {}) => collectTests({ selectors: [file], inventory, checks, ...extra });
  /** The single issue's "line:col message" of a collection that must fail. */
  const issueOf = async (file: string, extra: Partial<Parameters<typeof collectTests>[0]> = {}) =>
    (await rejectionOf(() => collect(file, extra), ConfigError)).issues.map((i) => `${i.pos?.line}:${i.pos?.col} ${i.message}`);

  it('expands a matrix into stable ids with sorted keys', async () => {
    const f = write('m.yaml', 'tests:\n  t:\n    matrix: { b: [1, 2], a: [x, y, z] }\n    steps: [ { sleep: 1ms } ]\n');
    const cases = await collect(f);
    expect(cases.map((c) => c.id)).to.include('t@{"a":"x","b":1}').and.to.have.length(6);
    expect((await collect(`${f}::t@{"a":"y","b":2}`)).map((c) => c.id)).to.deep.equal(['t@{"a":"y","b":2}']);
    expect((await collect(f, { keywords: ['*"b":2}'] })).map((c) => c.id)).to.have.length(3);
  });

  it('an unknown step names its file:line:col and suggests the verb', async () => {
    const f = write('u.yaml', 'tests:\n  t:\n    steps:\n      - exce: ls\n');
    expect(await issueOf(f)).to.deep.equal(['4:9 unknown step "exce" (did you mean "exec"?) (steps: start, stop, restart, bounce, clean, exec, join, check, wait, kill, signal, copy, fetch, sleep, collect)']);
  });

  it('a matrix that is not a map of lists', async () => {
    expect(await issueOf(write('mx.yaml', 'tests:\n  t:\n    matrix: { acks: 1 }\n    steps: [ { sleep: 1s } ]\n'))).to.deep.equal(['3:15 expected a non-empty list of values, got 1: a matrix is a map of lists']);
    expect((await issueOf(write('mx2.yaml', 'tests:\n  t:\n    matrix: [1, 2]\n    steps: [ { sleep: 1s } ]\n')))[0]).to.match(/^3:5 expected a map of lists/);
  });

  it('unknown service, check and group; a needs group that does not exist; needs more hosts than there are', async () => {
    const f = write(
      'refs.yaml',
      [
        'tests:',
        '  t:',
        '    needs: { demo: 4, nope: 1 }',
        '    steps:',
        '      - start: demoo',
        '      - check: [ok-chek]',
        '      - wait: { check: missing }',
      ].join('\n'),
    );
    expect(await issueOf(f)).to.deep.equal([
      '3:14 needs 4 hosts of group "demo", but inventory.yaml has 3 (h1, h2, h3)'.replace('inventory.yaml', join(dir, 'inventory.yaml')),
      '3:23 unknown group "nope" (groups of INV: demo, client, all, ungrouped)'.replace('INV', join(dir, 'inventory.yaml')),
      '5:9 unknown service "demoo" (did you mean "demo"?) (services: demo)',
      '6:9 unknown check "ok-chek" (did you mean "ok-check"?)',
      '7:9 unknown check "missing"',
    ]);
  });

  it('an on: pattern that names no host or group of the inventory (group[N] allowed)', async () => {
    const f = write('on.yaml', 'tests:\n  t:\n    needs: { demo: 2 }\n    steps:\n      - exec: { on: "demo[0]", command: "true" }\n      - exec: { on: "dmo[1]", command: "true" }\n');
    expect(await issueOf(f)).to.deep.equal(['6:9 on: "dmo[1]": no host or group matches "dmo" (did you mean "demo"?)']);
  });

  it('a join of an unknown background, and a duplicate test id across files', async () => {
    expect(await issueOf(write('j.yaml', 'tests:\n  t:\n    steps:\n      - exec: { command: sleep 1, background: load }\n      - join: lod\n'))).to.deep.equal([
      '5:9 join of an unknown background "lod" (did you mean "load"?) (started before it: load)',
    ]);
    const a = write('dup-a.yaml', 'tests:\n  same:\n    steps: [ { sleep: 1ms } ]\n');
    const b = write('dup-b.yaml', 'tests:\n  same:\n    steps: [ { sleep: 1ms } ]\n');
    try {
      await collectTests({ selectors: [a, b], inventory, checks });
      throw new Error('no error');
    } catch (err) {
      expect((err as ConfigError).issues.map((i) => i.message)).to.deep.equal([`duplicate test id "same" (also at ${a}:2:3)`]);
    }
  });

  it('a code test file that throws at import: the stack file:line, nothing collected', async () => {
    const f = write('throws.test.mjs', "import { test } from 'smoker/test';\n\ntest('a', async () => {});\nthrow new Error('boom at import');\n");
    expect(await issueOf(f)).to.deep.equal(['4:7 the test file throws at import: Error: boom at import']);
  });

  it('code tests: options validated at the test() call, needs checked against the inventory', async () => {
    const f = write('code.test.mjs', "import { test } from 'smoker/test';\ntest('ok', { needs: { demo: 2 } }, async () => {});\ntest('bad', { matrix: { x: 1 }, needs: { demo: 9 } }, async () => {});\n");
    const issues = await issueOf(f);
    expect(issues).to.deep.equal([`3:1 expected a non-empty list of values, got 1: a matrix is a map of lists`]);
    const g = write('code2.test.mjs', "import { test } from 'smoker/test';\ntest('big', { needs: { demo: 9 } }, async () => {});\n");
    expect(await issueOf(g)).to.deep.equal([`2:1 needs 9 hosts of group "demo", but ${join(dir, 'inventory.yaml')} has 3 (h1, h2, h3)`]);
  });

  it('a selection that matches nothing is a usage error with a did-you-mean', async () => {
    const f = write('sel.yaml', 'tests:\n  bounce:\n    steps: [ { sleep: 1ms } ]\n');
    await collect(`${f}::bounc`).then(
      () => expect.fail('no error'),
      (err: unknown) => {
        expect(err).to.be.instanceOf(UsageError);
        expect((err as Error).message).to.contain('no such test (did you mean "bounce"?)');
      },
    );
    await collect(f, { keywords: ['nothing*'] }).then(
      () => expect.fail('no error'),
      (err: unknown) => expect(err).to.be.instanceOf(UsageError),
    );
  });
});
