// The number parser and the helpers under it at their edges: which group `match` captures, a pattern that
// matches but holds no number, empty and null options, exit codes in the no-number error, patterns and flags
// from check files, exact parameter names before case-insensitive ones, and timeouts named in check-file units.
import { expect } from 'chai';
import { findNumber, parseNumber, validateNumberOptions } from '../../src/parsers/number.js';
import { getParam } from '../../src/parsers/params.js';
import { compilePatterns } from '../../src/parsers/pattern.js';
import { describeTermination } from '../../src/parsers/termination.js';
import { makeInput } from './support.js';

describe('parsers/number: edges', () => {
  it('match: the group named value, else the first group; a matching pattern without a number gives way to the next', () => {
    expect(findNumber('3 x 4', '(\\d+) x (?<value>\\d+)')).to.equal(4);
    expect(findNumber('3 x 4', '(\\d+) x (\\d+)')).to.equal(3);
    expect(findNumber('abc 5', ['abc', '(\\d+)'])).to.equal(5);
    expect(findNumber('a 5', null)).to.equal(5);
    expect(findNumber('LOAD: 7', 'load: (\\d+)', 'i')).to.equal(7);
  });

  it('reads match, flags and uom from the params; an empty uom is left out', () => {
    const r = parseNumber(makeInput({ stdout: 'x 5 LOAD: 7', params: { match: 'load: (\\d+)', flags: 'i', uom: '' } }));
    expect(r.metrics).to.deep.equal({ value: { value: 7 } });
    const withUom = parseNumber(makeInput({ stdout: '42', params: { uom: 'ms' } }));
    expect(withUom.metrics).to.deep.equal({ value: { value: 42, uom: 'ms' } });
  });

  it('no number: says so (naming the pattern when there is one), with a non-zero exit code but not 0 or none', () => {
    expect(parseNumber(makeInput({ stdout: 'none here' })).messages.error).to.deep.equal(['no number in output']);
    expect(parseNumber(makeInput({ stdout: 'none', params: { match: 'n=(\\d+)' } })).messages.error).to.deep.equal(['pattern "n=(\\\\d+)" found no number in output']);
    expect(parseNumber(makeInput({ stdout: 'none', exitCode: 2 })).messages.error).to.deep.equal(['no number in output', 'command exited with code 2']);
    expect(parseNumber(makeInput({ stdout: 'none', exitCode: null })).messages.error).to.deep.equal(['no number in output']);
  });

  it('validates match (with its flags) and thresholds, skipping null ones', () => {
    expect(validateNumberOptions({ match: null, warn: null, error: null })).to.equal(undefined);
    expect(validateNumberOptions({ match: '(' })).to.match(/^number parser: match: invalid regular expression "\(": /);
    expect(validateNumberOptions({ match: 'a', flags: 'x' })).to.equal('number parser: match: flags: expected some of i, m, s, u, got "x"');
  });

  it('patterns: null flags are none; an empty list, an empty string or a non-string is refused', () => {
    expect(compilePatterns('a', null).map(String)).to.deep.equal(['/a/']);
    expect(() => compilePatterns([])).to.throw('expected a pattern, got an empty list');
    expect(() => compilePatterns('')).to.throw('expected a regular expression, got ""');
    expect(() => compilePatterns(['a', 5])).to.throw('expected a regular expression, got 5');
  });

  it('params: the exact key wins over a case-insensitive one', () => {
    expect(getParam({ Match: 'x', match: 'y' }, 'match')).to.equal('y');
    expect(getParam({ Match: 'x' }, 'match')).to.equal('x');
  });

  it('a timeout is named as check files write durations: minutes, seconds or milliseconds', () => {
    const after = (ms: number) => describeTermination({ timedOut: true, signal: null, timeoutMs: ms });
    expect([60_000, 120_000, 90_000, 1000, 1500, 500, 0].map(after)).to.deep.equal([
      'timed out after 1m', 'timed out after 2m', 'timed out after 90s', 'timed out after 1s', 'timed out after 1500ms', 'timed out after 500ms', 'timed out after 0ms',
    ]);
  });
});
