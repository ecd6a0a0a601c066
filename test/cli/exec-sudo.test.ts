// sudo with a password from the environment: runs as root, the password lands in no session file (SPEC §5).
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LAB_SUDO_PASSWORD, LAB_SUDO_USER, type Lab } from '../lab/index.js';
import { smoker } from '../support/cli.js';
import {
  cliEnv,
  closeLabHome,
  hostOf,
  labInventory,
  listFiles,
  onlySession,
  openLabHome,
  parseExecJson,
  writeInventoryDoc,
} from '../transport/integration-support.js';

const PASSWORD_ENV = 'SMOKER_TEST_SUDO_PASSWORD';

describe('smoker exec with sudo and a password @lab', function () {
  this.timeout(120_000);
  let lab: Lab;
  let home: string;
  let inventory: string;
  let noPassword: string;

  /** Files under `dir` whose bytes contain the lab's sudo password. */
  const filesWithPassword = (dir: string) => listFiles(dir).filter((f) => readFileSync(f).includes(LAB_SUDO_PASSWORD));

  before(async () => {
    ({ lab, home } = await openLabHome({ hosts: 2, sudoUser: true }, 'smoker-sudo-'));
    const doc = labInventory(lab);
    Object.assign(doc.defaults, { user: LAB_SUDO_USER, sudo: true, sudoPasswordEnv: PASSWORD_ENV });
    inventory = writeInventoryDoc(join(home, 'sudo.yaml'), doc);
    delete doc.defaults['sudoPasswordEnv'];
    noPassword = writeInventoryDoc(join(home, 'sudo-n.yaml'), doc);
  });

  after(() => closeLabHome(lab, home));

  it('runs the command as root with the password piped to sudo -S; no session file holds the password', async () => {
    const results = join(home, 'results-ok');
    const r = await smoker(['exec', inventory, '--results', results, '--', 'whoami; id -un -r; echo "stdin: $(cat)"'], {
      env: cliEnv(home, { [PASSWORD_ENV]: LAB_SUDO_PASSWORD }),
    });
    expect(r.code, r.stdout + r.stderr).to.equal(0);
    // One group of both hosts; the command's stdin is empty: the password went to sudo only.
    expect(r.stdout).to.include('host[1-2] (2)\n---------------\nroot\nroot\nstdin: \n');
    expect(r.stdout + r.stderr).to.not.include(LAB_SUDO_PASSWORD);
    const session = onlySession(results);
    expect(listFiles(session).length).to.be.greaterThan(5);
    expect(filesWithPassword(session)).to.deep.equal([]);
    expect(readFileSync(join(session, 'hosts', 'host1', 'exec', 'stderr'), 'utf8')).to.equal('');
  });

  it('a wrong password is that command\'s error, not a hang, and is not echoed', async () => {
    const results = join(home, 'results-wrong');
    const t0 = Date.now();
    const r = await smoker(['exec', inventory, '--results', results, '-o', 'json', '--', 'whoami'], { env: cliEnv(home, { [PASSWORD_ENV]: 'wrong-password-123' }) });
    expect(Date.now() - t0, 'a hang bound (sudo waits ~2s per wrong password)').to.be.below(40_000);
    expect(r.code, r.stderr).to.equal(1);
    const h = hostOf(parseExecJson(r.stdout, r.stderr), 'host1');
    expect(h.status).to.equal('ERROR');
    expect(h.stdout).to.equal('');
    expect(h.stderr).to.match(/incorrect password|Sorry, try again/i);
    expect(listFiles(onlySession(results)).filter((f) => readFileSync(f).includes('wrong-password-123'))).to.deep.equal([]);
  });

  it('without sudoPasswordEnv, sudo -n fails at once instead of waiting for a password', async () => {
    const r = await smoker(['exec', noPassword, '--no-results', '-o', 'json', '--', 'whoami'], { env: cliEnv(home) });
    expect(r.code, r.stderr).to.equal(1);
    expect(hostOf(parseExecJson(r.stdout, r.stderr), 'host1').stderr).to.match(/a password is required/);
  });

  it('a timeout under sudo kills the root-owned process tree', async () => {
    const results = join(home, 'results-timeout');
    // Both sleeps note their pids (as root), so "nothing left" below means killed, not never started.
    const command = '(sleep 600 & echo $! >> /tmp/sudo.pids); echo $$ >> /tmp/sudo.pids; exec sleep 600';
    const r = await smoker(['exec', inventory, '-H', 'host2', '--timeout', '2s', '--results', results, '-o', 'json', '--', command], {
      env: cliEnv(home, { [PASSWORD_ENV]: LAB_SUDO_PASSWORD }),
    });
    expect(hostOf(parseExecJson(r.stdout, r.stderr), 'host2').timedOut).to.equal(true);
    const noted = await lab.exec('host2', 'stat -c %U /tmp/sudo.pids; cat /tmp/sudo.pids');
    expect(noted.stdout.trim().split('\n'), 'pid file: owner, then 2 pids').to.have.length(3);
    expect(noted.stdout.split('\n')[0]).to.equal('root');
    // Nothing left, the kill command's own processes included: smoker waited for them.
    const ps = await lab.exec('host2', 'ps -o args= -u root');
    const left = ps.stdout.split('\n').filter((l) => l && !/^(sshd|ps |\/bin\/sh -c ps )/.test(l));
    expect(left, 'root processes left on host2').to.deep.equal([]);
    expect(filesWithPassword(onlySession(results))).to.deep.equal([]);
  });
});
