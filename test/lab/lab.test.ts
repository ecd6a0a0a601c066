// Integration tests of the test lab against real OpenSSH: reachability with the real ssh client, isolation
// between hosts, stop/start, sudo, shared sshd, and that nothing survives close(), exit or a killed controller.

import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { cleanupStaleLabs, countOpenLabs, LAB_SUDO_PASSWORD, LAB_SUDO_USER, startLab, type Lab } from './index.js';
import { findLeftovers, readPidNamespace } from './leftovers.js';
import { sshToHost } from './ssh-client.js';

const root = process.getuid?.() === 0;

describe('test lab @lab', function () {
  this.timeout(60_000);

  describe('a lab of 3 hosts with a sudo user', () => {
    let lab: Lab;
    let openBefore = 0;
    before(async () => {
      openBefore = countOpenLabs();
      lab = await startLab({ hosts: 3, namePrefix: 'web', sudoUser: root });
    });
    after(async () => {
      await lab?.close();
    });

    it('answers the real ssh client on every host, which prints its own hostname', async function () {
      if (lab.mode !== 'netns') this.skip(); // loopback hosts share this machine's hostname unless root
      const results = await Promise.all(lab.hosts.map((h) => sshToHost(lab, h, 'hostname')));
      expect(results.map((r) => [r.code, r.stdout.trim()])).to.deep.equal(lab.hosts.map((h) => [0, h.name]));
    });

    it('logs in as the lab user with a writable home', async () => {
      const r = await sshToHost(lab, lab.hosts[0]!, 'id -un; touch ~/probe && echo writable');
      expect([r.code, r.stdout], r.stderr).to.deep.equal([0, `${lab.user}\nwritable\n`]);
    });

    it('keeps a process started on one host invisible on the others (root netns mode)', async function () {
      if (lab.mode !== 'netns') this.skip();
      const [a, b] = [lab.hosts[0]!, lab.hosts[1]!];
      const started = await sshToHost(lab, a, 'sleep 301 >/dev/null 2>&1 </dev/null & echo started');
      expect(started.stdout.trim()).to.equal('started');
      expect((await lab.exec(a.name, 'pgrep -x sleep')).code).to.equal(0);
      expect((await lab.exec(b.name, 'pgrep -x sleep')).code).to.equal(1);
      // /tmp and the home dir are private to each host too.
      await lab.exec(a.name, 'echo a > /tmp/only-on-a');
      expect((await lab.exec(b.name, 'test -e /tmp/only-on-a')).code).to.equal(1);
      expect((await sshToHost(lab, b, 'test -e ~/probe')).code).to.equal(1);
    });

    it('refuses connections after stopHost and answers again after startHost', async () => {
      const host = lab.hosts[2]!;
      const before = host.pid;
      await lab.stopHost(host.name);
      expect(await tryConnect(host.address, host.port)).to.equal('ECONNREFUSED');
      const refused = await sshToHost(lab, host, 'true');
      expect(refused.code).to.equal(255);
      expect(refused.stderr).to.match(/Connection refused/);
      await lab.startHost(host.name);
      expect(host.pid).to.be.above(0).and.not.equal(before);
      const r = await sshToHost(lab, host, 'echo back');
      expect(r.stdout.trim()).to.equal('back');
    });

    it('lets the sudo user sudo with its password and not without', async function () {
      if (!root) this.skip();
      const host = lab.hosts[0]!;
      const withPassword = await sshToHost(lab, host, "sudo -S -p '' id -u", { user: LAB_SUDO_USER, input: `${LAB_SUDO_PASSWORD}\n` });
      expect([withPassword.code, withPassword.stdout.trim()], withPassword.stderr).to.deep.equal([0, '0']);
      expect(withPassword.stderr).to.equal('');
      const without = await sshToHost(lab, host, 'sudo -n true', { user: LAB_SUDO_USER });
      expect(without.code).to.equal(1);
      expect(without.stderr).to.match(/password is required/);
    });

    it('writes an inventory with every host and strict host keys', () => {
      const doc = parse(readFileSync(lab.writeInventory(), 'utf8')) as { defaults: Record<string, unknown>; hosts: Record<string, { address: string; port: number }> };
      expect(doc.defaults).to.deep.equal({ user: lab.user, identityFile: lab.clientKey, knownHosts: lab.knownHosts, hostKeyPolicy: 'strict' });
      expect(doc.hosts).to.deep.equal(Object.fromEntries(lab.hosts.map((h) => [h.name, { address: h.address, port: h.port }])));
    });

    it('leaves nothing behind after close(), which may be called twice', async () => {
      const namespaces = lab.mode === 'netns' ? lab.hosts.map((h) => readPidNamespace(h.pid)) : [];
      await lab.close();
      await lab.close();
      expect(findLeftovers(lab.id, namespaces)).to.deep.equal([]);
      expect(countOpenLabs()).to.equal(openBefore);
    });
  });

  it('starts 10 hosts quickly (prints the time)', async () => {
    const t0 = performance.now();
    const lab = await startLab({ hosts: 10 });
    const ms = performance.now() - t0;
    try {
      console.log(`      lab: 10 hosts (${lab.mode}) up in ${ms.toFixed(0)} ms`);
      const last = lab.hosts[9]!;
      expect((await sshToHost(lab, last, 'echo ok')).stdout.trim()).to.equal('ok');
    } finally {
      await lab.close();
    }
    expect(findLeftovers(lab.id)).to.deep.equal([]);
  });

  it('serves many hosts from one sshd with sharedSshd', async () => {
    const lab = await startLab({ hosts: 40, sharedSshd: true, namePrefix: 'bench' });
    try {
      expect(new Set(lab.hosts.map((h) => `${h.address}:${h.port}`)).size).to.equal(40);
      const servers = new Set(lab.hosts.map((h) => h.pid));
      expect(servers.size).to.equal(lab.mode === 'netns' ? 1 : 3);
      const picked = [lab.hosts[0]!, lab.hosts[39]!];
      const results = await Promise.all(picked.map((h) => sshToHost(lab, h, 'echo ok')));
      expect(results.map((r) => r.stdout.trim())).to.deep.equal(['ok', 'ok']);
      await expectRejection(lab.stopHost('bench01'), /shares its sshd/);
    } finally {
      await lab.close();
    }
    expect(findLeftovers(lab.id)).to.deep.equal([]);
  });

  it('runs hosts on 127.0.0.1 ports in loopback mode', async () => {
    const lab = await startLab({ hosts: 2, mode: 'loopback' });
    try {
      expect(lab.mode).to.equal('loopback');
      expect(lab.hosts.map((h) => h.address)).to.deep.equal(['127.0.0.1', '127.0.0.1']);
      expect(readFileSync(lab.knownHosts, 'utf8')).to.contain(`[127.0.0.1]:${lab.hosts[0]!.port} ssh-ed25519 `);
      const r = await sshToHost(lab, lab.hosts[1]!, 'echo ok');
      expect(r.stdout.trim(), r.stderr).to.equal('ok');
      await lab.stopHost(lab.hosts[1]!.name);
      expect(await tryConnect('127.0.0.1', lab.hosts[1]!.port)).to.equal('ECONNREFUSED');
    } finally {
      await lab.close();
    }
    expect(findLeftovers(lab.id)).to.deep.equal([]);
  });

  it('cleans up at process exit when a script forgets close()', async () => {
    const { out, code } = await runOrphan('exit');
    expect(code).to.equal(0);
    const info = JSON.parse(out) as { id: string; pids: number[] };
    expect(await waitForNoLeftovers(info.id, info.pids)).to.deep.equal([]);
  });

  it('sweeps the labs of a controller that was SIGKILLed', async () => {
    const { out, code } = await runOrphan('hang');
    expect(code).to.equal(null);
    const info = JSON.parse(out) as { id: string; dir: string; pids: number[] };
    expect(existsSync(info.dir)).to.equal(true);
    expect(findLeftovers(info.id)).to.not.deep.equal([]);
    namespacesOf.set(info.id, info.pids.map((pid) => readPidNamespace(pid)));
    const cleaned = await cleanupStaleLabs();
    expect(cleaned).to.include(info.id);
    expect(await waitForNoLeftovers(info.id, info.pids)).to.deep.equal([]);
  });
});

