// Actions after a check: a real NSCA daemon on loopback receives a passive result from send_nsca (where: controller),
// and an action on the host itself (where: host). Outcomes are recorded under the check in report.json.
import { expect } from 'chai';
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunReport } from '../../src/results/types.js';
import { smoker } from '../support/cli.js';
import { explain, result, startRunLab, type RunLab } from './support.js';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, ms: number): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = createConnection({ host: '127.0.0.1', port }, () => (s.destroy(), resolve(true)));
      s.once('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > until) throw new Error(`nsca did not listen on 127.0.0.1:${port} within ${ms}ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function waitFor<T>(what: string, ms: number, probe: () => T | undefined): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = probe();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('smoker run: actions with a real NSCA daemon @lab', function () {
  this.timeout(120_000);
  let rl: RunLab;
  let dir: string;
  let nsca: ChildProcess | undefined;
  let nscaLog = '';
  let commandFile: string;
  let report: RunReport;
  let code: number | null;

  before(async () => {
    rl = await startRunLab(2);
    dir = mkdtempSync(join(tmpdir(), 'smoker-nsca-'));
    // nsca runs as nobody: it must reach the command file.
    chmodSync(dir, 0o755);
    const port = await freePort();
    commandFile = join(dir, 'nagios.cmd');
    writeFileSync(commandFile, '');
    chmodSync(commandFile, 0o666);
    writeFileSync(
      join(dir, 'nsca.cfg'),
      [
        `pid_file=${join(dir, 'nsca.pid')}`,
        `server_port=${port}`,
        'server_address=127.0.0.1',
        // nsca drops root privileges to these; the command file is world-writable for that.
        'nsca_user=nobody',
        'nsca_group=nogroup',
        'debug=1',
        `command_file=${commandFile}`,
        `alternate_dump_file=${join(dir, 'nsca.dump')}`,
        'aggregate_writes=0',
        'append_to_file=1',
        'max_packet_age=30',
        'decryption_method=0',
        '',
      ].join('\n'),
    );
    writeFileSync(join(dir, 'send_nsca.cfg'), 'encryption_method=0\n');
    nsca = spawn('nsca', ['-f', '-c', join(dir, 'nsca.cfg'), '--single'], { stdio: ['ignore', 'pipe', 'pipe'] });
    nsca.stdout?.on('data', (d) => (nscaLog += d));
    nsca.stderr?.on('data', (d) => (nscaLog += d));
    await waitForPort(port, 10_000);

    const send = `printf '%s\\t%s\\t%s\\t%s\\n' "$SMOKER_HOST" "$SMOKER_CHECK" "$SMOKER_NAGIOS_CODE" "$SMOKER_MESSAGE" | send_nsca -H 127.0.0.1 -p ${port} -c ${join(dir, 'send_nsca.cfg')}`;
    writeFileSync(join(rl.dir, 'note.sh'), '#!/bin/sh\ndirname "$0" > /tmp/action-script-dir\necho "noted $SMOKER_CHECK"\n', { mode: 0o755 });
    const checks = rl.checks(
      'actions.yaml',
      `actions:
  script: { module: ./note.sh, on: [ERROR] }
  nsca: { command: ${JSON.stringify(send)}, on: [ERROR, WARN], where: controller }
  on-host:
    command: 'cat > /tmp/action-input.json; echo "$SMOKER_CHECK $SMOKER_STATUS $SMOKER_EXIT_CODE" > /tmp/action-ran; echo host action done'
    where: host
checks:
  disk-full: { command: "echo 'disk / is 97% full' >&2; exit 2", action: nsca, hosts: host1 }
  degraded:  { command: "/usr/lib/nagios/plugins/check_dummy 1 'replica lagging'", parser: nagios, action: nsca, hosts: host2 }
  healthy:   { command: "echo fine", action: nsca }
  local-fix: { command: "exit 1", action: on-host, hosts: host2 }
  scripted:  { command: "exit 1", action: script, hosts: host1 }
`,
    );
    const results = join(dir, 'results');
    const out = await smoker(['run', rl.inventory('inventory-actions.yaml'), '--checks', checks, '--results', results, '-o', 'json']);
    code = out.code;
    const session = readdirSync(results).filter((d) => d !== 'latest');
    expect(session, out.stderr).to.have.length(1);
    report = JSON.parse(readFileSync(join(results, session[0] as string, 'report.json'), 'utf8')) as RunReport;
  });

  after(async () => {
    nsca?.kill('SIGTERM');
    await rl?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('the failing check triggered send_nsca on the controller; the daemon wrote PROCESS_SERVICE_CHECK_RESULT', async () => {
    expect(code).to.equal(1);
    const lines = await waitFor('two passive results in the command file', 10_000, () => {
      const text = existsSync(commandFile) ? readFileSync(commandFile, 'utf8') : '';
      const found = text.split('\n').filter((l) => l.includes('PROCESS_SERVICE_CHECK_RESULT'));
      return found.length >= 2 ? found : undefined;
    }).catch((e: Error) => {
      throw new Error(`${e.message}\nnsca said: ${nscaLog}`);
    });
    const bare = lines.map((l) => l.replace(/^\[\d+\] /, '')).sort();
    expect(bare).to.deep.equal([
      'PROCESS_SERVICE_CHECK_RESULT;host1;disk-full;2;command exited with code 2; disk / is 97% full',
      'PROCESS_SERVICE_CHECK_RESULT;host2;degraded;1;WARNING: replica lagging',
    ]);
  });

  it('records the action outcome under the check in report.json', () => {
    const r = result(report, 'host1', 'disk-full');
    expect(r.status, explain(r)).to.equal('ERROR');
    expect(r.action).to.deep.include({ name: 'nsca', where: 'controller', exitCode: 0, status: 'OK' });
    expect(r.action?.stdout).to.match(/1 data packet\(s\) sent to host successfully/);
    expect(result(report, 'host2', 'degraded').action?.status).to.equal('OK');
  });

  it('does not run the action for a status outside on:', () => {
    expect(result(report, 'host1', 'healthy').action).to.equal(undefined);
    expect(result(report, 'host2', 'healthy').action).to.equal(undefined);
  });

  it('where: host runs on the checked host with the result as JSON on stdin and SMOKER_* variables', async () => {
    const r = result(report, 'host2', 'local-fix');
    expect(r.action).to.deep.include({ name: 'on-host', where: 'host', exitCode: 0, status: 'OK', stdout: 'host action done\n' });
    const ran = await rl.lab.exec('host2', 'cat /tmp/action-ran; cat /tmp/action-input.json');
    const [line, json] = ran.stdout.split('\n');
    expect(line).to.equal('local-fix ERROR 1');
    expect(JSON.parse(json as string)).to.deep.include({ check: 'local-fix', host: 'host2', status: 'ERROR', exitCode: 1 });
    // never on the controller or the other host
    expect((await rl.lab.exec('host1', 'test -e /tmp/action-ran; echo $?')).stdout).to.equal('1\n');
  });

  it('an action script (module:) is uploaded to the private temp dir on the host, which is removed afterwards', async () => {
    const r = result(report, 'host1', 'scripted');
    expect(r.action).to.deep.include({ name: 'script', where: 'host', exitCode: 0, status: 'OK', stdout: 'noted scripted\n' });
    const ran = await rl.lab.exec('host1', 'd=$(cat /tmp/action-script-dir); echo "$d"; test -e "$d"; echo $?');
    const [dir, exists] = ran.stdout.split('\n');
    expect(dir).to.match(/^\/tmp\/smoker\.[A-Za-z0-9]{8}$/);
    expect(exists).to.equal('1');
  });
});
