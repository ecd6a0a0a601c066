import { expect } from 'chai';
import { parseThreshold } from '../../src/parsers/threshold.js';

function breaches(spec: unknown, value: number): boolean {
  const threshold = parseThreshold(spec);
  if (!threshold) throw new Error(`invalid threshold ${String(spec)}`);
  return threshold.breaches(value);
}

describe('parsers/threshold', () => {
  it('compares with > >= < <= == !=', () => {
    expect(breaches('>80', 81)).to.equal(true);
    expect(breaches('>80', 80)).to.equal(false);
    expect(breaches('>=80', 80)).to.equal(true);
    expect(breaches('<10', 9.5)).to.equal(true);
    expect(breaches('<= 10', 10)).to.equal(true);
    expect(breaches('==0', 0)).to.equal(true);
    expect(breaches('!=0', 0)).to.equal(false);
    expect(breaches('!=0', 3)).to.equal(true);
    expect(breaches('> -5', -4)).to.equal(true);
    expect(breaches('>80%', 81)).to.equal(true);
  });

  it('reads Nagios ranges: N means outside 0..N', () => {
    expect(breaches('10', 11)).to.equal(true);
    expect(breaches('10', 10)).to.equal(false);
    expect(breaches('10', -1)).to.equal(true);
    expect(breaches(10, 11)).to.equal(true);
  });

  it('reads N: (below N), ~:N (above N), N:M (outside) and @N:M (inside)', () => {
    expect(breaches('10:', 9)).to.equal(true);
    expect(breaches('10:', 1000)).to.equal(false);
    expect(breaches('~:10', 11)).to.equal(true);
    expect(breaches('~:10', -1000)).to.equal(false);
    expect(breaches('10:20', 9)).to.equal(true);
    expect(breaches('10:20', 15)).to.equal(false);
    expect(breaches('10:20', 21)).to.equal(true);
    expect(breaches('@10:20', 15)).to.equal(true);
    expect(breaches('@10:20', 10)).to.equal(true);
    expect(breaches('@10:20', 21)).to.equal(false);
    expect(breaches('-5:5', -6)).to.equal(true);
  });

  it('rejects what is not a threshold', () => {
    for (const spec of ['', 'abc', '>', '@', '20:10', '=>5', '1:2:3', null, undefined, {}, Number.NaN]) {
      expect(parseThreshold(spec), String(spec)).to.equal(undefined);
    }
  });

  it('keeps the text as written', () => {
    expect(parseThreshold(' >=90 ')?.text).to.equal('>=90');
    expect(parseThreshold(80)?.text).to.equal('80');
  });
});
