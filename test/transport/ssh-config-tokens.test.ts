import { expect } from 'chai';
import { expandSshTokens, expandTilde } from '../../src/transport/ssh-config-tokens.js';

describe('transport/ssh-config-tokens', () => {
  it('expands known tokens and %%, reporting unknown ones', () => {
    expect(expandSshTokens('%h:%p %% %r', { h: 'web', p: '22', r: 'me' })).to.deep.equal({ value: 'web:22 % me', unknown: [] });
    expect(expandSshTokens('a%zb%', {})).to.deep.equal({ value: 'a%zb%', unknown: ['%z', '%'] });
  });

  it('expands ~ and ~/ only', () => {
    expect(expandTilde('~', '/home/u')).to.equal('/home/u');
    expect(expandTilde('~/x', '/home/u/')).to.equal('/home/u/x');
    expect(expandTilde('~bob/x', '/home/u')).to.equal('~bob/x');
    expect(expandTilde('/a/~', '/home/u')).to.equal('/a/~');
  });
});
