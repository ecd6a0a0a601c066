// The small text helpers every format leans on, at their edges: durations and timestamps, terminal width,
// folding and cutting text, HTML/JSON/XML escaping, column fitting, flat entries, cut output, summaries.
import { expect } from 'chai';
import { formatDuration, formatTimestamp } from '../../src/report/format-time.js';
import { terminalWidth } from '../../src/report/terminal-width.js';
import { ensureNewline, foldLine, truncateText } from '../../src/report/text.js';
import { embedJson, escapeHtml } from '../../src/report/html-escape.js';
import { escapeXmlAttr } from '../../src/report/xml.js';
import { breakLongWords, fitColumns } from '../../src/report/table-fit.js';
import { listEntries } from '../../src/report/entries.js';
import { cutOutput } from '../../src/report/output-cut.js';
import { renderSummaryLine } from '../../src/report/summary-line.js';
import { renderSummaryText } from '../../src/report/summary-text.js';
import { formatTestCounts, isFailedTest } from '../../src/report/tests-text.js';
import { renderHostsTable } from '../../src/report/hosts-table.js';
import { renderStatusTable } from '../../src/report/status-table.js';
import { summarizeDiff, renderDiffText } from '../../src/report/diff-text.js';
import { renderTimeline } from '../../src/report/history-text.js';
import { DEFAULT_MAX_BUFFER } from '../../src/transport/output-capture.js';
import type { TestResult } from '../../src/results/test-types.js';
import type { HostResult, RunReport } from '../../src/results/types.js';
import { makeCheck, makeHost, makeReport, messages } from './sample.js';

function test(id: string, status: TestResult['status']): TestResult {
  return { id, name: id, file: 't.yaml', params: {}, status, hosts: {}, startedAt: '2026-11-22T10:00:00.000Z', durationMs: 10, steps: [], attempts: 1, dir: `tests/${id}` };
}

