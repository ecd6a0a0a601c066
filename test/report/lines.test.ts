// Small human-format pieces: status counts, the summary line, cut output, copy/fetch lines and the --plan text.
import { expect } from 'chai';
import { formatCounted, formatCounts, sumCounts } from '../../src/report/counts.js';
import { cutOutput, truncationMarker } from '../../src/report/output-cut.js';
import { renderPlan } from '../../src/report/plan-text.js';
import { renderSummaryLine } from '../../src/report/summary-line.js';
import { renderTransferLines } from '../../src/report/transfer-lines.js';
import { buildHostResult, buildReport } from '../../src/results/aggregate.js';
import type { StatusCounts } from '../../src/results/types.js';
import { DEFAULT_MAX_BUFFER } from '../../src/transport/output-capture.js';
import { check, report } from '../results/data.js';

const counts = (c: Partial<StatusCounts>): StatusCounts => ({ OK: 0, WARN: 0, UNKNOWN: 0, ERROR: 0, ...c });

describe('report: counts and one-line summaries', () => {
  it('lists non-zero counts OK first, ERROR last, painted one by one', () => {
    expect(formatCounts(counts({ ERROR: 1, OK: 10, WARN: 2 }))).to.equal('10 OK, 2 WARN, 1 ERROR');
    expect(formatCounts(counts({ UNKNOWN: 3 }))).to.equal('3 UNKNOWN');
    expect(formatCounts(counts({}))).to.equal('');
    expect(formatCounts(counts({ OK: 1, ERROR: 2 }), (s, t) => `<${s}:${t}>`)).to.equal('<OK:1 OK>, <ERROR:2 ERROR>');
    expect(sumCounts(counts({ OK: 1, WARN: 2, UNKNOWN: 3, ERROR: 4 }))).to.equal(10);
  });

  it('says "N things" with the right plural, and nothing after a colon when there are none', () => {
    expect(formatCounted('host', counts({}))).to.equal('0 hosts');
    expect(formatCounted('host', counts({ OK: 1 }))).to.equal('1 host: 1 OK');
    expect(formatCounted('check', counts({ OK: 1, ERROR: 1 }))).to.equal('2 checks: 1 OK, 1 ERROR');
  });

  it('renders hosts (with unreachable ones), checks, duration and session, without colour by default', () => {
    const r = report({ a: { x: 'OK', y: 'ERROR' }, b: 'refused' });
    expect(renderSummaryLine(r, '2026-11-22--001')).to.equal('2 hosts: 2 ERROR (1 unreachable) · 2 checks: 1 OK, 1 ERROR · 1.5s · 2026-11-22--001');
    expect(renderSummaryLine(report({ a: { x: 'OK' } }))).to.equal('1 host: 1 OK · 1 check: 1 OK · 1.5s');
  });
});

describe('report: cut output', () => {
  const big = (tail: string) => `${'x'.repeat(DEFAULT_MAX_BUFFER - 64)}\n${'y'.repeat(50)}\n${tail}`;

  it('shows whole output as it is, also when another stream was the one cut', () => {
    expect(cutOutput('a\nb', false, '/r/out')).to.equal('a\nb');
    expect(cutOutput('a\nb', true, '/r/out')).to.equal('a\nb');
    const full = big('partial line');
    expect(cutOutput(full, false, '/r/out')).to.equal(full);
  });

  it('cuts a filled stream after its last whole line and says where the rest is', () => {
    const full = big('partial line');
    expect(Buffer.byteLength(full)).to.equal(DEFAULT_MAX_BUFFER);
    const cut = cutOutput(full, true, '/r/hosts/a/x.stdout');
    expect(cut.endsWith(`${'y'.repeat(50)}\n… output truncated at 1 MiB; whole output: /r/hosts/a/x.stdout\n`)).to.equal(true);
    expect(cut).to.not.include('partial');
    expect(cutOutput('z'.repeat(DEFAULT_MAX_BUFFER), true, undefined)).to.equal('… output truncated at 1 MiB; whole output not kept (--no-results)\n');
  });

  it('counts bytes, not characters, against the cap (a few bytes short of it still count as filled)', () => {
    const wide = '€'.repeat(Math.floor((DEFAULT_MAX_BUFFER - 3) / 3)) + '\n';
    expect(Buffer.byteLength(wide)).to.be.at.least(DEFAULT_MAX_BUFFER - 4);
    expect(cutOutput(wide, true, 'p')).to.equal(`${wide}${truncationMarker('p')}\n`);
    const short = 'a'.repeat(DEFAULT_MAX_BUFFER - 5);
    expect(cutOutput(short, true, 'p')).to.equal(short);
  });
});

describe('report: copy/fetch lines', () => {
  it('one line per host with its first message, further messages indented, then the summary', () => {
    const ok = check('web1', 'copy', 'OK', { messages: { info: ['a → /b: 7 files'], warn: [], error: [] } });
    const bad = check('db1', 'copy', 'ERROR', { messages: { info: ['partial'], warn: [], error: ['permission denied', 'second'] } });
    const r = buildReport(
      [buildHostResult('web1', [ok], 5), buildHostResult('db1', [bad], 5), buildHostResult('cache-long', [], 5, 'timed out')],
      new Date('2026-11-22T10:00:00.000Z'),
      new Date('2026-11-22T10:00:02.000Z'),
    );
    expect(renderTransferLines(r, { session: 'S' }).split('\n')).to.deep.equal([
      'web1        [OK] a → /b: 7 files',
      'db1         [ERROR] permission denied',
      '            second',
      '            partial',
      'cache-long  [ERROR] unreachable: timed out',
      '3 hosts: 1 OK, 2 ERROR (1 unreachable) · 2 checks: 1 OK, 1 ERROR · 2.0s · S',
      '',
    ]);
  });

  it('a host with no message has a bare status', () => {
    const r = buildReport([buildHostResult('a', [check('a', 'copy', 'OK')], 1)], new Date(0), new Date(1000));
    expect(renderTransferLines(r).split('\n')[0]).to.equal('a  [OK]');
  });
});

describe('report: --plan text', () => {
  it('lists each host and the command each check would run, sudo and module checks marked, errors named', () => {
    const text = renderPlan([
      {
        host: 'web1',
        commands: [
          { check: 'disk', command: 'df -P /', sudo: false },
          { check: 'svc', command: 'systemctl is-active x', sudo: true },
          { check: 'mod', module: 'ping', params: { count: 2 }, sudo: false },
          { check: 'bad', error: 'unknown parameter "x"', sudo: false },
          { check: 'empty', sudo: false },
          { check: 'nomod', module: 'm', sudo: false },
        ],
      },
      { host: 'esc\u001b[31m', commands: [{ check: 'a\u0007', command: 'echo\u0000', sudo: false }] },
    ]);
    expect(text.split('\n')).to.deep.equal([
      'web1',
      '  disk: df -P /',
      '  svc (sudo): systemctl is-active x',
      '  mod: module ping {"count":2}',
      '  bad: ERROR: unknown parameter "x"',
      '  empty: ',
      '  nomod: module m {}',
      'esc\\x1B[31m',
      '  a\\x07: echo\\x00',
      'plan: 2 hosts, 7 checks; nothing was run',
      '',
    ]);
    expect(renderPlan([{ host: 'a', commands: [{ check: 'c', command: 'true', sudo: false }] }])).to.equal('a\n  c: true\nplan: 1 host, 1 check; nothing was run\n');
  });
});
