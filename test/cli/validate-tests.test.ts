// `smoker validate --tests`: the scenarios smoker test would run, loaded and checked against the inventory, nothing run.
import { expect } from 'chai';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from '../results/workspace.js';

const dir = mkdtempSync(join(tmpdir(), 'smoker-validate-tests-'));
mkdirSync(join(dir, 'tests'));
writeFileSync(join(dir, 'inventory.yaml'), 'hosts:\n  n1: { transport: local }\ngroups:\n  node: { hosts: [n1] }\n');

describe('smoker validate --tests (e2e)', () => {
  it('good tests: OK with their count; without --tests the tests are not read', () => {
    writeFileSync(join(dir, 'tests', 'a.yaml'), 'tests:\n  t1:\n    needs: { node: 1 }\n    steps: [ { exec: { command: "true" } } ]\n');
    const r = cli(['validate', 'inventory.yaml', '--tests'], { cwd: dir });
    expect(r.code, r.stderr).to.equal(0);
    expect(r.stdout).to.contain('1 test in tests');
    expect(cli(['validate', 'inventory.yaml'], { cwd: dir }).stdout).to.not.contain('test');
  });

  it('an unknown step: exit 2 at file:line:col with did-you-mean, nothing run', () => {
    writeFileSync(join(dir, 'tests', 'a.yaml'), 'tests:\n  t1:\n    needs: { node: 1 }\n    steps: [ { exce: { command: "touch ran" } } ]\n');
    const r = cli(['validate', 'inventory.yaml', '--tests', 'tests'], { cwd: dir });
    expect(r.code, r.stdout).to.equal(2);
    expect(r.stderr).to.contain('tests/a.yaml:4:16 tests.t1.steps.0.exce: unknown step "exce" (did you mean "exec"?)');
  });

  it('a needs group the inventory lacks: exit 2 at file:line:col', () => {
    writeFileSync(join(dir, 'tests', 'a.yaml'), 'tests:\n  t1:\n    needs: { kafka: 1 }\n    steps: [ { exec: { command: "true" } } ]\n');
    const r = cli(['validate', 'inventory.yaml', '--tests'], { cwd: dir });
    expect(r.code, r.stdout).to.equal(2);
    expect(r.stderr).to.contain('tests/a.yaml:3:14 t1.needs.kafka: unknown group "kafka"');
  });
});
