// When non-TTY progress prints a line (issue 15 item 12): quiet for 5 s, then each 10% step or every 5 s.
import { expect } from 'chai';
import { formatProgressLine, progressLineDue } from '../../src/cli/handlers/progress-lines.js';

describe('progress lines', () => {
  const base = { startedAt: 0, total: 100, lastDone: 0 };

  it('prints nothing in the first 5 s, then a first line', () => {
    expect(progressLineDue({ ...base, now: 4_999, lastAt: undefined, done: 50 })).to.equal(false);
    expect(progressLineDue({ ...base, now: 5_000, lastAt: undefined, done: 50 })).to.equal(true);
  });

  it('then at each 10% step (not more than once a second) or after 5 s without one', () => {
    expect(progressLineDue({ ...base, now: 6_000, lastAt: 5_500, done: 19, lastDone: 15 })).to.equal(false);
    expect(progressLineDue({ ...base, now: 6_600, lastAt: 5_500, done: 20, lastDone: 15 })).to.equal(true);
    expect(progressLineDue({ ...base, now: 6_000, lastAt: 5_500, done: 20, lastDone: 15 })).to.equal(false);
    expect(progressLineDue({ ...base, now: 10_500, lastAt: 5_500, done: 16, lastDone: 15 })).to.equal(true);
  });

  it('formats a plain line', () => {
    expect(formatProgressLine('run', 40, 100, 2, 12_400)).to.equal('run: 40/100 hosts, 2 not OK (12s)\n');
  });
});
