// ProxyCommand for real, and jump hops with their own key, against real lab sshd hosts (issue 16, item 4).
// The target (px2) is reachable only through the bastion (px1): its route back to the controller is a
// blackhole. The bastion accepts only its own key, from the controller; the target only the lab key, via the bastion.
import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Lab } from '../lab/index.js';
import { smoker } from '../support/cli.js';
import { cliEnv, closeLabHome, hostOf, labInventory, openLabHome, parseExecJson, writeInventoryDoc } from './integration-support.js';
import { generateKey } from './ssh-keygen.js';

describe('ProxyCommand and jump keys against real sshd @lab', function () {
  this.timeout(120_000);
  let lab: Lab;
  let home: string;
  let bastionKey: string;
  let bastion: string;

  before(async function () {
    ({ lab, home } = await openLabHome({ hosts: 2, namePrefix: 'px' }, 'smoker-proxy-'));
    if (lab.mode !== 'netns') this.skip();
    bastion = lab.host('px1').address;
    const target = lab.host('px2').address;
    const controller = /\bsrc (\S+)/.exec(execFileSync('ip', ['route', 'get', target], { encoding: 'utf8' }))?.[1];
    if (!controller) throw new Error('cannot find the controller address on the lab bridge');
    bastionKey = join(home, 'bastion_ed25519');
    const key = generateKey(home, 'bastion_ed25519');
    const authorized = join(lab.dir, 'authorized_keys');
    const labKey = readFileSync(authorized, 'utf8').trim().split('\n');
    writeFileSync(authorized, [...labKey.map((l) => `from="${bastion}" ${l}`), `from="${controller}" ${key.publicLine}`, ''].join('\n'));
    await lab.exec('px2', `ip route add blackhole ${controller}/32`);
  });
  after(() => closeLabHome(lab, home));

  const sshW = (key: string) =>
    `ssh -F /dev/null -i ${key} -o IdentitiesOnly=yes -o BatchMode=yes -o UserKnownHostsFile=${lab.knownHosts} -o StrictHostKeyChecking=yes -l ${lab.user} -W %h:%p ${bastion}`;

  async function execOn(settings: Record<string, unknown>, file: string) {
    const doc = labInventory(lab);
    doc.hosts['px2'] = { ...doc.hosts['px2'], connectTimeout: '5s', ...settings };
    const r = await smoker(['exec', writeInventoryDoc(join(home, file), doc), '-H', 'px2', '--no-results', '-o', 'json', '--', 'echo $SSH_CLIENT'], { env: cliEnv(home) });
    return { r, out: parseExecJson(r.stdout, r.stderr) };
  }

  it('cannot reach the target directly (the premise)', async () => {
    const { r, out } = await execOn({}, 'direct.yaml');
    expect(r.code).to.equal(3);
    expect(hostOf(out, 'px2').unreachable).to.be.a('string');
  });

  it('reaches it through ProxyCommand ssh -W %h:%p bastion, the real OpenSSH client as proxy with the bastion key', async () => {
    const { r, out } = await execOn({ proxyCommand: sshW(bastionKey) }, 'proxy-ssh.yaml');
    expect(r.code, r.stderr).to.equal(0);
    expect(hostOf(out, 'px2').stdout?.split(' ')[0], 'the target sees the bastion').to.equal(bastion);
  });

  it('reaches it through a plain nc relay ProxyCommand (%h %p expanded), run in the bastion network', async () => {
    const relay = `ip netns exec ${lab.host('px1').netns} nc %h %p`;
    const { r, out } = await execOn({ proxyCommand: relay }, 'proxy-nc.yaml');
    expect(r.code, r.stderr).to.equal(0);
    expect(hostOf(out, 'px2').stdout?.split(' ')[0]).to.equal(bastion);
  });

  it('reports a ProxyCommand that fails (wrong key for the bastion) with what it printed, exit 3', async () => {
    const { r, out } = await execOn({ proxyCommand: sshW(lab.clientKey) }, 'proxy-bad.yaml');
    expect(r.code).to.equal(3);
    expect(hostOf(out, 'px2').unreachable).to.match(/ProxyCommand ".*" exited with code 255: .*Permission denied/);
  });

  it('gives a jump hop outside the inventory its own key (jumpIdentityFile) and user', async () => {
    const hop = { jump: `${lab.user}@${bastion}` };
    const withKey = await execOn({ ...hop, jumpIdentityFile: bastionKey }, 'jump-key.yaml');
    expect(withKey.r.code, withKey.r.stderr).to.equal(0);
    expect(hostOf(withKey.out, 'px2').stdout?.split(' ')[0]).to.equal(bastion);
    const without = await execOn(hop, 'jump-nokey.yaml');
    expect(without.r.code).to.equal(3);
    expect(hostOf(without.out, 'px2').unreachable).to.match(/authentication failed/);
  });
});
