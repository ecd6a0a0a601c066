// ProxyJump through real lab bastions, and ~/.ssh/config (Include, Match) resolved as OpenSSH does (SPEC §5).
import { expect } from 'chai';
import { cpSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Lab } from '../lab/index.js';
import { collectChild, type ChildResult } from '../support/child.js';
import { CLI, ROOT, smoker } from '../support/cli.js';
import {
  cliEnv,
  closeLabHome,
  hostOf,
  labInventory,
  makeTempHome,
  openLabHome,
  parseExecJson,
  pgrepOnHost,
  removeDir,
  waitFor,
  writeInventoryDoc,
} from './integration-support.js';

const fixture = fileURLToPath(new URL('../../fixtures/ssh/lab-home', import.meta.url));

/** Established connections to sshd (port 22) inside a host, as `peer address` strings. */
async function sshPeers(lab: Lab, host: string): Promise<string[]> {
  const r = await lab.exec(host, "ss -Htn state established '( sport = :22 )'");
  return r.stdout
    .split('\n')
    .filter(Boolean)
    .map((l) => (l.trim().split(/\s+/).pop() ?? '').replace(/:\d+$/, ''));
}

/**
 * Runs `file args` with `home` bind-mounted over the passwd home (/root) in a private mount namespace:
 * OpenSSH and smoker both take ~ from the passwd entry, not $HOME, so this is how a test gives them a
 * ~/.ssh/config of its own without touching the real one.
 */
