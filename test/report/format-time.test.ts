import { expect } from 'chai';
import { formatDuration, formatIsoSeconds, formatSeconds, formatTimestamp } from '../../src/report/format-time.js';

describe('report/format-time', () => {
  it('formats durations briefly', () => {
    expect(formatDuration(0)).to.equal('0ms');
    expect(formatDuration(850)).to.equal('850ms');
    expect(formatDuration(1234)).to.equal('1.2s');
    expect(formatDuration(30_000)).to.equal('30s');
    expect(formatDuration(123_000)).to.equal('2m03s');
    expect(formatDuration(3_900_000)).to.equal('1h05m');
    expect(formatDuration(Number.NaN)).to.equal('0ms');
  });

  it('formats timestamps as Smoker does, in UTC on request', () => {
    expect(formatTimestamp('2026-11-22T16:12:58.900Z', 'utc')).to.equal('2026-11-22 16:12:58');
    expect(formatTimestamp('not a date', 'utc')).to.equal('not a date');
    expect(formatTimestamp('2026-11-22T16:12:58Z')).to.match(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
  });

  it('formats JUnit timestamps and seconds', () => {
    expect(formatIsoSeconds('2026-11-22T16:12:58.900Z')).to.equal('2026-11-22T16:12:58');
    expect(formatIsoSeconds('')).to.equal(undefined);
    expect(formatSeconds(1234)).to.equal('1.234');
    expect(formatSeconds(-5)).to.equal('0.000');
  });
});
