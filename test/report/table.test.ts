import { expect } from 'chai';
import { renderTable } from '../../src/report/table.js';
import { breakLongWords, fitColumns } from '../../src/report/table-fit.js';
import { terminalWidth } from '../../src/report/terminal-width.js';

const widest = (text: string) => Math.max(...text.trimEnd().split('\n').map((l) => Array.from(l).length));

describe('report/table', () => {
  const head = ['check', 'command', 'hosts'];
  const rows = [
    ['disk', '/usr/lib/nagios/plugins/check_disk -w 20% -c 10% -p / -p /var -p /srv', 'web[02-11],db[12-21],cache[01-40]'],
    ['up', 'uptime', 'web01'],
    ['load', 'cat /proc/loadavg', 'db1'],
  ];

  it('fits the width given: no line longer, long cells wrapped with nothing lost', () => {
    for (const width of [40, 60, 80]) {
      const out = renderTable(head, rows, { width });
      expect(widest(out), out).to.be.at.most(width);
      // Every word of the long cells is still there, in order.
      const cells = out.split('\n').map((l) => l.split('│')[2] ?? '').join(' ').replace(/\s+/g, '');
      expect(cells).to.include('/usr/lib/nagios/plugins/check_disk-w20%-c10%-p/-p/var-p/srv');
    }
  });

  it('without a width, every cell keeps one line', () => {
    const out = renderTable(head, rows);
    expect(out).to.include('│ /usr/lib/nagios/plugins/check_disk -w 20% -c 10% -p / -p /var -p /srv │ web[02-11],db[12-21],cache[01-40] │');
  });

  it('draws a rule under the header and none between rows', () => {
    const lines = renderTable(head, rows, { width: 50 }).trimEnd().split('\n');
    expect(lines.filter((l) => l.startsWith('├'))).to.have.length(1);
    expect(lines[2]).to.match(/^├/);
  });

  it('a long table is still one table: one top, one header rule, one bottom, every row once and in order', () => {
    for (const n of [0, 1, 99, 100, 101, 250]) {
      const lines = renderTable(['n', 'text'], Array.from({ length: n }, (_, i) => [String(i), `row ${i}`]), { width: 30 }).trimEnd().split('\n');
      expect(lines.filter((l) => /^[┌├└]/.test(l)).map((l) => l[0])).to.deep.equal(n === 0 ? ['┌', '└'] : ['┌', '├', '└']);
      expect(lines.filter((l) => /^│ \d/.test(l)).map((l) => Number(l.split('│')[1]))).to.deep.equal(Array.from({ length: n }, (_, i) => i));
      expect(new Set(lines.map((l) => Array.from(l).length)).size, 'every line as wide').to.equal(1);
    }
  });

  it('fitColumns takes from the widest column first, down to 6, then lower only if it must', () => {
    expect(fitColumns([5, 30, 10], 30)).to.deep.equal([5, 15, 10]);
    expect(fitColumns([5, 30, 10], 100)).to.deep.equal([5, 30, 10]);
    expect(fitColumns([20, 20, 20], 12)).to.deep.equal([4, 4, 4]);
    expect(fitColumns([3, 3], 2)).to.deep.equal([1, 1]);
  });

  it('breakLongWords splits words longer than the column, after a comma when one is near', () => {
    expect(breakLongWords('web[01-20],db[1-3]', 12)).to.equal('web[01-20], db[1-3]');
    expect(breakLongWords('abcdefghij', 4)).to.equal('abcd efgh ij');
    expect(breakLongWords('short words stay', 5)).to.equal('short words stay');
    expect(breakLongWords('\u001b[31mcoloured-long-word\u001b[39m', 4)).to.equal('\u001b[31mcoloured-long-word\u001b[39m');
  });

  it('terminalWidth: COLUMNS wins, then a TTY, else no limit', () => {
    expect(terminalWidth({ COLUMNS: '60' }, { isTTY: true, columns: 120 })).to.equal(60);
    expect(terminalWidth({ COLUMNS: '60' }, { isTTY: false })).to.equal(60);
    expect(terminalWidth({}, { isTTY: true, columns: 120 })).to.equal(120);
    expect(terminalWidth({}, { isTTY: false, columns: 120 })).to.equal(undefined);
    expect(terminalWidth({ COLUMNS: 'wide' }, {})).to.equal(undefined);
    expect(terminalWidth({ COLUMNS: '0' }, { isTTY: true, columns: 90 })).to.equal(90);
  });
});
