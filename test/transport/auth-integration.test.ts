// Authentication against real sshd hosts: wrong key, encrypted key with passphraseEnv, ssh-agent (SPEC §5).
import { expect } from 'chai';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Lab } from '../lab/index.js';
import { smoker } from '../support/cli.js';
import {
  cliEnv,
  closeLabHome,
  hostOf,
  labInventory,
  openLabHome,
  parseExecJson,
  spawnOnPty,
  waitFor,
  writeInventoryDoc,
} from './integration-support.js';
import { generateKey } from './ssh-keygen.js';

describe('SSH authentication against real sshd @lab', function () {
  this.timeout(120_000);
  let lab: Lab;
  let home: string;
  let encryptedKey: string;
  let agent: ChildProcess | undefined;

  const run = async (inventory: string, env: NodeJS.ProcessEnv = {}) => {
    const r = await smoker(['exec', inventory, '--no-results', '-o', 'json', '--', 'id -un'], { env: cliEnv(home, env) });
    return { r, out: parseExecJson(r.stdout, r.stderr) };
  };

  before(async () => {
    ({ lab, home } = await openLabHome({ hosts: 3 }, 'smoker-auth-'));
    // An encrypted key (ssh-keygen's default format: bcrypt KDF, aes256-ctr), authorized on every lab host.
    encryptedKey = join(home, 'id_encrypted');
    const gen = spawnSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', 'secret', '-C', 'encrypted', '-f', encryptedKey]);
    expect(gen.status, gen.stderr.toString()).to.equal(0);
    appendFileSync(join(lab.dir, 'authorized_keys'), readFileSync(`${encryptedKey}.pub`));
  });

  after(async () => {
    agent?.kill();
    await closeLabHome(lab, home);
  });

  it('a wrong key fails that host alone, as an authentication error naming the key', async () => {
    generateKey(home, 'id_wrong');
    const doc = labInventory(lab);
    doc.hosts['host2'] = { ...doc.hosts['host2'], identityFile: join(home, 'id_wrong') };
    const { r, out } = await run(writeInventoryDoc(join(home, 'wrong-key.yaml'), doc));
    expect(r.code, r.stderr).to.equal(3);
    expect(hostOf(out, 'host2').unreachable).to.equal(
      `host2 (${lab.user}@${lab.host('host2').address}:22): authentication failed as ${lab.user}; tried publickey ${join(home, 'id_wrong')}`,
    );
    for (const h of ['host1', 'host3']) expect(hostOf(out, h).stdout, h).to.equal(`${lab.user}\n`);
  });

  it('an encrypted key works with its passphrase from passphraseEnv', async () => {
    expect(readFileSync(encryptedKey, 'utf8')).to.include('BEGIN OPENSSH PRIVATE KEY');
    const doc = labInventory(lab);
    doc.defaults['identityFile'] = encryptedKey;
    doc.defaults['passphraseEnv'] = 'SMOKER_TEST_KEY_PASSPHRASE';
    const inventory = writeInventoryDoc(join(home, 'encrypted.yaml'), doc);
    const ok = await run(inventory, { SMOKER_TEST_KEY_PASSPHRASE: 'secret' });
    expect(ok.r.code, ok.r.stderr).to.equal(0);
    expect(ok.out.hosts.map((h) => h.stdout)).to.deep.equal([`${lab.user}\n`, `${lab.user}\n`, `${lab.user}\n`]);

    const wrong = await run(inventory, { SMOKER_TEST_KEY_PASSPHRASE: 'not the passphrase' });
    expect(wrong.r.code).to.equal(3);
    expect(hostOf(wrong.out, 'host1').unreachable).to.include(`cannot decrypt identity file ${encryptedKey}`);
    expect(wrong.r.stdout + wrong.r.stderr).to.not.include('not the passphrase');

    const unset = await run(inventory, { SMOKER_TEST_KEY_PASSPHRASE: undefined });
    expect(unset.r.code).to.equal(3);
    expect(hostOf(unset.out, 'host1').unreachable).to.include('environment variable SMOKER_TEST_KEY_PASSPHRASE is not set');
  });

  it('asks for an encrypted key\'s passphrase once on the terminal, the question left visible', async () => {
    const doc = labInventory(lab);
    doc.defaults['identityFile'] = encryptedKey;
    const run = await spawnOnPty(['exec', writeInventoryDoc(join(home, 'prompt.yaml'), doc), '--no-results', '--', 'id -un'], cliEnv(home));
    const question = `Passphrase for ${encryptedKey}: `;
    const asked = await waitFor(async () => run.output().includes(question), 15_000, 50);
    expect(asked, run.output()).to.equal(true);
    // Give a spinner time to draw over the question, as it would while a person reads and types.
    await sleep(500);
    const after = run.output().slice(run.output().indexOf(question) + question.length);
    // Cursor moves and showing the cursor are fine; text or an erase (spinner frames, `ESC[0J`) is not.
    expect(after.replace(/\x1b\[(\d*G|\?25h)/g, ''), 'terminal output after the question').to.equal('');
    run.pty.write('secret\r');
    const { exitCode, signal } = await run.exited;
    expect({ exitCode, signal: signal || 0 }, run.output()).to.deep.equal({ exitCode: 0, signal: 0 });
    expect(run.output().split(question)).to.have.length(2);
    expect(run.output()).to.include(`host[1-3] (3)`);
    expect(run.output()).to.not.include('secret');
  });

  it('authenticates through a real ssh-agent when no identity file is configured', async () => {
    const sock = join(home, 'agent.sock');
    agent = spawn('ssh-agent', ['-D', '-a', sock], { stdio: 'ignore' });
    expect(await waitFor(async () => existsSync(sock), 5000, 20), 'agent socket').to.equal(true);
    const doc = labInventory(lab);
    delete doc.defaults['identityFile'];
    const inventory = writeInventoryDoc(join(home, 'agent.yaml'), doc);

    // An empty agent (and no key in the empty HOME) cannot log in: the key below is what makes it work.
    const empty = await run(inventory, { SSH_AUTH_SOCK: sock });
    expect(empty.r.code).to.equal(3);
    expect(hostOf(empty.out, 'host1').unreachable).to.include('authentication failed');

    const add = spawnSync('ssh-add', [lab.clientKey], { env: { ...process.env, SSH_AUTH_SOCK: sock }, encoding: 'utf8' });
    expect(add.status, add.stderr).to.equal(0);
    const ok = await run(inventory, { SSH_AUTH_SOCK: sock });
    expect(ok.r.code, ok.r.stderr).to.equal(0);
    expect(ok.out.hosts.map((h) => h.stdout)).to.deep.equal([`${lab.user}\n`, `${lab.user}\n`, `${lab.user}\n`]);
  });
});
