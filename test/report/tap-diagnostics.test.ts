// TAP 14 points and their YAML diagnostics, line by line: each test outcome (directives, failed steps, teardown,
// flaky comment after the block), each check's fields only when they say something, the unfinished and connect
// points, and the closing count and session comments.
import { expect } from 'chai';
import { renderTap } from '../../src/report/tap.js';
import type { StepResult, TestResult } from '../../src/results/test-types.js';
import type { HostResult, RunReport } from '../../src/results/types.js';
import { makeCheck, makeHost, makeReport, messages } from './sample.js';

function step(index: number, name: string, status: StepResult['status'], partial: Partial<StepResult> = {}): StepResult {
  return { index, phase: 'steps', kind: 'exec', name, status, messages: messages(), startedAt: '2026-11-22T10:00:00.000Z', durationMs: 1500, ...partial };
}

function test(id: string, status: TestResult['status'], extra: Partial<TestResult> = {}): TestResult {
  return { id, name: id, file: 'a.yaml', params: {}, status, hosts: {}, startedAt: '2026-11-22T10:00:05.000Z', durationMs: 2000, steps: [], attempts: 1, dir: `tests/${id}`, ...extra };
}

function session(): RunReport {
  const tests = [
    test('p', 'PASS', { steps: [step(1, 'ok', 'OK')] }),
    test('f#1', 'FAIL', { failure: 'step 02 b: lost', teardownFailure: 'stop failed', steps: [step(1, 'a', 'OK'), step(2, 'b', 'UNKNOWN', { messages: messages({ error: ['lost'] }) }), step(3, 'c', 'ERROR')] }),
    test('i', 'INTERRUPTED'),
    test('n', 'NOT_RUN'),
    test('g', 'IGNORED'),
    test('o', 'OK_TO_FAIL'),
    test('fl', 'FLAKY', { attempts: 3 }),
  ];
  const h: HostResult = {
    ...makeHost('h', [
      makeCheck('h', 'w', {
        status: 'WARN', signal: 'SIGTERM', truncated: true, exitCode: 1,
        messages: messages({ warn: ['w1', 'w2'], info: ['i'] }),
        metrics: { load: { value: 3 } },
        components: { x: { status: 'OK', messages: messages() }, y: { status: 'WARN', messages: messages({ warn: ['yw'] }), components: { z: { status: 'WARN', messages: messages() } } } },
      }),
      makeCheck('h', 'u', { status: 'UNKNOWN', startedAt: '' }),
      makeCheck('h', 'k'),
    ]),
    unfinished: 'stopped early',
  };
  const report = makeReport([h, makeHost('gone', [], 'refused')]);
  return { ...report, tests: Object.fromEntries(tests.map((t) => [t.id, t])) };
}

const TESTS_PART = [
  'TAP version 14',
  '1..12',
  'ok 1 - p',
  'not ok 2 - f\\#1',
  '  ---',
  '  status: "FAIL"',
  '  message: "step 02 b: lost"',
  '  file: "a.yaml"',
  '  durationMs: 2000',
  '  attempts: 1',
  '  steps:',
  '    - step: 2',
  '      name: "b"',
  '      status: "UNKNOWN"',
  '      message: "lost"',
  '    - step: 3',
  '      name: "c"',
  '      status: "ERROR"',
  '  teardown: "stop failed"',
  '  ...',
  'not ok 3 - i',
  '  ---',
  '  status: "INTERRUPTED"',
  '  file: "a.yaml"',
  '  durationMs: 2000',
  '  attempts: 1',
  '  ...',
  'ok 4 - n # SKIP not run',
  '  ---',
  '  status: "NOT_RUN"',
  '  file: "a.yaml"',
  '  durationMs: 2000',
  '  attempts: 1',
  '  ...',
  'ok 5 - g # SKIP ignored',
  '  ---',
  '  status: "IGNORED"',
  '  file: "a.yaml"',
  '  durationMs: 2000',
  '  attempts: 1',
  '  ...',
  'not ok 6 - o # TODO ok to fail',
  '  ---',
  '  status: "OK_TO_FAIL"',
  '  file: "a.yaml"',
  '  durationMs: 2000',
  '  attempts: 1',
  '  ...',
];

const FLAKY_BLOCK = ['  ---', '  status: "FLAKY"', '  file: "a.yaml"', '  durationMs: 2000', '  attempts: 3', '  ...', '# flaky: fl passed on try 3'];

const HOSTS_PART = [
  'not ok 8 - h / unfinished',
  '  ---',
  '  status: "UNKNOWN"',
  '  message: "stopped early"',
  '  ...',
  'ok 9 - h / w',
  '  ---',
  '  status: "WARN"',
  '  message: "w1"',
  '  messages:',
  '    warn:',
  '      - "w1"',
  '      - "w2"',
  '    info:',
  '      - "i"',
  '  components:',
  '    y:',
  '      status: "WARN"',
  '      messages:',
  '        warn:',
  '          - "yw"',
  '      components:',
  '        z:',
  '          status: "WARN"',
  '  metrics:',
  '    load:',
  '      value: 3',
  '  exitCode: 1',
  '  signal: "SIGTERM"',
  '  durationMs: 120',
  '  startedAt: "2026-11-22T16:12:58.000Z"',
  '  truncated: true',
  '  ...',
  'not ok 10 - h / u',
  '  ---',
  '  status: "UNKNOWN"',
  '  exitCode: 0',
  '  durationMs: 120',
  '  ...',
  'ok 11 - h / k',
  'not ok 12 - gone / connect',
  '  ---',
  '  status: "ERROR"',
  '  message: "unreachable: refused"',
  '  ...',
  '# 2 hosts: 1 UNKNOWN, 1 ERROR; 3 checks: 1 OK, 1 WARN, 1 UNKNOWN; 7 tests: 1 PASS, 1 FAIL, 1 FLAKY, 1 OK_TO_FAIL, 1 IGNORED, 1 NOT_RUN, 1 INTERRUPTED; 1 unreachable',
];

describe('report/tap: points and diagnostics', () => {
  it('a flaky test passes unless failOn is flaky; every field of a diagnostic only when it says something', () => {
    expect(renderTap(session()).split('\n')).to.deep.equal([...TESTS_PART, 'ok 7 - fl', ...FLAKY_BLOCK, ...HOSTS_PART, '']);
    expect(renderTap(session(), { failOn: 'flaky', session: 'results/S\nx' }).split('\n')).to.deep.equal([
      ...TESTS_PART, 'not ok 7 - fl', ...FLAKY_BLOCK, ...HOSTS_PART, '# session results/S x', '',
    ]);
  });

  it('a run of OK checks alone: points without diagnostics, counts without tests or unreachable hosts', () => {
    expect(renderTap(makeReport([makeHost('a', [makeCheck('a', 'k')])]))).to.equal('TAP version 14\n1..1\nok 1 - a / k\n# 1 host: 1 OK; 1 check: 1 OK\n');
  });
});
