// `-o normal` above 10 hosts folds identical results: all-OK hosts in one row per check count, each non-OK
// outcome once under the hosts that share it, unreachable and unfinished hosts by their reason.
import { expect } from 'chai';
import { paintBold, withColor } from '../../src/report/color.js';
import { foldsHosts, renderHuman } from '../../src/report/human.js';
import type { CheckResult, HostResult } from '../../src/results/types.js';
import { makeCheck, makeHost, makeReport, messages } from './sample.js';

function name(i: number): string {
  return `web${String(i).padStart(2, '0')}`;
}

function diskFull(host: string, startedAt: string, detail = '99%'): CheckResult {
  return makeCheck(host, 'disk', {
    status: 'ERROR',
    startedAt,
    messages: messages({ error: ['full'] }),
    components: { '/': { status: 'ERROR', messages: messages({ error: [detail] }) }, '/boot': { status: 'OK', messages: messages() } },
  });
}

describe('report/human: folded normal view', () => {
  it('folds only `normal`, and only above 10 hosts', () => {
    expect(foldsHosts('normal', 11)).to.equal(true);
    expect(foldsHosts('normal', 10)).to.equal(false);
    for (const level of ['minimal', 'long', 'full'] as const) expect(foldsHosts(level, 100), level).to.equal(false);
  });

  it('one row per check count for all-OK hosts, each failure once under its hosts, unreachable and unfinished hosts by reason', () => {
    const hosts: HostResult[] = [];
    for (let i = 1; i <= 6; i++) hosts.push(makeHost(name(i), [makeCheck(name(i), 'uname'), makeCheck(name(i), 'disk')]));
    hosts.push(makeHost(name(7), [makeCheck(name(7), 'uname')]));
    // The same failure at different start times folds; another message does not.
    hosts.push(makeHost(name(8), [makeCheck(name(8), 'uname'), diskFull(name(8), '2026-11-22T16:12:50.000Z')]));
    hosts.push(makeHost(name(9), [makeCheck(name(9), 'uname'), diskFull(name(9), '2026-11-22T16:13:59.000Z')]));
    hosts.push(makeHost(name(10), [makeCheck(name(10), 'uname'), diskFull(name(10), '2026-11-22T16:12:50.000Z', '97%')]));
    hosts.push(makeHost(name(11), [], 'connect ECONNREFUSED'));
    hosts.push(makeHost(name(12), [], 'connect ECONNREFUSED'));
    const stopped: HostResult = { ...makeHost(name(13), [makeCheck(name(13), 'uname')]), status: 'UNKNOWN', unfinished: 'stopped by Ctrl-C' };
    hosts.push(stopped);
    const lines = renderHuman(makeReport(hosts), 'normal', { timeZone: 'utc' }).split('\n');
    expect(lines).to.deep.equal([
      'web[01-06] (6)                     [OK] 2 checks each, all OK',
      'web07 (1)                          [OK] 1 check each, all OK',
      'web[08-09] (2) - disk              [ERROR]',
      '    [error] full',
      ' -- /                              [ERROR]',
      '    [error] 99%',
      'web10 (1) - disk                   [ERROR]',
      '    [error] full',
      ' -- /                              [ERROR]',
      '    [error] 97%',
      'web[11-12] (2)                     [ERROR]',
      '    [error] unreachable: connect ECONNREFUSED',
      'web13 (1)                          [UNKNOWN]',
      '    [error] stopped by Ctrl-C',
      '13 hosts: 7 OK, 1 UNKNOWN, 5 ERROR (2 unreachable) · 20 checks: 17 OK, 3 ERROR · 1.2s',
      '',
    ]);
  });

  it('a host marked OK with an unreachable reason, or with a non-OK check, is not counted as all OK', () => {
    const hosts: HostResult[] = [];
    for (let i = 1; i <= 10; i++) hosts.push(makeHost(name(i), [makeCheck(name(i), 'uname')]));
    hosts.push({ ...makeHost(name(11), [makeCheck(name(11), 'uname')]), unreachable: 'gone' });
    hosts.push({ ...makeHost(name(12), [makeCheck(name(12), 'uname'), makeCheck(name(12), 'disk', { status: 'WARN', messages: messages({ warn: ['85%'] }) })]), status: 'OK' });
    const lines = renderHuman(makeReport(hosts), 'normal', { timeZone: 'utc' }).split('\n');
    expect(lines.slice(0, 5)).to.deep.equal([
      'web[01-10] (10)                    [OK] 1 check each, all OK',
      'web11 (1)                          [OK]',
      '    [error] unreachable: gone',
      'web12 (1) - disk                   [WARN]',
      '    [warn] 85%',
    ]);
  });

  it('shows control characters in host names escaped', () => {
    const hosts: HostResult[] = [];
    for (let i = 1; i <= 11; i++) hosts.push(makeHost(name(i), [makeCheck(name(i), 'uname')]));
    hosts.push(makeHost('bad\u001bname', [], 'x'));
    expect(renderHuman(makeReport(hosts), 'normal', { timeZone: 'utc' })).to.contain('bad\\x1Bname (1)');
  });

  it('with colour, host titles are bold (all-OK hosts, unreachable hosts), a shared check failure\'s title is not', () => {
    const hosts: HostResult[] = [];
    for (let i = 1; i <= 9; i++) hosts.push(makeHost(name(i), [makeCheck(name(i), 'uname')]));
    hosts.push(makeHost(name(10), [diskFull(name(10), '2026-11-22T16:12:50.000Z')]));
    hosts.push(makeHost(name(11), [], 'refused'));
    const lines = renderHuman(makeReport(hosts), 'normal', { timeZone: 'utc', color: true }).split('\n');
    const bold = (text: string) => withColor(true, () => paintBold(text));
    expect(lines[0]?.startsWith(bold('web[01-09] (9)')), lines[0]).to.equal(true);
    expect(lines.some((l) => l.startsWith('web10 (1) - disk')), 'failure title').to.equal(true);
    expect(lines.some((l) => l.startsWith(bold('web11 (1)'))), 'unreachable title').to.equal(true);
    expect(lines.some((l) => l.startsWith(' -- /')), 'component rows stay plain').to.equal(true);
  });
});
