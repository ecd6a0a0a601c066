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

describe('transport/ssh-config Match final', () => {
  it('reads the files a second time for the HostName found, as ssh -G does (paramiko match-final)', async () => {
    const { loadSshConfig, resolveSshConfig } = await import('../../src/transport/ssh-config.js');
    const { fileURLToPath } = await import('node:url');
    const file = fileURLToPath(new URL('../../fixtures/corpus/ssh/paramiko/match-final', import.meta.url));
    const config = loadSshConfig(file, { systemFile: false });
    expect(config.warnings).to.deep.equal([]);
    const r = resolveSshConfig(config, 'default-port');
    expect([r.hostname, r.port, r.proxyJump]).to.deep.equal(['default-port.example.org', 1002, ['jump']]);
    const f = resolveSshConfig(config, 'finally');
    expect([f.port, f.proxyJump]).to.deep.equal([1001, ['jump']]);
    expect(resolveSshConfig(config, 'jump').proxyJump).to.equal(undefined);
  });
});
