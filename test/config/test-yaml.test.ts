// A YAML test file (`tests:`) read into test specs: options, the three step lists, joins, watched services, and
// every problem at its line:col.
import { expect } from 'chai';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { parseYamlTests } from '../../src/config/test-yaml.js';
import type { TestSpec } from '../../src/config/test-types.js';

const FILE = join(tmpdir(), 'smoker-test-yaml', 'kafka.yaml');

const tests = (text: string): TestSpec[] => {
  const r = parseYamlTests(text, FILE);
  if ('issues' in r) throw new Error(JSON.stringify(r.issues));
  return r.tests;
};
const issues = (text: string): string[] => {
  const r = parseYamlTests(text, FILE);
  if (!('issues' in r)) throw new Error('accepted');
  return r.issues.map((i) => `${i.pos?.line}:${i.pos?.col} ${i.path}: ${i.message}`);
};

describe('config: a YAML test file', () => {
  it('reads each test: options, steps in order, where each was written', () => {
    const [t, u] = tests(`tests:
  bounce:
    description: rolling restart
    needs: { kafka: 3, client: all }
    timeout: 10m
    setup: [ { start: kafka } ]
    steps:
      - exec: { on: client, command: produce, background: load }
      - bounce: { service: kafka, serial: 1 }
      - kill: { service: zk, signal: TERM }
      - join: load
    teardown: [ { stop: kafka } ]
  other:
    steps: [ { sleep: 1s } ]
`);
    expect(t?.name).to.equal('bounce');
    expect(t?.file).to.equal(FILE);
    expect(t?.pos).to.deep.equal({ file: FILE, line: 2, col: 3 });
    expect(t?.description).to.equal('rolling restart');
    expect(t?.needs).to.deep.equal({ kafka: 3, client: 0 });
    expect(t?.needsPos).to.deep.equal({ kafka: { file: FILE, line: 4, col: 14 }, client: { file: FILE, line: 4, col: 24 } });
    expect(t?.timeoutMs).to.equal(600_000);
    expect(t?.setup.map((s) => s.kind)).to.deep.equal(['start']);
    expect(t?.steps.map((s) => s.kind)).to.deep.equal(['exec', 'bounce', 'kill', 'join']);
    expect(t?.steps.map((s) => s.pos.line)).to.deep.equal([8, 9, 10, 11]);
    expect(t?.steps[0]?.pos).to.deep.equal({ file: FILE, line: 8, col: 9 });
    expect(t?.teardown.map((s) => s.kind)).to.deep.equal(['stop']);
    expect(t?.watchServices).to.deep.equal(['kafka', 'zk']);
    expect(u).to.deep.include({ name: 'other', setup: [], teardown: [], watchServices: [], needs: {}, needsPos: {} });
  });

  it('setup: and teardown: may be empty (null)', () => {
    expect(tests('tests:\n  t:\n    setup:\n    steps: [ { sleep: 1s } ]\n    teardown: ~\n')[0]).to.deep.include({ setup: [], teardown: [] });
  });

  it('the file holds a tests: map and nothing else', () => {
    expect(issues('- a\n')).to.deep.equal(['1:1 : expected a tests: map of test names to tests, got a list']);
    expect(issues('tests: [a]\n')).to.deep.equal(['1:8 tests: expected a tests: map of test names to tests, got a list']);
    expect(issues('other: 1\n')).to.deep.equal(['1:1 tests: expected a tests: map of test names to tests, got nothing']);
    expect(issues('tests:\n  t: { steps: [ { sleep: 1s } ] }\ntset: 1\n')).to.deep.equal(['3:1 tset: unknown key "tset" (a test file has tests:)']);
    expect(issues('tests: {a: [1, }\n')[0]).to.match(/^1:\d+ : invalid YAML/);
  });

  it('each test is a map with steps:, known keys only', () => {
    expect(issues('tests:\n  t: 3\n')).to.deep.equal(['2:6 tests.t: expected a test (a map with steps:), got 3']);
    expect(issues('tests:\n  t: { description: x }\n')).to.deep.equal(['2:3 tests.t: a test needs steps:']);
    expect(issues('tests:\n  t:\n    stesp: []\n    steps: []\n')).to.deep.equal([
      '3:5 tests.t.stesp: unknown key "stesp" (did you mean "steps"?) (test keys: description, needs, matrix, params, timeout, okToFail, ignore, watch, setup, steps, teardown)',
    ]);
    expect(issues('tests:\n  t:\n    steps: { sleep: 1s }\n')).to.deep.equal(['3:12 tests.t.steps: expected a list of steps, got a map']);
    expect(issues('tests:\n  t:\n    setup: exec\n    steps: []\n')).to.deep.equal(['3:12 tests.t.setup: expected a list of steps, got "exec"']);
  });

  it('bad options and bad steps are all reported, each at its key', () => {
    expect(issues('tests:\n  t:\n    timeout: soon\n    steps:\n      - sleep: 1s\n      - exec: { command: x, tiemout: 1s }\n    teardown:\n      - stopp: kafka\n')).to.deep.equal([
      '3:5 tests.t.timeout: expected a duration like 10m, got "soon"',
      '6:29 tests.t.steps.1.exec.tiemout: unknown key "tiemout" (did you mean "timeout"?) (allowed: command, on, expect, background, timeout)',
      '8:9 tests.t.teardown.0.stopp: unknown step "stopp" (did you mean "stop"?) (steps: start, stop, restart, bounce, clean, exec, join, check, wait, kill, signal, copy, fetch, sleep, collect)',
    ]);
  });

  it('a join names a background an earlier step started (setup before steps before teardown), each started once', () => {
    expect(tests('tests:\n  t:\n    setup: [ { exec: { command: x, background: bg } } ]\n    steps: [ { join: bg } ]\n')[0]?.steps).to.have.length(1);
    expect(issues('tests:\n  t:\n    setup: [ { join: bg } ]\n    steps: [ { exec: { command: x, background: bg } } ]\n')).to.deep.equal([
      '3:16 tests.t: join of an unknown background "bg" (no exec before it has background:)',
    ]);
    expect(issues('tests:\n  t:\n    steps:\n      - exec: { command: x, background: a }\n      - exec: { command: y, background: a }\n')).to.deep.equal([
      '5:9 tests.t: background "a" is already started by an earlier step',
    ]);
    expect(issues('tests:\n  t:\n    steps:\n      - exec: { command: x, background: load }\n      - exec: { command: x, background: other }\n      - join: lod\n')).to.deep.equal([
      '6:9 tests.t: join of an unknown background "lod" (did you mean "load"?) (started before it: load, other)',
    ]);
  });

  it('watched services: every service a service step, kill or signal names, once each', () => {
    const [t] = tests('tests:\n  t:\n    setup: [ { start: a }, { collect: c } ]\n    steps: [ { kill: { service: b } }, { signal: { process: java, signal: HUP } }, { restart: a }, { exec: x } ]\n    teardown: [ { clean: d } ]\n');
    expect(t?.watchServices).to.deep.equal(['a', 'c', 'b', 'd']);
  });
});
