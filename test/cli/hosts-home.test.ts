// One home-folder rule (OpenSSH's: the passwd entry's, not $HOME) for every `~`, shown by `hosts -o json`.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { smokerSync } from '../support/cli.js';

describe('cli/hosts home folder', () => {
  it('expands ~ in inventory paths, known_hosts and keys with the passwd home even when $HOME differs', () => {
    const dir = mkdtempSync(join(tmpdir(), 'smoker-home-'));
    const inventory = join(dir, 'inv.yaml');
    writeFileSync(inventory, 'hosts:\n  web1: { address: 192.0.2.10, user: deploy, identityFile: ~/keys/web }\n');
    const r = smokerSync(['hosts', inventory, '-o', 'json'], { env: { HOME: join(dir, 'not-home') } });
    expect(r.code, r.stderr).to.equal(0);
    const [host] = JSON.parse(r.stdout) as { ssh: { identityFiles: string[]; knownHosts: string[]; home: { path: string; source: string } } }[];
    const home = userInfo().homedir;
    expect(host?.ssh.home).to.deep.equal({ path: home, source: 'passwd' });
    expect(host?.ssh.identityFiles).to.deep.equal([`${home}/keys/web`]);
    expect(host?.ssh.knownHosts[0]).to.equal(`${home}/.ssh/known_hosts`);
  });
});
