// A timeout kills exactly the timed-out check's process tree (setsid children too) and nothing of other checks.
import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadInventory } from '../../src/config/inventory.js';
import { Connector } from '../../src/transport/connector.js';
import { LocalConnection } from '../../src/transport/local-connection.js';
import type { Connection } from '../../src/transport/types.js';
import { smoker } from '../support/cli.js';
import { cliEnv, closeLabHome, openLabHome, pgrepOnHost, waitFor, type LabHome } from './integration-support.js';

describe('transport: a timeout kills its own check and nothing else @lab', function () {
  this.timeout(90_000);
  let env: LabHome | undefined;

  before(async () => {
    env = await openLabHome({ hosts: 1 }, 'smoker-kill-scope-');
  });
  after(async () => closeLabHome(env?.lab, env?.home));

  const alive = async (pattern: string) => (await pgrepOnHost(env!.lab, 'host1', pattern)).length > 0;

  it('smoker run: daemons started by passing checks survive two other checks timing out; the setsid child of a timed-out check does not', async () => {
    const { home, inventory } = env!;
    writeFileSync(
      join(home, 'kill-scope.yaml'),
      `checks:
  daemon1: { command: "nohup sleep 3011 >/dev/null 2>&1 & echo started" }
  daemon2: { command: "nohup sleep 3012 >/dev/null 2>&1 & echo started" }
  slow1: { command: "sleep 3013", timeout: 1s }
  slow2: { command: "setsid sleep 3014 >/dev/null 2>&1 & sleep 3015", timeout: 1s }
`,
    );
    const r = await smoker(['run', inventory, '--checks', join(home, 'kill-scope.yaml'), '-o', 'json'], { env: cliEnv(home) });
    expect(r.code, r.stderr).to.equal(1);
    const report = JSON.parse(r.stdout) as { hosts: Record<string, { checks: Record<string, { status: string }> }> };
    const status = Object.fromEntries(Object.entries(report.hosts['host1']?.checks ?? {}).map(([k, v]) => [k, v.status]));
    expect(status).to.deep.equal({ daemon1: 'OK', daemon2: 'OK', slow1: 'ERROR', slow2: 'ERROR' });
    expect(await alive('^sleep 3011$'), 'daemon1 was killed').to.equal(true);
    expect(await alive('^sleep 3012$'), 'daemon2 was killed').to.equal(true);
    expect(await waitFor(async () => !(await alive('^sleep 301[345]$')), 3_000), 'the timed-out checks left processes').to.equal(true);
    await env!.lab.exec('host1', 'pkill -f "^sleep 301" || true');
  });

  for (const shareSession of [false, true]) {
    it(`library (${shareSession ? 'shared session' : 'own session'}): a timeout kills a setsid grandchild, leaves another command's daemon`, async () => {
      const { lab, home } = env!;
      const inv = loadInventory(lab.writeInventory(join(home, 'inventory.yaml')));
      const connector = new Connector({ inventoryHosts: inv.hosts, sshConfig: false });
      const conn: Connection = await connector.connect(inv.hosts[0]!);
      try {
        const daemon = await conn.exec('nohup sleep 3021 >/dev/null 2>&1 &', { shareSession });
        expect(daemon.exitCode).to.equal(0);
        const slow = await conn.exec('setsid sh -c "sleep 3022" >/dev/null 2>&1 & while :; do sleep 1; done', { shareSession, timeoutMs: 800 });
        expect(slow.timedOut).to.equal(true);
        expect(await waitFor(async () => !(await alive('^sleep 3022$')), 3_000), 'the setsid child survived').to.equal(true);
        expect(await alive('^sleep 3021$'), 'the other command\'s daemon was killed').to.equal(true);
      } finally {
        await lab.exec('host1', 'pkill -f "sleep 302" || true');
        await conn.close();
        await connector.close();
      }
    });
  }

  it('library (shared session): a timed-out command run without a /bin/sh of its own (a plain loop) leaves nothing, and another command\'s daemon lives', async () => {
    const { lab, home } = env!;
    const inv = loadInventory(lab.writeInventory(join(home, 'inventory.yaml')));
    const connector = new Connector({ inventoryHosts: inv.hosts, sshConfig: false });
    const conn: Connection = await connector.connect(inv.hosts[0]!);
    try {
      const daemon = await conn.exec('nohup sleep 3031 >/dev/null 2>&1 &', { shareSession: true });
      expect(daemon.exitCode).to.equal(0);
      // No `&` and no `$$`: the loop runs in the forked subshell of the shared shell, which carries no job marker.
      const slow = await conn.exec('while :; do sleep 0.3032; done', { shareSession: true, timeoutMs: 800 });
      expect(slow.timedOut).to.equal(true);
      // The loop's shell would start a new `sleep 0.3032` every 0.3 s while it lives.
      await new Promise((r) => setTimeout(r, 1_000));
      expect(await alive('^sleep 0.3032$'), 'the loop survived its timeout').to.equal(false);
      expect(await alive('^sleep 3031$'), 'the other command\'s daemon was killed').to.equal(true);
    } finally {
      await lab.exec('host1', 'pkill -f "sleep 303" || true');
      await conn.close();
      await connector.close();
    }
  });

  it('transport: local — a timeout kills the setsid grandchild too, and not another command\'s daemon', async () => {
    const conn = new LocalConnection('here', 8);
    const tag = `${process.pid}`;
    const running = (n: string) => {
      try {
        return execFileSync('pgrep', ['-f', `^sleep 40${n}${tag}$`], { encoding: 'utf8' }).trim() !== '';
      } catch {
        return false;
      }
    };
    try {
      await conn.exec(`nohup sleep 401${tag} >/dev/null 2>&1 &`);
      // A setsid child keeps the marker; a child started with a clean environment is found as a descendant.
      const slow = await conn.exec(`setsid sleep 402${tag} >/dev/null 2>&1 & env -i /bin/sh -c "trap '' TERM; sleep 405${tag}" & sleep 403${tag}`, { timeoutMs: 800 });
      expect(slow.timedOut).to.equal(true);
      expect(await waitFor(async () => !running('2') && !running('3') && !running('5'), 3_000), 'the timed-out command left processes').to.equal(true);
      expect(running('1'), 'the other command\'s daemon was killed').to.equal(true);
    } finally {
      execFileSync('sh', ['-c', `pkill -f "^sleep 40[1235]${tag}$" || true`]);
    }
  });
});