function runInPrivateHome(home: string, file: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<ChildResult> {
  const script = 'mount --bind "$1" "$2" && shift 2 && exec "$@"';
  const argv = ['--mount', '--propagation', 'private', '--', '/bin/sh', '-c', script, 'sh', home, userInfo().homedir, file, ...args];
  return collectChild('unshare', argv, { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', HOME: userInfo().homedir, SSH_AUTH_SOCK: '', ...env } });
}

/** hostname, user, port and proxyjump as `ssh -G` prints them. */
function parseSshG(out: string): Record<string, string> {
  const wanted = new Set(['hostname', 'user', 'port', 'proxyjump']);
  const g: Record<string, string> = {};
  for (const line of out.split('\n')) {
    const [key = '', ...rest] = line.split(' ');
    if (wanted.has(key)) g[key] = rest.join(' ');
  }
  return g;
}

describe('ProxyJump and ~/.ssh/config against real sshd @lab', function () {
  this.timeout(120_000);
  let lab: Lab;
  let home: string;

  before(async function () {
    ({ lab, home } = await openLabHome({ hosts: 6, namePrefix: 'lab' }, 'smoker-jump-'));
    // Proving which hop a connection came from needs one address per host.
    if (lab.mode !== 'netns') this.skip();
  });
  after(() => closeLabHome(lab, home));

  it('reaches targets through a two-hop chain (jump: lab1,lab2) over one bastion connection', async () => {
    const doc = labInventory(lab);
    for (const t of ['lab3', 'lab4', 'lab5']) doc.hosts[t] = { ...doc.hosts[t], jump: 'lab1,lab2' };
    const inventory = writeInventoryDoc(join(home, 'two-hop.yaml'), doc);
    let finished = false;
    const run = smoker(['exec', inventory, '-H', 'lab3,lab4,lab5', '--no-results', '-o', 'json', '--', 'echo $SSH_CLIENT; sleep 5'], { env: cliEnv(home) }).finally(
      () => (finished = true),
    );
    // While the commands run on all three targets: lab1 serves the controller, lab2 serves lab1, each once.
    const targets = ['lab3', 'lab4', 'lab5'];
    const running = async () => (await Promise.all(targets.map((t) => pgrepOnHost(lab, t, '^sleep 5$')))).every((p) => p.length === 1);
    await waitFor(async () => finished || (await running()), 30_000, 50);
    const lab1Peers = await sshPeers(lab, 'lab1');
    const lab2Peers = await sshPeers(lab, 'lab2');
    const idle = await sshPeers(lab, 'lab6');
    const wasRunning = !finished;
    const r = await run;
    expect(r.code, r.stdout + r.stderr).to.equal(0);
    expect(wasRunning, 'the peers were read while the commands ran').to.equal(true);
    expect(idle, 'lab6 is idle').to.deep.equal([]);
    expect(lab2Peers, 'lab2 is reached from lab1 only, over one connection').to.deep.equal([lab.host('lab1').address]);
    expect(lab1Peers, 'lab1 holds one connection, from the controller').to.have.length(1);
    expect(lab1Peers[0]).to.not.equal(lab.host('lab2').address);
    const out = parseExecJson(r.stdout, r.stderr);
    for (const t of ['lab3', 'lab4', 'lab5']) {
      expect(hostOf(out, t).stdout?.split(' ')[0], `${t} sees the connection come from lab2`).to.equal(lab.host('lab2').address);
    }
  });

  it('accepts a jump host that is not in the inventory ([user@]address), with the target\'s key and known_hosts', async () => {
    const doc = labInventory(lab);
    doc.hosts['lab6'] = { ...doc.hosts['lab6'], jump: `${lab.user}@${lab.host('lab1').address}:22` };
    const r = await smoker(['exec', writeInventoryDoc(join(home, 'spec-jump.yaml'), doc), '-H', 'lab6', '--no-results', '-o', 'json', '--', 'echo $SSH_CLIENT'], { env: cliEnv(home) });
    expect(r.code, r.stderr).to.equal(0);
    expect(hostOf(parseExecJson(r.stdout), 'lab6').stdout?.split(' ')[0]).to.equal(lab.host('lab1').address);
  });

  it('resolves ~/.ssh/config with Include and Match as ssh -G does, and connects with it', async () => {
    const priv = makeTempHome('smoker-sshconfig-');
    try {
      const net = lab.host('lab1').address.split('.').slice(0, 3).join('.');
      const words: Record<string, string> = {
        LAB_ALPHA: lab.host('lab1').address,
        LAB_BETA: lab.host('lab2').address,
        LAB_GAMMA: lab.host('lab3').address,
        LAB_NET: net,
        LAB_USER: lab.user,
        LAB_KEY: lab.clientKey,
        LAB_KNOWN_HOSTS: lab.knownHosts,
      };
      cpSync(fixture, join(priv, '.ssh'), { recursive: true });
      for (const f of ['config', ...readdirSync(join(priv, '.ssh', 'conf.d')).map((n) => join('conf.d', n))]) {
        const path = join(priv, '.ssh', f);
        writeFileSync(path, readFileSync(path, 'utf8').replace(/\bLAB_[A-Z_]+\b/g, (w) => words[w] ?? w));
      }
      // Only names: every connection setting comes from ~/.ssh/config.
      const inventory = join(priv, 'inventory.yaml');
      writeFileSync(inventory, 'hosts:\n  alpha: {}\n  beta: {}\n  gamma-1: {}\n');

      const hosts = await runInPrivateHome(priv, process.execPath, [CLI, 'hosts', inventory, '-o', 'json']);
      expect(hosts.code, hosts.stderr).to.equal(0);
      const shown = JSON.parse(hosts.stdout) as Array<Record<string, unknown>>;
      const expected: Record<string, Record<string, string>> = {
        alpha: { hostname: words.LAB_ALPHA ?? '', user: lab.user, port: '22' },
        beta: { hostname: words.LAB_BETA ?? '', user: lab.user, port: '22' },
        'gamma-1': { hostname: words.LAB_GAMMA ?? '', user: lab.user, port: '22', proxyjump: 'alpha' },
      };
      for (const name of Object.keys(expected)) {
        const g = await runInPrivateHome(priv, 'ssh', ['-G', name]);
        expect(g.code, g.stderr).to.equal(0);
        const sshG = parseSshG(g.stdout);
        expect(sshG, `ssh -G ${name} (the fixture means what the test thinks)`).to.deep.equal(expected[name]);
        const h = shown.find((x) => x['name'] === name) ?? {};
        const ssh = (h['ssh'] ?? {}) as Record<string, unknown>;
        const mine: Record<string, string> = { hostname: String(ssh['host']), user: String(ssh['user']), port: String(ssh['port']) };
        if (Array.isArray(ssh['jump']) && ssh['jump'].length) mine['proxyjump'] = ssh['jump'].join(',');
        expect(mine, `smoker hosts -o json, ${name}`).to.deep.equal(sshG);
      }

      const r = await runInPrivateHome(priv, process.execPath, [CLI, 'exec', inventory, '--no-results', '-o', 'json', '--', 'echo $SSH_CONNECTION; id -un']);
      expect(r.code, r.stderr).to.equal(0);
      const out = parseExecJson(r.stdout, r.stderr);
      for (const [name, g] of Object.entries(expected)) {
        const [conn = '', user] = (hostOf(out, name).stdout ?? '').split('\n');
        const [client, , server, port] = conn.split(' ');
        expect({ server, port, user }, name).to.deep.equal({ server: g.hostname, port: g.port, user: g.user });
        if (name === 'gamma-1') expect(client, 'gamma-1 reached through alpha').to.equal(words.LAB_ALPHA);
      }
    } finally {
      removeDir(priv);
    }
  });

  it('a dead bastion makes its targets unreachable with the reason, at once', async () => {
    const doc = labInventory(lab);
    doc.hosts['lab5'] = { ...doc.hosts['lab5'], jump: 'lab4' };
    doc.hosts['lab6'] = { ...doc.hosts['lab6'], jump: 'lab4' };
    await lab.stopHost('lab4');
    const t0 = Date.now();
    const r = await smoker(['exec', writeInventoryDoc(join(home, 'dead-bastion.yaml'), doc), '-H', 'lab5,lab6,lab1', '--no-results', '-o', 'json', '--', 'true'], { env: cliEnv(home) });
    expect(r.code, r.stderr).to.equal(3);
    expect(Date.now() - t0, 'a hang bound').to.be.below(40_000);
    const out = parseExecJson(r.stdout, r.stderr);
    expect(hostOf(out, 'lab1').status).to.equal('OK');
    for (const t of ['lab5', 'lab6']) expect(hostOf(out, t).unreachable, t).to.match(/lab4.*connection refused/);
  });
});
