import { expect } from 'chai';
import { parseRegex, validateRegexOptions } from '../../src/parsers/regex.js';
import { makeInput } from './support.js';

const LOG = 'INFO started\nWARN slow request 1200ms\nERROR connection reset\nINFO done\n';

describe('parsers/regex', () => {
  it('error beats warn beats ok, quoting the matching lines', () => {
    const result = parseRegex(makeInput({ stdout: LOG, params: { ok: 'started', warn: '^WARN', error: '^ERROR' } }));
    expect(result.status).to.equal('ERROR');
    expect(result.messages.error).to.deep.equal(['matched error pattern: "ERROR connection reset"']);
  });

  it('warn decides when error does not match', () => {
    const result = parseRegex(makeInput({ stdout: LOG, params: { warn: 'slow', error: 'FATAL' } }));
    expect(result.status).to.equal('WARN');
    expect(result.messages.warn).to.deep.equal(['matched warn pattern: "WARN slow request 1200ms"']);
  });

  it('ok decides when neither error nor warn match', () => {
    const result = parseRegex(makeInput({ stdout: '{"status":"UP"}', params: { ok: '"status":"UP"', error: 'DOWN' } }));
    expect(result.status).to.equal('OK');
    expect(result.messages.info).to.deep.equal(['matched ok pattern: "{\\"status\\":\\"UP\\"}"']);
  });

  it('an ok pattern that never matches is ERROR', () => {
    const result = parseRegex(makeInput({ stdout: '{"status":"DOWN"}', params: { ok: '"status":"UP"' } }));
    expect(result.status).to.equal('ERROR');
    expect(result.messages.error).to.deep.equal(['no line matched ok pattern "\\"status\\":\\"UP\\""']);
  });

  it('no error or warn match without an ok pattern is OK', () => {
    const result = parseRegex(makeInput({ stdout: 'all quiet', params: { error: 'Exception' } }));
    expect(result.status).to.equal('OK');
  });

  it('a failed command with nothing matched is ERROR with its stderr', () => {
    const result = parseRegex(makeInput({ exitCode: 1, stderr: 'tail: cannot open app.log\n', params: { error: 'Exception' } }));
    expect(result.status).to.equal('ERROR');
    expect(result.messages.error).to.deep.equal(['command exited with code 1', 'tail: cannot open app.log']);
  });

  it('searches stderr too, takes lists of patterns and flags', () => {
    const result = parseRegex(
      makeInput({ stderr: 'java.lang.NullPointerException\n', params: { error: ['panic:', 'exception$'], flags: 'i' } }),
    );
    expect(result.status).to.equal('ERROR');
    expect(result.messages.error).to.deep.equal(['matched error pattern: "java.lang.NullPointerException"']);
  });

  it('quotes at most 10 matching lines', () => {
    const stdout = Array.from({ length: 15 }, (_, i) => `ERROR ${i}`).join('\n');
    const result = parseRegex(makeInput({ stdout, params: { error: 'ERROR' } }));
    expect(result.messages.error).to.have.length(11);
    expect(result.messages.error[10]).to.equal('... and 5 more matching lines');
  });

  it('reads option names case-insensitively (Smoker keys)', () => {
    expect(parseRegex(makeInput({ stdout: 'x FAIL', params: { Error: 'FAIL' } })).status).to.equal('ERROR');
  });

  it('throws on unusable options (runParser turns it into ERROR)', () => {
    expect(() => parseRegex(makeInput({ params: {} }))).to.throw(/expected at least one of ok, warn, error/);
    expect(() => parseRegex(makeInput({ params: { error: '(' } }))).to.throw(/invalid regular expression "\("/);
  });

  it('validates options', () => {
    expect(validateRegexOptions({ ok: 'x' })).to.equal(undefined);
    expect(validateRegexOptions({})).to.match(/at least one of ok, warn, error/);
    expect(validateRegexOptions({ warn: '[' })).to.match(/^regex parser: warn: invalid regular expression/);
    expect(validateRegexOptions({ warn: 42 })).to.match(/expected a regular expression, got 42/);
    expect(validateRegexOptions({ warn: 'x', flags: 'g' })).to.match(/flags: expected some of i, m, s, u/);
  });
});
