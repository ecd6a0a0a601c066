// The watchdog's verdicts on inline clocks and beats (the runner end to end is in run-tests.test.ts).

import { expect } from 'chai';
import { describeHang, findHang, readLimits, type Beat } from './watchdog.js';

const limits = { stallMs: 60_000, itemMs: 600_000, totalMs: 2_700_000 };
const beat = (over: Partial<Beat> = {}): Beat => ({ kind: 'test', title: 'suite a test', file: 'test/a.test.ts', since: 1_000, pid: 7, beat: 1_000, ...over });

describe('test watchdog verdicts', () => {
  it('reads limits in seconds from the environment, ignoring junk', () => {
    expect(readLimits({})).to.deep.equal(limits);
    expect(readLimits({ SMOKER_TEST_STALL_S: '3', SMOKER_TEST_ITEM_S: '0', SMOKER_TEST_TOTAL_S: 'x' })).to.deep.equal({ ...limits, stallMs: 3000 });
  });

  it('a healthy run is left alone, right up to each limit', () => {
    expect(findHang(1_000 + 60_000, 0, beat(), limits)).to.equal(undefined);
    expect(findHang(1_000 + 600_000, 0, beat({ beat: 1_000 + 599_000 }), limits)).to.equal(undefined);
  });

  it('no heartbeat for longer than the stall limit: the event loop is blocked', () => {
    expect(findHang(1_000 + 60_001, 0, beat(), limits)).to.equal('no heartbeat for 60 s: the event loop is blocked');
  });

  it('one test or hook past the item limit while mocha still beats', () => {
    const now = 1_000 + 600_001;
    expect(findHang(now, 0, beat({ beat: now }), limits)).to.equal('one test ran for 600 s');
    expect(findHang(now, 0, beat({ kind: 'hook', beat: now }), limits)).to.equal('one hook ran for 600 s');
    expect(findHang(now, 0, beat({ kind: 'suite', beat: now }), limits)).to.equal(undefined);
  });

  it('the whole run past its limit, whatever the beats say', () => {
    expect(findHang(2_700_001, 0, beat({ since: 2_700_000, beat: 2_700_000 }), limits)).to.equal('the whole run took longer than 2700 s');
  });

  it('mocha that never beats gets at least a minute to start, even with a short stall limit', () => {
    const short = { ...limits, stallMs: 3_000 };
    expect(findHang(59_000, 0, undefined, short)).to.equal(undefined);
    expect(findHang(60_001, 0, undefined, short)).to.equal('mocha sent no heartbeat in its first 60 s');
    expect(findHang(120_001, 0, undefined, { ...limits, stallMs: 120_000 })).to.equal('mocha sent no heartbeat in its first 120 s');
  });

  it('names what hung: kind, title, file and for how long', () => {
    expect(describeHang('why', 31_000, beat())).to.deep.equal(['smoker test watchdog: why', '  hung in test: suite a test (test/a.test.ts), running for 30 s']);
    expect(describeHang('why', 0, undefined)).to.deep.equal(['smoker test watchdog: why']);
  });
});