/** Pid namespaces of a lab's hosts, read while they still ran. */
const namespacesOf = new Map<string, string[]>();

/** Polls findLeftovers for up to 3 s: SIGKILLed processes take a moment to be gone. */
async function waitForNoLeftovers(id: string, pids: number[]): Promise<string[]> {
  const namespaces = namespacesOf.get(id) ?? pids.map((pid) => readPidNamespace(pid));
  const deadline = Date.now() + 3000;
  for (;;) {
    const left = findLeftovers(id, namespaces);
    if (!left.length || Date.now() > deadline) return left;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Connects once: 'connected', or the error code (ECONNREFUSED...). */
function tryConnect(host: string, port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message));
  });
}

async function expectRejection(promise: Promise<unknown>, pattern: RegExp): Promise<void> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(String(error)).to.match(pattern);
}

/** Runs fixtures/orphan-lab.ts; in `hang` mode SIGKILLs it once the lab is up. Resolves with its JSON line. */
function runOrphan(mode: 'exit' | 'hang'): Promise<{ out: string; code: number | null }> {
  const fixture = fileURLToPath(new URL('./fixtures/orphan-lab.ts', import.meta.url));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', fixture, mode], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      if (mode === 'hang' && out.includes('\n')) child.kill('SIGKILL');
    });
    child.once('error', reject);
    child.once('close', (code) => resolve({ out: out.trim(), code }));
  });
}
