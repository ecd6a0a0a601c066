// The auto parser and message lines at their edges: a command that ended without an exit code, the message-line
// cap exactly at its limit, built-in names with blanks around them.
import { expect } from 'chai';
import { parseAuto } from '../../src/parsers/auto.js';
import { findBuiltinParser } from '../../src/parsers/builtins.js';
import { MAX_MESSAGE_LINES, toMessageLines } from '../../src/parsers/lines.js';
import { makeInput } from './support.js';

describe('parsers/auto: edges', () => {
  it('no exit code, no timeout, no signal: ERROR saying so', () => {
    const r = parseAuto(makeInput({ exitCode: null, stdout: 'partial' }));
    expect(r.status).to.equal('ERROR');
    expect(r.messages.error).to.deep.equal(['command ended without an exit code']);
    expect(r.messages.info).to.deep.equal(['partial']);
  });

  it('exit 0 is OK without any error message', () => {
    const r = parseAuto(makeInput({ exitCode: 0, stdout: 'fine' }));
    expect(r.status).to.equal('OK');
    expect(r.messages.error).to.deep.equal([]);
  });

  it('message lines: exactly the cap keeps every line with no note; one more is noted', () => {
    const text = (n: number) => Array.from({ length: n }, (_, i) => `l${i}`).join('\n');
    expect(toMessageLines(text(MAX_MESSAGE_LINES), 'stdout')).to.have.length(MAX_MESSAGE_LINES);
    const over = toMessageLines(text(MAX_MESSAGE_LINES + 1), 'stderr');
    expect(over).to.have.length(MAX_MESSAGE_LINES + 1);
    expect(over.at(-1)).to.equal('... 1 more lines (see stderr)');
  });

  it('finds a built-in by name with blanks and any case, aliases included', () => {
    expect(findBuiltinParser(' Nagios ')?.name).to.equal('nagios');
    expect(findBuiltinParser(' VarnishParser ')?.name).to.equal('varnish');
    expect(findBuiltinParser('nope')).to.equal(undefined);
  });
});
