// -v/-vv: connection detail on stderr, as ssh -v users expect; session.log holds the same (issue 15 item 10).
import { expect } from 'chai';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Lab } from '../lab/index.js';
import { smoker } from '../support/cli.js';
import { fingerprintSha256 } from '../../src/transport/fingerprint.js';
import { renderScreen } from '../support/screen.js';
import { cliEnv, closeLabHome, labInventory, onlySession, openLabHome, removeDir, spawnOnPty, writeInventoryDoc } from '../transport/integration-support.js';

/** The known_hosts line (1-based) for a lab host and the SHA256 fingerprint of its key. */
function knownKey(lab: Lab, host: string): { line: number; fingerprint: string } {
  const { address, port } = lab.host(host);
  const name = port === 22 ? address : `[${address}]:${port}`;
  const lines = readFileSync(lab.knownHosts, 'utf8').split('\n');
  const i = lines.findIndex((l) => l.split(' ')[0]?.split(',').includes(name));
  const blob = Buffer.from(lines[i]?.split(' ')[2] ?? '', 'base64');
  return { line: i + 1, fingerprint: fingerprintSha256(blob) };
}

describe('smoker exec -v / -vv @lab', function () {
  this.timeout(120_000);
  let lab: Lab;
  let home: string;
  let inventory: string;
  let key: string;

  before(async () => {
    ({ lab, home, inventory } = await openLabHome({ hosts: 3 }, 'smoker-verbose-'));
    key = String(labInventory(lab).defaults['identityFile']);
  });
  after(() => closeLabHome(lab, home));

  const exec = (args: string[], env: NodeJS.ProcessEnv = {}) => smoker(['exec', ...args, '--', 'echo hi'], { env: cliEnv(home, env) });

  it('-v: address, port, user, host key with its known_hosts line, and the key used, for each host; stdout unchanged', async () => {
    const plain = await exec([inventory, '--no-results']);
    const r = await exec([inventory, '--no-results', '-v']);
    expect(r.code, r.stderr).to.equal(0);
    const untimed = (s: string) => s.replace(/ · \d+ms\n$/, '\n');
    expect(untimed(r.stdout)).to.equal(untimed(plain.stdout));
    for (const h of ['host1', 'host2', 'host3']) {
      const { address, port } = lab.host(h);
      const { line, fingerprint } = knownKey(lab, h);
      expect(r.stderr).to.include(`${h}: connecting to ${lab.user}@${address}:${port}\n`);
      expect(r.stderr).to.include(`${h}: host key ssh-ed25519 ${fingerprint} (known_hosts: ${lab.knownHosts}:${line})\n`);
      expect(r.stderr).to.match(new RegExp(`${h}: authenticated \\(publickey, key ${key.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\) in \\d+ ms\\n`));
    }
    // -v is the summary: no phase timings.
    expect(r.stderr).not.to.include('TCP connected').and.not.include('handshake');
    expect(plain.stderr).not.to.include('connecting to');
  });

  it('-vv: each phase timed (TCP, handshake, auth, channel, command exit)', async () => {
    const r = await exec([inventory, '-H', 'host1', '--no-results', '-vv']);
    expect(r.code, r.stderr).to.equal(0);
    for (const re of [
      /host1: TCP connected in \d+ ms/,
      /host1: handshake \(kex \S+, host key ssh-ed25519, cipher \S+\) done in \d+ ms/,
      /host1: auth trying publickey /,
      /host1: authenticated \(publickey, key .*\) in \d+ ms/,
      /host1: channel open in \d+ ms, command \S+ started/,
      /host1: command \S+ exited 0 after \d+ ms/,
      /host1: ssh2: Remote ident: 'SSH-2\.0-OpenSSH/,
    ]) {
      expect(r.stderr).to.match(re);
    }
    expect(r.stderr, 'never the command text').not.to.include('echo hi');
  });

  it('a host behind a jump host says so, and the jump host is traced too', async () => {
    const doc = labInventory(lab);
    doc.hosts['host3'] = { ...doc.hosts['host3'], jump: 'host1' };
    const inv = writeInventoryDoc(join(home, 'jump.yaml'), doc);
    const r = await exec([inv, '-H', 'host3', '--no-results', '-v']);
    expect(r.code, r.stderr).to.equal(0);
    const { address, port } = lab.host('host3');
    expect(r.stderr).to.include(`host3: connecting to ${lab.user}@${address}:${port} via jump host1\n`);
    expect(r.stderr).to.include(`host1: connecting to ${lab.user}@${lab.host('host1').address}:${lab.host('host1').port}\n`);
  });

  it('a failing auth shows every key tried (-vv: each rejected), and no secret', async () => {
    const doc = labInventory(lab);
    const wrong = join(home, 'wrong_key');
    const { execFileSync } = await import('node:child_process');
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', wrong]);
    doc.defaults['identityFile'] = [wrong];
    doc.defaults['passwordEnv'] = 'SMOKER_TEST_PW';
    const inv = writeInventoryDoc(join(home, 'wrong.yaml'), doc);
    const r = await exec([inv, '-H', 'host2', '--no-results', '-vv'], { SMOKER_TEST_PW: 'not-the-password-s3cret' });
    expect(r.code, r.stderr).to.equal(3);
    expect(r.stderr).to.match(new RegExp(`host2: auth publickey ${wrong}: rejected after \\d+ ms`));
    expect(r.stderr).to.match(/host2: auth password: rejected after \d+ ms/);
    expect(r.stderr).to.match(new RegExp(`host2: not connected after \\d+ ms: .*authentication failed as ${lab.user}; tried publickey ${wrong}, keyboard-interactive, password`));
    expect(r.stdout + r.stderr).not.to.include('s3cret');
  });

  it('session.log holds the -v lines without -v, and the -vv lines with -vv', async () => {
    const results = join(home, 'results');
    try {
      const r = await exec([inventory, '-H', 'host1', '--results', results]);
      expect(r.code, r.stderr).to.equal(0);
      expect(r.stderr).not.to.include('connecting to');
      const log = readFileSync(join(onlySession(results), 'session.log'), 'utf8');
      expect(log).to.include(`host1: connecting to ${lab.user}@${lab.host('host1').address}:${lab.host('host1').port}`);
      expect(log).to.include(`host1: host key ssh-ed25519 ${knownKey(lab, 'host1').fingerprint}`);
      expect(log).to.match(/host1: authenticated \(publickey, key .*\) in \d+ ms/);
      expect(log).not.to.include('TCP connected');
      removeDir(results);
      const vv = await exec([inventory, '-H', 'host1', '--results', results, '-vv']);
      expect(vv.code, vv.stderr).to.equal(0);
      expect(readFileSync(join(onlySession(results), 'session.log'), 'utf8')).to.match(/host1: TCP connected in \d+ ms/);
    } finally {
      removeDir(results);
    }
  });

  it('smoker test -v: the connections of a test are traced too, and -u overrides the inventory there as in run', async () => {
    const tests = join(home, 'verbose-tests.yaml');
    writeFileSync(tests, 'tests:\n  hello:\n    steps:\n      - exec: { command: "echo hi", on: host2 }\n');
    const r = await smoker(['test', tests, '-i', inventory, '--no-results', '-v'], { env: cliEnv(home) });
    expect(r.code, r.stdout + r.stderr).to.equal(0);
    const { address, port } = lab.host('host2');
    expect(r.stderr).to.include(`host2: connecting to ${lab.user}@${address}:${port}\n`);
    expect(r.stderr).to.match(/host2: authenticated \(publickey, key .*\) in \d+ ms\n/);
    const quiet = await smoker(['test', tests, '-i', inventory, '--no-results'], { env: cliEnv(home) });
    expect(quiet.code, quiet.stderr).to.equal(0);
    expect(quiet.stderr).not.to.include('connecting to');
    // -u: a user the lab does not have is refused, so the flag reached the test's connections.
    const wrongUser = await smoker(['test', tests, '-i', inventory, '--no-results', '-u', 'nosuchuser', '-v'], { env: cliEnv(home) });
    expect(wrongUser.code).to.equal(1);
    expect(wrongUser.stderr).to.include(`host2: connecting to nosuchuser@${address}:${port}\n`);
  });

  it('on a terminal, -v lines stay whole: no spinner redraws over them', async () => {
    const run = await spawnOnPty(['exec', inventory, '--no-results', '-v', '--', 'sleep 1'], cliEnv(home));
    const { exitCode } = await run.exited;
    const screen = renderScreen(run.output());
    expect(exitCode, run.output()).to.equal(0);
    for (const h of ['host1', 'host2', 'host3']) expect(screen.filter((l) => l.startsWith(`${h}: authenticated (`)), screen.join('\n')).to.have.length(1);
    expect(run.output()).not.to.match(/[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]/);
  });
});
