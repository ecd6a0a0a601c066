// exec on a par with clush/pssh: remote stderr on local stderr, stdin forwarded to every host, a visible cut at 1 MiB (issue 15 items 5, 6, 9).
import { expect } from 'chai';
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Lab } from '../lab/index.js';
import { smoker } from '../support/cli.js';
import { cliEnv, closeLabHome, hostOf, onlySession, openLabHome, parseExecJson } from '../transport/integration-support.js';

describe('smoker exec streams @lab', function () {
  this.timeout(120_000);
  let lab: Lab;
  let home: string;
  let inventory: string;

  before(async () => {
    ({ lab, home, inventory } = await openLabHome({ hosts: 3 }, 'smoker-exec-streams-'));
  });

  after(() => closeLabHome(lab, home));

  it('prints remote stderr on local stderr, labelled with its hosts; -o json keeps both', async () => {
    const cmd = 'echo to-out; echo to-err >&2';
    const r = await smoker(['exec', inventory, '--no-results', '--', cmd], { env: cliEnv(home) });
    expect(r.code, r.stderr).to.equal(0);
    expect(r.stdout).to.include('to-out');
    expect(r.stdout).to.not.include('to-err');
    expect(r.stderr).to.include('host[1-3]: to-err\n');
    const j = await smoker(['exec', inventory, '--no-results', '-o', 'json', '--', cmd], { env: cliEnv(home) });
    const h = hostOf(parseExecJson(j.stdout, j.stderr), 'host2');
    expect(h.stdout).to.equal('to-out\n');
    expect(h.stderr).to.equal('to-err\n');
  });

  it('sends a 20 MB binary stdin to every host whole (pssh -I)', async () => {
    const file = join(home, 'payload.bin');
    const payload = randomBytes(20 * 1024 * 1024);
    writeFileSync(file, payload);
    const want = createHash('sha256').update(payload).digest('hex');
    const fd = openSync(file, 'r');
    try {
      const r = await smoker(['exec', inventory, '--no-results', '-o', 'json', '--', 'sha256sum'], { env: cliEnv(home), stdinFd: fd });
      expect(r.code, r.stderr).to.equal(0);
      const out = parseExecJson(r.stdout, r.stderr);
      for (const name of ['host1', 'host2', 'host3']) expect(hostOf(out, name).stdout, name).to.match(new RegExp(`^${want}  -\\n`));
    } finally {
      closeSync(fd);
    }
  });

  it('marks where human output is cut at 1 MiB, at a line end, with the path of the whole output', async () => {
    const results = join(home, 'results-cut');
    const r = await smoker(['exec', inventory, '-H', 'host1', '--results', results, '--', 'yes 0123456789 | head -c 2000000'], { env: cliEnv(home) });
    expect(r.code, r.stderr).to.equal(0);
    const m = /^… output truncated at 1 MiB; whole output: (.+)$/m.exec(r.stdout);
    expect(m, r.stdout.slice(-300)).to.not.equal(null);
    const path = m?.[1] ?? '';
    expect(path.startsWith(onlySession(results))).to.equal(true);
    expect(existsSync(path) && statSync(path).size).to.equal(2_000_000);
    // Every line before the marker is whole.
    const before = r.stdout.slice(r.stdout.indexOf('0123456789'), m?.index);
    expect(before.split('\n').filter((l) => l !== '' && l !== '0123456789')).to.deep.equal([]);
  });
});
