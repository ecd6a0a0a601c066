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
  // The Nagios plugin development guidelines, "Threshold and ranges": a range's ends are inside it,
  // and the alert is raised when the value is outside (or, with @, inside) the range.
  it('includes both ends of a range (the alert is strictly outside it, or anywhere inside with @)', () => {
    expect(breaches('10:20', 10)).to.equal(false);
    expect(breaches('10:20', 20)).to.equal(false);
    expect(breaches('10:', 10)).to.equal(false);
    expect(breaches('~:10', 10)).to.equal(false);
    expect(breaches('10', 0)).to.equal(false);
    expect(breaches('@10:20', 20)).to.equal(true);
    expect(breaches('@10:20', 9.99)).to.equal(false);
    expect(breaches('5:5', 5)).to.equal(false);
    expect(breaches('5:5', 5.01)).to.equal(true);
    expect(breaches('5:5', 4.99)).to.equal(true);
  });

  it('reads @N as inside 0..N, and ~: as the whole line', () => {
    expect(breaches('@10', 5)).to.equal(true);
    expect(breaches('@10', 0)).to.equal(true);
    expect(breaches('@10', 11)).to.equal(false);
    expect(breaches('@10', -1)).to.equal(false);
    expect(breaches('~:', -1e9)).to.equal(false);
    expect(breaches('~:', 1e9)).to.equal(false);
    expect(breaches('@~:0', -3)).to.equal(true);
    expect(breaches('@~:0', 1)).to.equal(false);
  });

  it('reads decimal, signed and exponent numbers, and an optional % unit', () => {
    expect(breaches('1e3', 1000)).to.equal(false);
    expect(breaches('1e3', 1001)).to.equal(true);
    expect(breaches('.5:', 0.4)).to.equal(true);
    expect(breaches('.5:', 0.5)).to.equal(false);
    expect(breaches('+2:3.5', 3.6)).to.equal(true);
    expect(breaches('+2:3.5', 3.5)).to.equal(false);
    expect(breaches('-10:-5', -7)).to.equal(false);
    expect(breaches('-10:-5', -4)).to.equal(true);
    expect(breaches('90%', 91)).to.equal(true);
    expect(breaches(' 10 ', 11)).to.equal(true);
    expect(breaches(0, 0)).to.equal(false);
    expect(breaches(0, 0.1)).to.equal(true);
    expect(breaches(2.5, 2.6)).to.equal(true);
  });

  it('compares exactly at and around the bound', () => {
    expect(breaches('<10', 10)).to.equal(false);
    expect(breaches('<=10', 10.5)).to.equal(false);
    expect(breaches('>=80', 79.9)).to.equal(false);
    expect(breaches('>= 80', 1e6)).to.equal(true);
    expect(breaches('=3', 3)).to.equal(true);
    expect(breaches('=3', 4)).to.equal(false);
    expect(breaches('==0', 1)).to.equal(false);
    expect(breaches('!=1.5', 1.5)).to.equal(false);
    expect(breaches('>1e2', 101)).to.equal(true);
    expect(breaches('>1e2', 100)).to.equal(false);
    expect(breaches('<-1', -2)).to.equal(true);
  });

  it('rejects infinite numbers, a lone ~ or colon, and comparisons with trailing text', () => {
    for (const spec of [Number.POSITIVE_INFINITY, '~', ':', '@:', '>5x', '5 :10', '10:5%x', '>>5', '1.2.3']) {
      expect(parseThreshold(spec), String(spec)).to.equal(undefined);
    }
  });
});
