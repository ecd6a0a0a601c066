import { expect } from 'chai';
import { runParser } from '../../src/parsers/run-parser.js';
import { nagiosParser } from '../../src/parsers/nagios.js';
import type { Parser } from '../../src/parsers/types.js';
import { makeInput } from './support.js';

function parserOf(parse: Parser['parse']): Parser {
  return { name: 'test', parse };
}

describe('parsers/run-parser', () => {
  it('returns what a parser returns when it is well-formed', async () => {
    const result = await runParser(nagiosParser, makeInput({ exitCode: 1, stdout: 'WARNING: x|a=1' }));
    expect(result.status).to.equal('WARN');
    expect(result.metrics['a']?.value).to.equal(1);
  });

  it('turns a throw into ERROR "parser failed: ..." keeping the output', async () => {
    const failing = parserOf(() => {
      throw new Error('cannot read line 3');
    });
    const result = await runParser(failing, makeInput({ stdout: 'out\n', stderr: 'err\n' }));
    expect(result).to.deep.equal({
      status: 'ERROR',
      messages: { info: ['out'], warn: [], error: ['parser failed: cannot read line 3', 'err'] },
      components: {},
      metrics: {},
    });
  });

  it('turns a rejection and a thrown non-Error into ERROR', async () => {
    const rejecting = parserOf(() => Promise.reject(new TypeError('x is undefined')));
    expect((await runParser(rejecting, makeInput())).messages.error).to.deep.equal(['parser failed: x is undefined']);
    const throwingString = parserOf(() => {
      throw 'just a string';
    });
    expect((await runParser(throwingString, makeInput())).messages.error).to.deep.equal(['parser failed: just a string']);
  });

  it('turns an invalid return into ERROR "parser failed: invalid result: ..."', async () => {
    const cases: Array<[unknown, RegExp]> = [
      [undefined, /^parser failed: invalid result: result: expected an object, got nothing$/],
      [{ status: 'GOOD' }, /^parser failed: invalid result: status: expected OK, WARN, ERROR or UNKNOWN, got "GOOD"$/],
      [{ status: 'OK', messages: { info: 'fine', error: [null] } }, /^parser failed: invalid result: messages\.error\[0\]: expected a string, got null$/],
      [{ status: 'OK', components: { a: { status: 'OK' } }, componentResults: { b: { status: 'OK' } } }, /either componentResults or components/],
    ];
    for (const [returned, message] of cases) {
      const result = await runParser(parserOf(() => returned as never), makeInput());
      expect(result.status).to.equal('ERROR');
      expect(result.messages.error[0]).to.match(message);
    }
  });

  it('fills what a partial result leaves out', async () => {
    const result = await runParser(parserOf(() => ({ status: 'ok' }) as never), makeInput());
    expect(result).to.deep.equal({ status: 'OK', messages: { info: [], warn: [], error: [] }, components: {}, metrics: {} });
  });

  it('makes any parser ERROR on a timeout or a signal, without repeating the reason', async () => {
    const optimistic = parserOf(() => ({ status: 'OK', messages: { info: ['fine'], warn: [], error: [] }, components: {}, metrics: {} }));
    const timedOut = await runParser(optimistic, makeInput({ exitCode: null, timedOut: true, timeoutMs: 300_000 }));
    expect(timedOut.status).to.equal('ERROR');
    expect(timedOut.messages.error).to.deep.equal(['timed out after 5m']);
    expect(timedOut.messages.info).to.deep.equal(['fine']);
    const killed = await runParser(nagiosParser, makeInput({ exitCode: null, signal: 'SIGINT' }));
    expect(killed.messages.error.filter((m) => m === 'killed by signal SIGINT')).to.have.length(1);
  });
});
