// JUnit XML of tests and checks, line by line: each test outcome's element (FAIL → failure, INTERRUPTED → error,
// NOT_RUN/IGNORED/OK_TO_FAIL → skipped, FLAKY → system-out and a suite property), the steps as text, suite counts,
// times and earliest timestamps; and for hosts: unfinished hosts, WARN details, tails only when not blank.
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderJunit } from '../../src/report/junit.js';
import type { StepResult, TestResult } from '../../src/results/test-types.js';
import type { HostResult } from '../../src/results/types.js';
import { makeCheck, makeHost, makeReport, messages } from './sample.js';

const XSD = new URL('../../fixtures/report/junit.xsd', import.meta.url).pathname;

function step(index: number, name: string, status: StepResult['status'], partial: Partial<StepResult> = {}): StepResult {
  return { index, phase: 'steps', kind: 'exec', name, status, messages: messages(), startedAt: '2026-11-22T10:00:00.000Z', durationMs: 1500, ...partial };
}

function test(id: string, status: TestResult['status'], file: string, extra: Partial<TestResult> = {}): TestResult {
  return { id, name: id, file, params: {}, status, hosts: {}, startedAt: '2026-11-22T10:00:05.000Z', durationMs: 2000, steps: [], attempts: 1, dir: `tests/${id}`, ...extra };
}

function testsReport() {
  const tests = [
    test('p', 'PASS', 'a.yaml', { startedAt: '2026-11-22T10:00:09.000Z', steps: [step(1, 'start\nx', 'OK', { phase: 'setup', messages: messages({ warn: ['slow\nstart'] }) })] }),
    test('f', 'FAIL', 'a.yaml', { steps: [step(1, 'a', 'OK'), step(2, 'b', 'UNKNOWN', { messages: messages({ error: ['lost'] }) }), step(3, 'c', 'ERROR')] }),
    test('i', 'INTERRUPTED', 'a.yaml', { failure: 'stopped', durationMs: 500, teardownFailure: 'stop failed' }),
    test('n', 'NOT_RUN', 'b.yaml'),
    test('g', 'IGNORED', 'b.yaml'),
    test('o', 'OK_TO_FAIL', 'b.yaml'),
    test('fl', 'FLAKY', 'b.yaml', { attempts: 3 }),
    test('e', 'PASS', 'b.yaml'),
  ];
  return { ...makeReport([]), tests: Object.fromEntries(tests.map((t) => [t.id, t])) };
}

