import { expect } from 'chai';
import { lexSshConfigLine, splitArguments } from '../../src/transport/ssh-config-lex.js';

describe('transport/ssh-config-lex', () => {
  it('skips blanks and comments', () => {
    for (const line of ['', '   ', '\t', '# Host x', '   #comment', '\r']) expect(lexSshConfigLine(line)).to.equal(undefined);
  });

  it('accepts `Key Value`, `Key=Value` and `Key = Value`, lowercasing the keyword', () => {
    for (const line of ['HostName example.com', 'hostname=example.com', '  HOSTNAME  =  example.com  ', '\tHostName\texample.com\r']) {
      expect(lexSshConfigLine(line)).to.deep.equal({ keyword: 'hostname', args: ['example.com'] });
    }
  });

  it('splits arguments, honouring quotes, escapes and trailing comments', () => {
    expect(splitArguments('a "b c" \'d e\' f\\ g')).to.deep.equal(['a', 'b c', 'd e', 'f g']);
    expect(splitArguments('x # comment')).to.deep.equal(['x']);
    expect(splitArguments('a#b')).to.deep.equal(['a#b']);
    expect(splitArguments('"a\\"b" c\\\\d e\\q')).to.deep.equal(['a"b', 'c\\d', 'e\\q']);
    expect(splitArguments('pre"mid dle"post')).to.deep.equal(['premid dlepost']);
    expect(splitArguments('"open')).to.equal(undefined);
  });

  it('reports a keyword without argument and unbalanced quotes', () => {
    expect(lexSshConfigLine('User')).to.deep.equal({ keyword: 'user', error: 'no argument after keyword "User"' });
    expect(lexSshConfigLine('Host "x')).to.deep.equal({ keyword: 'host', error: 'invalid quotes' });
  });
});
