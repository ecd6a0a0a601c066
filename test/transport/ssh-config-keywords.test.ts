import { expect } from 'chai';
import { parseSshConfig } from '../../src/transport/ssh-config-parse.js';

const parse = (text: string): string[] => {
  const warnings: string[] = [];
  parseSshConfig(text, 'cfg', () => [], (m) => warnings.push(m));
  return warnings;
};

describe('transport/ssh-config keywords', () => {
  it('warns with file:line about a keyword ssh refuses (paramiko robey: "Crazy something dumb")', () => {
    expect(parse('Host *\n  User robey\n  Crazy something dumb\n')).to.deep.equal([
      'cfg:3: unknown keyword "Crazy"; ssh refuses this file (IgnoreUnknown can allow it)',
    ]);
  });
  it('accepts every keyword ssh accepts, deprecated ones included, and what IgnoreUnknown names', () => {
    expect(parse('Host *\n  ForwardAgent yes\n  UseRoaming no\n  Protocol 2\n  ControlPath ~/.ssh/%r@%h\n')).to.deep.equal([]);
    expect(parse('IgnoreUnknown UseKeychain,Add*\nHost *\n  UseKeychain yes\n  AddFoo 1\n')).to.deep.equal([]);
    expect(parse('Host *\n  UseKeychain yes\n')).to.have.length(1);
  });
});