describe('report/junit: tests and check details', () => {
  let dir: string;
  before(() => { dir = mkdtempSync(join(tmpdir(), 'smoker-junit-cases-')); });
  after(() => rmSync(dir, { recursive: true, force: true }));

  function validate(xml: string, name: string): void {
    const file = join(dir, `${name}.xml`);
    writeFileSync(file, xml);
    const res = spawnSync('xmllint', ['--noout', '--schema', XSD, file], { encoding: 'utf8' });
    expect(res.status, res.stderr).to.equal(0);
  }

  it('one suite per test file with its counts, each outcome as its element, steps one per line', () => {
    const xml = renderJunit(testsReport());
    validate(xml, 'tests');
    expect(xml.split('\n')).to.deep.equal([
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<testsuites name="smoker" tests="8" failures="1" errors="1" time="1.234">',
      '  <testsuite name="a.yaml" tests="3" failures="1" errors="1" skipped="0" time="4.500" timestamp="2026-11-22T10:00:05">',
      '    <testcase classname="a.yaml" name="p" time="2.000">',
      '      <system-out>01 setup start x [OK] 1.500s: slow start</system-out>',
      '    </testcase>',
      '    <testcase classname="a.yaml" name="f" time="2.000">',
      '      <failure message="step 02 b" type="FAIL">01 steps a [OK] 1.500s',
      '02 steps b [UNKNOWN] 1.500s: lost',
      '03 steps c [ERROR] 1.500s</failure>',
      '    </testcase>',
      '    <testcase classname="a.yaml" name="i" time="0.500">',
      '      <error message="stopped" type="INTERRUPTED"></error>',
      '      <system-err>teardown: stop failed</system-err>',
      '    </testcase>',
      '  </testsuite>',
      '  <testsuite name="b.yaml" tests="5" failures="0" errors="0" skipped="3" time="10.000" timestamp="2026-11-22T10:00:05">',
      '    <properties>',
      '      <property name="flaky" value="fl"/>',
      '    </properties>',
      '    <testcase classname="b.yaml" name="n" time="2.000">',
      '      <skipped message="not run" type="NOT_RUN"></skipped>',
      '    </testcase>',
      '    <testcase classname="b.yaml" name="g" time="2.000">',
      '      <skipped message="ignored" type="IGNORED"></skipped>',
      '    </testcase>',
      '    <testcase classname="b.yaml" name="o" time="2.000">',
      '      <skipped message="ok to fail: test OK_TO_FAIL" type="OK_TO_FAIL"></skipped>',
      '    </testcase>',
      '    <testcase classname="b.yaml" name="fl" time="2.000">',
      '      <system-out>flaky: passed on try 3</system-out>',
      '    </testcase>',
      '    <testcase classname="b.yaml" name="e" time="2.000">',
      '    </testcase>',
      '  </testsuite>',
      '</testsuites>',
      '',
    ]);
  });

  it('the session is a property of every test suite, before the flaky ones; an interrupted or OK_TO_FAIL test without a failure names its failed step or status', () => {
    const withSession = renderJunit(testsReport(), { session: 'results/S' }).split('\n');
    expect(withSession.slice(2, 7)).to.deep.equal([
      '  <testsuite name="a.yaml" tests="3" failures="1" errors="1" skipped="0" time="4.500" timestamp="2026-11-22T10:00:05">',
      '    <properties>',
      '      <property name="session" value="results/S"/>',
      '    </properties>',
      '    <testcase classname="a.yaml" name="p" time="2.000">',
    ]);
    const b = withSession.findIndex((l) => l.startsWith('  <testsuite name="b.yaml"'));
    expect(withSession.slice(b + 1, b + 5)).to.deep.equal(['    <properties>', '      <property name="session" value="results/S"/>', '      <property name="flaky" value="fl"/>', '    </properties>']);
    const tests = [
      test('i2', 'INTERRUPTED', 'c.yaml', { steps: [step(4, 'wait port', 'ERROR')] }),
      test('o2', 'OK_TO_FAIL', 'c.yaml', { failure: 'step 01 x: refused' }),
      test('i3', 'INTERRUPTED', 'c.yaml'),
    ];
    const xml = renderJunit({ ...makeReport([]), tests: Object.fromEntries(tests.map((t) => [t.id, t])) });
    validate(xml, 'why');
    expect(xml).to.contain('<error message="step 04 wait port" type="INTERRUPTED">04 steps wait port [ERROR] 1.500s</error>');
    expect(xml).to.contain('<skipped message="ok to fail: step 01 x: refused" type="OK_TO_FAIL"></skipped>');
    expect(xml).to.contain('<error message="test INTERRUPTED" type="INTERRUPTED"></error>');
    expect(xml).to.contain('<testsuite name="c.yaml" tests="3" failures="0" errors="2" skipped="1" time="6.000"');
  });

  it('a host: an unfinished testcase, WARN details in system-out, blank tails left out, the earliest start as timestamp', () => {
    const host: HostResult = {
      ...makeHost('h', [
        makeCheck('h', 'c', {
          status: 'WARN',
          startedAt: '',
          messages: messages({ warn: ['w'] }),
          components: { x: { status: 'OK', messages: messages() }, y: { status: 'WARN', messages: messages({ warn: ['yw'] }), components: { z: { status: 'WARN', messages: messages() } } } },
          stdoutTail: '  \n',
          stderrTail: ' ',
        }),
        makeCheck('h', 'u', { status: 'UNKNOWN', startedAt: '2026-11-22T09:00:00.000Z', stdoutTail: 'out' }),
        makeCheck('h', 'ok', { startedAt: '2026-11-22T09:30:00.000Z', stdoutTail: 'fine', stderrTail: 'noise' }),
      ]),
      unfinished: 'stopped early',
    };
    const xml = renderJunit(makeReport([host]));
    validate(xml, 'host');
    expect(xml.split('\n')).to.deep.equal([
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<testsuites name="smoker" tests="4" failures="0" errors="2" time="1.234">',
      '  <testsuite name="h" tests="4" failures="0" errors="2" skipped="0" time="0.460" timestamp="2026-11-22T09:00:00" hostname="h">',
      '    <testcase classname="smoker.h" name="unfinished" time="0.000">',
      '      <error message="stopped early" type="unfinished">stopped early</error>',
      '    </testcase>',
      '    <testcase classname="smoker.h" name="c" time="0.120">',
      '      <system-out>[warn] w',
      'y [WARN]',
      '  [warn] yw',
      '  z [WARN]</system-out>',
      '    </testcase>',
      '    <testcase classname="smoker.h" name="u" time="0.120">',
      '      <error message="check UNKNOWN" type="UNKNOWN"></error>',
      '      <system-out>out</system-out>',
      '    </testcase>',
      '    <testcase classname="smoker.h" name="ok" time="0.120"/>',
      '  </testsuite>',
      '</testsuites>',
      '',
    ]);
  });

  it('an ERROR check: details in the failure, its output tail and error tail beside it; an unreachable host\'s error carries its reason', () => {
    const host = makeHost('h', [makeCheck('h', 'e', { status: 'ERROR', messages: messages({ error: ['bad'], info: ['ctx'] }), stdoutTail: 'o', stderrTail: 'e' })]);
    const xml = renderJunit(makeReport([host, makeHost('gone', [], 'refused')]));
    validate(xml, 'error');
    expect(xml).to.contain([
      '      <failure message="bad" type="ERROR">[error] bad',
      '[info] ctx</failure>',
      '      <system-out>o</system-out>',
      '      <system-err>e</system-err>',
    ].join('\n'));
    expect(xml).to.contain('      <error message="unreachable: refused" type="unreachable">unreachable: refused</error>');
  });
});
