import { expect } from 'chai';
import { ShellSyntaxError, splitShellWords } from '../../src/interop/shlex.js';

describe('interop/shlex', () => {
  it('splits on blanks, joins quoted runs and keeps where each word starts', () => {
    expect(splitShellWords(`  web1 x="a b" y='c'd z=\\"q`)).to.deep.equal([
      { value: 'web1', start: 2 },
      { value: 'x=a b', start: 7 },
      { value: 'y=cd', start: 15 },
      { value: 'z="q', start: 22 },
    ]);
  });

  it('ends the line at an unquoted #, as shlex with comments=True', () => {
    expect(splitShellWords('host2 ansible_port=222 # inline').map((w) => w.value)).to.deep.equal(['host2', 'ansible_port=222']);
    expect(splitShellWords('k="#not a comment"').map((w) => w.value)).to.deep.equal(['k=#not a comment']);
  });

  it('honours backslash escapes only for " and \\ inside double quotes', () => {
    expect(splitShellWords('"a\\"b\\\\c\\d"')[0]?.value).to.equal('a"b\\c\\d');
  });

  it('throws ShellSyntaxError at the opening quote of an unterminated string', () => {
    expect(() => splitShellWords('web2 note="open')).to.throw(ShellSyntaxError).with.property('offset', 10);
  });
});
