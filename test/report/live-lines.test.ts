// exec --live: whole lines as they arrive, prefixed by host, streams apart; the end notes and summary.
import { expect } from 'chai';
import { LiveLines, renderLiveEnd } from '../../src/report/live-lines.js';
import { buildHostResult, buildReport } from '../../src/results/aggregate.js';
import { check } from '../results/data.js';

function capture() {
  const out = { stdout: [] as string[], stderr: [] as string[] };
  const live = new LiveLines({ stdout: (t) => out.stdout.push(t), stderr: (t) => out.stderr.push(t) });
  return { out, live };
}

describe('report/live-lines', () => {
  it('prints only complete lines, joining chunks split mid-line, per host and stream', () => {
    const { out, live } = capture();
    live.push('web1', 'stdout', Buffer.from('hel'));
    live.push('web2', 'stdout', Buffer.from('other\npar'));
    live.push('web1', 'stderr', Buffer.from('warn'));
    expect(out.stdout).to.deep.equal(['web2: other\n']);
    live.push('web1', 'stdout', Buffer.from('lo\nworld\nta'));
    expect(out.stdout).to.deep.equal(['web2: other\n', 'web1: hello\nweb1: world\n']);
    expect(out.stderr).to.deep.equal([]);
    live.flush('web1');
    expect(out.stdout.at(-1)).to.equal('web1: ta\n');
    expect(out.stderr).to.deep.equal(['web1: warn\n']);
    live.flush('web1');
    expect(out.stdout).to.have.length(3);
    live.flush('web2');
    expect(out.stdout.at(-1)).to.equal('web2: par\n');
  });

  it('a host that ended on a newline has nothing left to flush; empty lines are kept', () => {
    const { out, live } = capture();
    live.push('a', 'stdout', Buffer.from('x\n\ny\n'));
    live.flush('a');
    expect(out.stdout).to.deep.equal(['a: x\na: \na: y\n']);
  });

  it('a chunk that starts with a newline prints the empty line at once, keeping the rest for later', () => {
    const { out, live } = capture();
    live.push('a', 'stdout', Buffer.from('\nab'));
    expect(out.stdout).to.deep.equal(['a: \n']);
    live.push('a', 'stdout', Buffer.from('c\n'));
    expect(out.stdout).to.deep.equal(['a: \n', 'a: abc\n']);
  });

  it('decodes multi-byte characters within a chunk', () => {
    const { out, live } = capture();
    live.push('a', 'stdout', Buffer.from('ü and €\n'));
    expect(out.stdout).to.deep.equal(['a: ü and €\n']);
  });

  it('decodes a multi-byte character split across two chunks (SSH packets end anywhere)', () => {
    const { out, live } = capture();
    const euro = Buffer.from('price 5€\n');
    const cut = euro.indexOf(0xe2) + 1; // inside the three bytes of €
    live.push('a', 'stdout', euro.subarray(0, cut));
    live.push('b', 'stdout', Buffer.from([0xe2, 0x82])); // another host's half character stays its own
    live.push('a', 'stdout', euro.subarray(cut));
    live.push('b', 'stdout', Buffer.from([0xac]));
    live.flush('a');
    live.flush('b');
    expect(out.stdout).to.deep.equal(['a: price 5€\n', 'b: €\n']);
  });

  it('makes remote text and host names safe for the terminal', () => {
    const { out, live } = capture();
    live.push('evil\u001b]0;title\u0007', 'stdout', Buffer.from('\u001b[2Jcleared\rover\u0007\n'));
    expect(out.stdout).to.deep.equal(['evil\\x1B]0;title\\x07: cleared\nevil\\x1B]0;title\\x07: over\n']);
  });

  it('ends with non-OK hosts and why on stderr, the summary on stdout', () => {
    const failed = check('b', 'exec', 'ERROR', { messages: { info: [], warn: [], error: ['exit code 1', 'stderr\u001b[31m'] } });
    const r = buildReport(
      [buildHostResult('a', [check('a', 'exec', 'OK')], 1), buildHostResult('b', [failed], 1), buildHostResult('c', [], 1, 'refused')],
      new Date(0),
      new Date(2000),
    );
    const end = renderLiveEnd(r, 'S1');
    expect(end.stderr).to.equal('b: [exit code 1] [stderr]\nc: UNREACHABLE: refused\n');
    expect(end.stdout).to.equal('3 hosts: 1 OK, 2 ERROR (1 unreachable) · 2 checks: 1 OK, 1 ERROR · 2.0s · S1\n');
    expect(renderLiveEnd(buildReport([buildHostResult('a', [check('a', 'exec', 'OK')], 1)], new Date(0), new Date(10)), undefined)).to.deep.equal({
      stdout: '1 host: 1 OK · 1 check: 1 OK · 10ms\n',
      stderr: '',
    });
  });
});
