// `exec` output grouped like clush -b: identical stdout and exit code once under the folded host names,
// unreachable hosts by their error, remote stderr labelled line by line with the hosts that wrote it.
import { expect } from 'chai';
import { paintBold, paintStatus, withColor } from '../../src/report/color.js';
import { renderExecGroups, type ExecOutput } from '../../src/report/exec-groups.js';
import { DEFAULT_MAX_BUFFER } from '../../src/transport/output-capture.js';
import { makeCheck, makeHost, makeReport, messages } from './sample.js';

const RULE = '-'.repeat(15);

function out(stdout: string, partial: Partial<ExecOutput> = {}): ExecOutput {
  return { stdout, stderr: '', exitCode: 0, ...partial };
}

describe('report/exec-groups', () => {
  it('shows hosts with the same stdout and exit code once, folded, with their count; then the summary', () => {
    const report = makeReport(['web01', 'web02', 'web03'].map((h) => makeHost(h, [makeCheck(h, 'exec')])), 1500);
    const outputs = new Map([['web01', out('Linux\n')], ['web02', out('Linux\n')], ['web03', out('BSD\n')]]);
    const text = renderExecGroups(report, outputs, { color: false, session: 'S1' });
    expect(text.stdout.split('\n')).to.deep.equal([
      RULE, 'web[01-02] (2)', RULE, 'Linux',
      RULE, 'web03 (1)', RULE, 'BSD',
      '3 hosts: 3 OK · 3 checks: 3 OK · 1.5s · S1', '',
    ]);
    expect(text.stderr).to.equal('');
  });

  it('keeps hosts apart when only the exit code differs, and paints a failed group as ERROR when colour is on', () => {
    const report = makeReport([
      makeHost('a', [makeCheck('a', 'exec')]),
      makeHost('b', [makeCheck('b', 'exec', { status: 'ERROR', exitCode: 1 })]),
    ]);
    const outputs = new Map([['a', out('same\n')], ['b', out('same\n', { exitCode: 1 })]]);
    const plain = renderExecGroups(report, outputs, { color: false }).stdout.split('\n');
    expect(plain.slice(0, 8)).to.deep.equal([RULE, 'a (1)', RULE, 'same', RULE, 'b (1)', RULE, 'same']);
    const coloured = renderExecGroups(report, outputs, { color: true }).stdout.split('\n');
    expect(coloured[1]).to.equal(withColor(true, () => paintBold('a (1)')));
    expect(coloured[5]).to.equal(withColor(true, () => paintStatus('ERROR', 'b (1)')));
  });

  it('adds the check\'s error messages in brackets under the output, and shows "(no output)" when there is none', () => {
    const report = makeReport([
      makeHost('a', [makeCheck('a', 'exec', { status: 'ERROR', messages: messages({ error: ['exit 2', 'timed out'] }) })]),
      makeHost('b', [makeCheck('b', 'exec')]),
    ]);
    const outputs = new Map([['a', out('partial\n', { exitCode: 2 })], ['b', out('')]]);
    const lines = renderExecGroups(report, outputs, { color: false }).stdout.split('\n');
    expect(lines.slice(0, 9)).to.deep.equal([RULE, 'a (1)', RULE, 'partial', '[exit 2; timed out]', RULE, 'b (1)', RULE, '(no output)']);
  });

  it('groups unreachable hosts by their error, without the host prefix the transport adds', () => {
    const report = makeReport([
      makeHost('db1', [], 'db1 (root@10.0.0.1:22): connect ECONNREFUSED'),
      makeHost('db2', [], 'db2: connect ECONNREFUSED'),
      makeHost('db3', [], 'other-host: refused'),
      makeHost('web1', [makeCheck('web1', 'exec')]),
    ]);
    const lines = renderExecGroups(report, new Map([['web1', out('up\n')]]), { color: false }).stdout.split('\n');
    expect(lines.slice(0, 12)).to.deep.equal([
      RULE, 'db[1-2] (2)', RULE, 'UNREACHABLE: connect ECONNREFUSED',
      RULE, 'db3 (1)', RULE, 'UNREACHABLE: other-host: refused',
      RULE, 'web1 (1)', RULE, 'up',
    ]);
  });

  it('a host without captured output counts as unreachable with "no result"', () => {
    const report = makeReport([makeHost('a', [makeCheck('a', 'exec')])]);
    expect(renderExecGroups(report, new Map(), { color: false }).stdout.split('\n').slice(0, 4)).to.deep.equal([RULE, 'a (1)', RULE, 'UNREACHABLE: no result']);
  });

  it('labels each remote stderr line with the folded hosts that wrote it, keeping the last line break once', () => {
    const report = makeReport(['n1', 'n2', 'n3'].map((h) => makeHost(h, [makeCheck(h, 'exec')])));
    const outputs = new Map([
      ['n1', out('x\n', { stderr: 'warn: a\nwarn: b\n' })],
      ['n2', out('x\n', { stderr: 'warn: a\nwarn: b\n' })],
      ['n3', out('x\n', { stderr: 'other\n' })],
    ]);
    expect(renderExecGroups(report, outputs, { color: false }).stderr).to.equal('n[1-2]: warn: a\nn[1-2]: warn: b\nn3: other\n');
  });

  it('makes remote bytes terminal-safe and host names visible', () => {
    const report = makeReport([makeHost('evil\u001b', [makeCheck('evil\u001b', 'exec', { status: 'ERROR', messages: messages({ error: ['bad\u001b[2J'] }) })])]);
    const text = renderExecGroups(report, new Map([['evil\u001b', out('\u001b]0;title\u0007ok\r\n', { stderr: 'e\u001b[31mrr\n' })]]), { color: false });
    expect(text.stdout.split('\n').slice(0, 5)).to.deep.equal([RULE, 'evil\\x1B (1)', RULE, 'ok', '[bad]']);
    expect(text.stderr).to.equal('evil\\x1B: err\n');
  });

  it('cuts a filled stream at its last line and names the session file that has the rest', () => {
    const big = `${'y'.repeat(100)}\n`.repeat(Math.ceil(DEFAULT_MAX_BUFFER / 101)) + 'partial';
    const report = makeReport([makeHost('a', [makeCheck('a', 'exec')])]);
    const outputs = new Map([['a', out(big, { stderr: big, truncated: true })]]);
    const withDir = renderExecGroups(report, outputs, { color: false, dirs: new Map([['a', '/r/S/a']]) });
    expect(withDir.stdout).to.contain(`${'y'.repeat(100)}\n… output truncated at 1 MiB; whole output: /r/S/a/stdout\n`).and.not.contain('partial');
    expect(withDir.stderr).to.match(/a: … output truncated at 1 MiB; whole output: \/r\/S\/a\/stderr\n$/);
    const noDir = renderExecGroups(report, outputs, { color: false });
    expect(noDir.stdout).to.contain('… output truncated at 1 MiB; whole output not kept (--no-results)\n');
    const whole = renderExecGroups(report, new Map([['a', out(big, { stderr: 'e\n' })]]), { color: false, dirs: new Map([['a', '/r/S/a']]) });
    expect(whole.stdout).to.contain('partial').and.not.contain('truncated');
  });
});
