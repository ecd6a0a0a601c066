import { expect } from 'chai';
import { findNumber, parseNumber, validateNumberOptions } from '../../src/parsers/number.js';
import { makeInput, runProgram } from './support.js';

describe('parsers/number', () => {
  it('takes the first number in stdout when no pattern is given', () => {
    const result = parseNumber(makeInput({ stdout: 'queue size: 42 messages\n', params: { warn: '>80', error: '>90' } }));
    expect(result.status).to.equal('OK');
    expect(result.metrics).to.deep.equal({ value: { value: 42, warn: '>80', crit: '>90' } });
    expect(result.messages.info).to.deep.equal(['value 42']);
  });

  it('captures with the first group of match, and judges warn and error', () => {
    const params = { match: 'used: (\\d+)%', warn: '>80', error: '>90', metric: 'heap', uom: '%' };
    const warn = parseNumber(makeInput({ stdout: 'heap used: 85% of 4g', params }));
    expect(warn.status).to.equal('WARN');
    expect(warn.messages.warn).to.deep.equal(['heap 85 breaches warn threshold >80']);
    expect(warn.metrics['heap']).to.deep.equal({ value: 85, uom: '%', warn: '>80', crit: '>90' });
    const error = parseNumber(makeInput({ stdout: 'heap used: 97% of 4g', params }));
    expect(error.status).to.equal('ERROR');
    expect(error.messages.error).to.deep.equal(['heap 97 breaches error threshold >90']);
  });

  it('accepts Nagios ranges as thresholds', () => {
    const params = { warn: '10:20', error: '@0:5' };
    expect(parseNumber(makeInput({ stdout: '15', params })).status).to.equal('OK');
    expect(parseNumber(makeInput({ stdout: '25', params })).status).to.equal('WARN');
    expect(parseNumber(makeInput({ stdout: '3', params })).status).to.equal('ERROR');
    expect(parseNumber(makeInput({ stdout: '81', params: { warn: 80 } })).status).to.equal('WARN');
  });

  it('uses a group named value, negative and decimal numbers, and thousands separators', () => {
    expect(findNumber('lag=-1.5s', 'lag=(?<value>\\S+)s')).to.equal(-1.5);
    expect(findNumber('total: 1,234,567 rows', 'total: ([\\d,]+)')).to.equal(1234567);
    expect(findNumber('a 3.5e2 b', undefined)).to.equal(350);
    expect(findNumber('nothing here', undefined)).to.equal(undefined);
    expect(findNumber('host web-01 lag -3', undefined)).to.equal(1);
    expect(findNumber('lag -3', undefined)).to.equal(-3);
  });

  it('is ERROR when no number is found, with the stderr', () => {
    const result = parseNumber(makeInput({ exitCode: 2, stderr: 'grep: app.log: No such file\n', params: { match: 'count=(\\d+)' } }));
    expect(result.status).to.equal('ERROR');
    expect(result.messages.error).to.deep.equal([
      'pattern "count=(\\\\d+)" found no number in output',
      'command exited with code 2',
      'grep: app.log: No such file',
    ]);
  });

  it('judges the number even when the command exits non-zero (grep -c prints 0 and exits 1)', async () => {
    const input = await runProgram('/bin/sh', ['-c', 'printf "a\\nb\\n" | grep -c ERROR'], { error: '>0' });
    expect(input.exitCode).to.equal(1);
    const result = parseNumber(input);
    expect(result.status).to.equal('OK');
    expect(result.metrics['value']?.value).to.equal(0);
  });

  it('validates options', () => {
    expect(validateNumberOptions({ match: '(\\d+)', warn: '>=5', error: 10 })).to.equal(undefined);
    expect(validateNumberOptions({ warn: 'high' })).to.match(/^number parser: warn: expected a comparison .* got "high"$/);
    expect(validateNumberOptions({ match: '(' })).to.match(/^number parser: match: invalid regular expression/);
    expect(() => parseNumber(makeInput({ stdout: '1', params: { error: '>>1' } }))).to.throw(/error: expected/);
  });
});
