// `inspect -o long` of an exec session shows what the command printed (issue 15 item 16).
import { expect } from 'chai';
import { renderHuman } from '../../src/report/human.js';
import { makeCheck, makeHost, makeReport } from './sample.js';

describe('report/human: exec output', () => {
  const report = makeReport([makeHost('web01', [makeCheck('web01', 'exec', { stdoutTail: 'Linux 6.1\n', stderrTail: 'warning: old\n' })])]);

  it('long and full show the exec command’s stdout and stderr', () => {
    for (const level of ['long', 'full'] as const) {
      const out = renderHuman(report, level, { timeZone: 'utc' });
      expect(out, level).to.contain('    [stdout] Linux 6.1\n').and.contain('    [stderr] warning: old\n');
    }
  });

  it('normal does not', () => {
    expect(renderHuman(report, 'normal', { timeZone: 'utc' })).to.not.contain('Linux 6.1');
  });
});
