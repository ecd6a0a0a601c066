import { expect } from 'chai';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TransportError } from '../../src/errors.js';
import { expandProxyCommand } from '../../src/transport/proxy-command.js';
import { loadSshConfig, resolveSshConfig } from '../../src/transport/ssh-config.js';
import { resolveTarget } from '../../src/transport/ssh-target.js';
import type { HostConfig } from '../../src/config/types.js';

const host = (name: string, extra: Partial<HostConfig> = {}): HostConfig => ({
  name, address: name, addressSet: false, port: undefined, user: undefined, identityFile: [], passwordEnv: undefined, passphraseEnv: undefined,
  jump: [], hostKeyPolicy: undefined, knownHosts: [], connectTimeoutMs: 10_000, transport: 'ssh', sudo: false, sudoPasswordEnv: undefined,
  maxChannels: 8, env: {}, vars: {}, groups: [], ...extra,
});

function config(text: string) {
  const file = join(mkdtempSync(join(tmpdir(), 'smoker-pc-')), 'config');
  writeFileSync(file, text);
  return loadSshConfig(file, { systemFile: false });
}

describe('transport/proxy-command', () => {
  it('expands %h %n %p %r and %% as OpenSSH does, and refuses other tokens', () => {
    const t = { host: 'i-0d1.internal', name: 'web1', port: 22, user: 'ops' };
    expect(expandProxyCommand('aws ssm start-session --target %h --parameters portNumber=%p # %n %r 100%%', t)).to.equal(
      'aws ssm start-session --target i-0d1.internal --parameters portNumber=22 # web1 ops 100%',
    );
    expect(() => expandProxyCommand('nc %d %p', t)).to.throw(TransportError, /unknown token %d/);
  });

  it('reads ProxyCommand from ssh_config as the rest of the line; the first of ProxyJump/ProxyCommand wins', () => {
    const c = config('Host ssm-*\n  ProxyCommand sh -c "aws ssm start-session --target %h"\n  ProxyJump ignored\nHost jumpy\n  ProxyJump bastion\n  ProxyCommand ignored\n');
    expect(c.warnings).to.deep.equal([]);
    const ssm = resolveSshConfig(c, 'ssm-web');
    expect([ssm.proxyCommand, ssm.proxyJump]).to.deep.equal(['sh -c "aws ssm start-session --target %h"', undefined]);
    const jumpy = resolveSshConfig(c, 'jumpy');
    expect([jumpy.proxyCommand, jumpy.proxyJump]).to.deep.equal([undefined, ['bastion']]);
  });

  it("gives the target ~/.ssh/config's ProxyCommand expanded for it; the inventory's jump or proxyCommand wins", () => {
    const c = config('Host i-*\n  User ec2-user\n  ProxyCommand sh -c "aws ssm start-session --target %h --parameters portNumber=%p"\n');
    const t = resolveTarget(host('i-0d1'), c);
    expect([t.proxyCommand, t.jump]).to.deep.equal(['sh -c "aws ssm start-session --target i-0d1 --parameters portNumber=22"', []]);
    expect(resolveTarget(host('i-0d2', { jump: ['bastion'] }), c).proxyCommand).to.equal(undefined);
    expect(resolveTarget(host('i-0d3', { proxyCommand: 'nc %h %p', port: 2222 }), c).proxyCommand).to.equal('nc i-0d3 2222');
  });
});