describe('report: small helpers at their edges', () => {
  it('durations: negative is 0ms, 1000 ms is a second, 60 s is a minute', () => {
    expect(formatDuration(-5)).to.equal('0ms');
    expect(formatDuration(999)).to.equal('999ms');
    expect(formatDuration(1000)).to.equal('1.0s');
    expect(formatDuration(59_999)).to.equal('60s');
    expect(formatDuration(60_000)).to.equal('1m00s');
  });

  it('timestamps in the local time zone or UTC', () => {
    const saved = process.env.TZ;
    process.env.TZ = 'Asia/Kolkata';
    try {
      expect(formatTimestamp('2026-11-22T16:12:58.000Z', 'local')).to.equal('2026-11-22 21:42:58');
      expect(formatTimestamp('2026-11-22T16:12:58.000Z')).to.equal('2026-11-22 21:42:58');
      expect(formatTimestamp('2026-11-22T16:12:58.000Z', 'utc')).to.equal('2026-11-22 16:12:58');
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('terminal width: a positive whole COLUMNS, else a TTY\'s positive columns, else no limit', () => {
    const tty = { isTTY: true, columns: 80 };
    expect(terminalWidth({ COLUMNS: '120' }, tty)).to.equal(120);
    for (const bad of ['abc', '1.5', '0', '-3', '']) expect(terminalWidth({ COLUMNS: bad }, tty), bad).to.equal(80);
    expect(terminalWidth({}, tty)).to.equal(80);
    expect(terminalWidth({}, { isTTY: true, columns: 0 })).to.equal(undefined);
    expect(terminalWidth({}, { isTTY: false, columns: 80 })).to.equal(undefined);
    expect(terminalWidth({}, { isTTY: true })).to.equal(undefined);
  });

  it('folds blanks and controls to single spaces and trims; cuts text with an ellipsis; ends text with one newline', () => {
    expect(foldLine('  a \n\t b\u0000c  ')).to.equal('a b c');
    expect(truncateText('abcd', 4)).to.equal('abcd');
    expect(truncateText('abcde', 4)).to.equal('abc…');
    expect(truncateText('日本語です', 3)).to.equal('日本…');
    expect(truncateText('abc', 0)).to.equal('…');
    expect(ensureNewline('a')).to.equal('a\n');
    expect(ensureNewline('a\n')).to.equal('a\n');
    expect(ensureNewline('\na')).to.equal('\na\n');
  });

  it('escapes HTML text and attributes, JSON inside a script element, and XML attributes', () => {
    expect(escapeHtml(`a&<b>"c'`)).to.equal('a&amp;&lt;b&gt;&quot;c&#39;');
    expect(embedJson('</script>&\u2028\u2029')).to.equal('"\\u003c/script\\u003e\\u0026\\u2028\\u2029"');
    expect(escapeXmlAttr('a\tb\nc\rd"e\'f<&>')).to.equal('a&#9;b&#10;c&#13;d&quot;e&apos;f&lt;&amp;&gt;');
  });

  it('fits columns by taking from the widest first (the first of equals), never below 1', () => {
    expect(fitColumns([3, 3], 10)).to.deep.equal([3, 3]);
    expect(fitColumns([5, 20], 14)).to.deep.equal([5, 9]);
    expect(fitColumns([8, 8], 15)).to.deep.equal([7, 8]);
    expect(fitColumns([10, 7], 8)).to.deep.equal([4, 4]);
    expect(fitColumns([2, 2], 1)).to.deep.equal([1, 1]);
  });

  it('breaks long words at the width, after a comma in the second half of a piece; leaves coloured text and width 0 alone', () => {
    expect(breakLongWords('abc', 1)).to.equal('a b c');
    expect(breakLongWords('abc', 0)).to.equal('abc');
    expect(breakLongWords('abcdefgh,ij', 4)).to.equal('abcd efgh ,ij');
    expect(breakLongWords('ab,cdef', 4)).to.equal('ab, cdef');
    expect(breakLongWords('a,bcdefg', 4)).to.equal('a,bc defg');
    expect(breakLongWords('ab\ncd', 5)).to.equal('ab\ncd');
    expect(breakLongWords('xxxxxx\nyyyyyy', 3)).to.equal('xxx xxx\nyyy yyy');
    const coloured = '\u001b[1mabcdefgh\u001b[22m';
    expect(breakLongWords(coloured, 3)).to.equal(coloured);
  });

  it('flat entries: an unreachable host is a failed connect whatever its status; an unfinished host an UNKNOWN entry', () => {
    const host = (status: HostResult['status']): HostResult => ({ ...makeHost('h', []), status, unreachable: 'refused' });
    const statusOf = (h: HostResult) => listEntries(makeReport([h])).map((e) => `${e.check}:${e.status}`);
    expect(statusOf(host('OK'))).to.deep.equal(['connect:ERROR']);
    expect(statusOf(host('WARN'))).to.deep.equal(['connect:ERROR']);
    expect(statusOf(host('UNKNOWN'))).to.deep.equal(['connect:UNKNOWN']);
    const cut: HostResult = { ...makeHost('c', [makeCheck('c', 'k')]), unfinished: 'stopped' };
    expect(listEntries(makeReport([cut])).map((e) => `${e.check}:${e.status}:${e.unfinished ?? ''}`)).to.deep.equal(['unfinished:UNKNOWN:stopped', 'k:OK:']);
  });

  it('cut output: a stream exactly 4 bytes short of the cap counts as filled; a cut stream without a newline, or with one first, keeps only what ends a line', () => {
    const atBound = 'a\n' + 'x'.repeat(DEFAULT_MAX_BUFFER - 6);
    expect(Buffer.byteLength(atBound)).to.equal(DEFAULT_MAX_BUFFER - 4);
    expect(cutOutput(atBound, true, '/r/out')).to.equal('a\n… output truncated at 1 MiB; whole output: /r/out\n');
    expect(cutOutput(atBound.slice(1), true, '/r/out')).to.equal(atBound.slice(1));
    expect(cutOutput('z'.repeat(DEFAULT_MAX_BUFFER), true, '/r/out')).to.equal('… output truncated at 1 MiB; whole output: /r/out\n');
    expect(cutOutput(`\n${'z'.repeat(DEFAULT_MAX_BUFFER)}`, true, '/r/out')).to.equal('\n… output truncated at 1 MiB; whole output: /r/out\n');
  });

  it('summary line and summary.txt: hosts and checks beside tests, unless the session holds tests alone', () => {
    const mixed: RunReport = { ...makeReport([makeHost('h', [makeCheck('h', 'k')])]), tests: { t: test('t', 'PASS') } };
    expect(renderSummaryLine(mixed)).to.equal('1 host: 1 OK · 1 check: 1 OK · 1 test: 1 PASS · 1.2s');
    expect(renderSummaryText(mixed).split('\n')[0]).to.equal('PASS 1 host: 1 OK; 1 check: 1 OK; 1 test: 1 PASS; 1.2s');
    const empty = makeReport([]);
    expect(renderSummaryLine(empty)).to.equal('0 hosts · 0 checks · 1.2s');
    expect(renderSummaryText(empty).split('\n')[0]).to.equal('PASS 0 hosts; 0 checks; 1.2s');
    const testsOnly: RunReport = { ...empty, tests: { t: test('t', 'PASS'), u: test('u', 'PASS') } };
    expect(renderSummaryLine(testsOnly)).to.equal('2 tests: 2 PASS · 1.2s');
  });

  it('summary.txt names the first error or warning of a non-OK check only', () => {
    const r = makeReport([makeHost('h', [
      makeCheck('h', 'ok', { messages: messages({ error: ['ignored'] }) }),
      makeCheck('h', 'w', { status: 'WARN', messages: messages({ warn: ['slow'] }) }),
    ])]);
    expect(renderSummaryText(r).split('\n').slice(1, 4)).to.deep.equal(['WARN    h', 'OK      h / ok', 'WARN    h / w: slow']);
  });

  it('tests: "1 test" for one; FAIL, INTERRUPTED and NOT_RUN fail, FLAKY only under failOn flaky', () => {
    expect(formatTestCounts({ ...makeReport([]), tests: { t: test('t', 'FAIL') } })).to.equal('1 test: 1 FAIL');
    expect(['PASS', 'FAIL', 'FLAKY', 'OK_TO_FAIL', 'IGNORED', 'NOT_RUN', 'INTERRUPTED'].filter((s) => isFailedTest(s as 'PASS'))).to.deep.equal(['FAIL', 'NOT_RUN', 'INTERRUPTED']);
    expect(isFailedTest('FLAKY', 'flaky')).to.equal(true);
    expect(isFailedTest('FLAKY', 'error')).to.equal(false);
  });

  it('hosts table: a local host has no auth or host-key policy; no key nor password is the agent; both are listed', () => {
    const out = renderHostsTable([
      { name: 'here', transport: 'local', hostKeyPolicy: 'accept-new', passwordEnv: 'PW' },
      { name: 'a' },
      { name: 'b', identityFile: ['k1'], passwordEnv: 'PW' },
    ]);
    expect(out).to.match(/│ here\s+│ here\s+│\s+│\s+│ local\s+│\s+│\s+│\s+│\s+│/);
    expect(out).to.match(/│ a\s+│ a\s+│\s+│\s+│ ssh\s+│\s+│ agent\s+│ strict\s+│\s+│/);
    expect(out).to.match(/│ b\s+│ b\s+│\s+│\s+│ ssh\s+│\s+│ key k1\s+│ strict\s+│\s+│\n│\s+│\s+│\s+│\s+│\s+│\s+│ password \$PW\s+│/);
  });

  it('hosts and status tables fit the width they are given', () => {
    const hosts = renderHostsTable([{ name: 'a-rather-long-host-name.example.com', address: '10.0.0.1', groups: ['web', 'prod', 'eu-west'] }], { width: 60 });
    for (const line of hosts.trimEnd().split('\n')) expect(Array.from(line).length, line).to.be.at.most(60);
    const status = renderStatusTable([{ service: 'kafka-broker-service', host: 'broker1.example.com', state: 'running', detail: 'active (running) since Mon 2026-11-23 10:00:00 UTC; 3 days ago' }], { width: 50 });
    for (const line of status.trimEnd().split('\n')) expect(Array.from(line).length, line).to.be.at.most(50);
  });

  it('diff text: any kind of change counts as changed; a change\'s note shown escaped in brackets', () => {
    const change = { kind: 'appeared' as const, host: 'h', check: 'k', from: null, to: 'OK' as const };
    const none = { regressions: [], improvements: [], appeared: [], disappeared: [], unchanged: 4 };
    expect(summarizeDiff(none)).to.equal('no status changed (4 unchanged)');
    expect(summarizeDiff({ ...none, appeared: [change] })).to.equal('0 regressed, 0 improved, 1 appeared, 0 disappeared, 4 unchanged');
    expect(summarizeDiff({ ...none, disappeared: [change] })).to.equal('0 regressed, 0 improved, 0 appeared, 1 disappeared, 4 unchanged');
    expect(summarizeDiff({ ...none, regressions: [change], improvements: [change] })).to.equal('1 regressed, 1 improved, 0 appeared, 0 disappeared, 4 unchanged');
    const text = renderDiffText({ ...none, regressions: [{ kind: 'regressed' as const, host: 'db1', check: 'connect', from: 'OK', to: 'ERROR', note: 'refused\u001b' }] }, { a: 'A', b: 'B' });
    expect(text).to.contain('  db1  connect  OK → ERROR  (refused\\x1B)\n');
  });

  it('history: one session named alone, none named for none, "N sessions" otherwise', () => {
    expect(renderTimeline({ check: 'k', sessions: ['S1'], hosts: [{ host: 'h', statuses: ['OK'] }] }).split('\n')[0]).to.equal('k · 1 session, S1 (oldest left)');
    expect(renderTimeline({ check: 'k', sessions: [], hosts: [] }).split('\n')[0]).to.equal('k · 0 sessions (oldest left)');
    expect(renderTimeline({ check: 'exec', command: 'ls\u001b', sessions: ['S1', 'S2'], hosts: [{ host: 'h', statuses: [null, 'ERROR'] }] }).split('\n').slice(0, 2))
      .to.deep.equal(['exec: ls\\x1B · 2 sessions, S1 … S2 (oldest left)', 'h  -E']);
  });
});
