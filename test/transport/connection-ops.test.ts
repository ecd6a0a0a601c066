// Connection API for scripts and tests: upload/fetch of trees with modes, exists, mkdir, remove, signal, follow, templates.
import { expect } from 'chai';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, loadInventory, renderTemplate } from '../../src/api.js';
import type { Connection } from '../../src/transport/types.js';
import { startLab, type Lab } from '../lab/index.js';
import { describeTree, makeTree } from '../support/tree.js';
import { waitFor } from './integration-support.js';

/** The same tests on a connection; `remote` is a scratch folder on its host; `remoteRead` reads a host file. */
function opsSuite(open: () => Promise<{ conn: Connection; remote: string; local: string }>): void {
  let conn: Connection;
  let remote: string;
  let local: string;
  before(async () => {
    ({ conn, remote, local } = await open());
  });
  after(async () => {
    await conn?.remove(remote).catch(() => undefined);
    await conn?.close();
    rmSync(local, { recursive: true, force: true });
  });

  it('upload and fetch a 3-level tree: same bytes, same modes', async () => {
    makeTree(join(local, 'src'));
    const up = await conn.upload(join(local, 'src'), `${remote}/tree`);
    expect(up).to.deep.equal({ files: 7, dirs: 5, bytes: up.bytes });
    expect(up.bytes).to.be.greaterThan(70_000);
    const back = await conn.fetch(`${remote}/tree`, join(local, 'back'));
    expect(back.files).to.equal(7);
    expect(describeTree(join(local, 'back'))).to.deep.equal(describeTree(join(local, 'src')));
    // The remote side too: modes as listed by the host itself.
    const ls = await conn.exec(`cd ${remote}/tree && stat -c '%a %n' a/b a/run.sh a/b/secret priv`);
    expect(ls.stdout.split('\n').filter(Boolean)).to.deep.equal(['750 a/b', '755 a/run.sh', '600 a/b/secret', '700 priv']);
  });

  it('upload and fetch one file; a missing source is a TransportError naming it', async () => {
    writeFileSync(join(local, 'one'), 'one file\n');
    chmodSync(join(local, 'one'), 0o640);
    await conn.upload(join(local, 'one'), `${remote}/one`);
    await conn.fetch(`${remote}/one`, join(local, 'one.back'));
    expect(readFileSync(join(local, 'one.back'), 'utf8')).to.equal('one file\n');
    expect(statSync(join(local, 'one.back')).mode & 0o777).to.equal(0o640);
    await conn.fetch(`${remote}/nope`, join(local, 'x')).then(
      () => expect.fail('fetched a missing file'),
      (err: Error & { code?: string }) => expect(err.message).to.contain(`${remote}/nope does not exist`),
    );
  });

  it('exists, mkdir -p and remove -rf; remove refuses /', async () => {
    expect(await conn.exists(`${remote}/m/n/o`)).to.equal(false);
    await conn.mkdir(`${remote}/m/n/o`);
    expect(await conn.exists(`${remote}/m/n/o`)).to.equal(true);
    await conn.remove(`${remote}/m`);
    expect(await conn.exists(`${remote}/m`)).to.equal(false);
    await conn.remove(`${remote}/m`);
    await conn.remove('/').then(() => expect.fail('removed /'), (err: Error) => expect(err.message).to.contain('refusing'));
  });

  it('signal by pattern and by pid; the shell doing it never matches itself', async () => {
    await conn.exec('setsid sleep 1001 </dev/null >/dev/null 2>&1 & setsid sleep 1002 </dev/null >/dev/null 2>&1 &');
    const count = async (p: string) => (await conn.exec(`pgrep -f -x '${p}' | wc -l`)).stdout.trim();
    expect(await waitFor(async () => (await count('sleep 1001')) === '1', 5000)).to.equal(true);
    const pids = await conn.signal('sleep 1001', 'KILL');
    expect(pids).to.have.length(1);
    expect(await waitFor(async () => (await count('sleep 1001')) === '0', 5000)).to.equal(true);
    expect(await conn.signal('sleep 1001', 'TERM'), 'nothing left to match').to.deep.equal([]);
    const pid = Number((await conn.exec(`pgrep -f -x 'sleep 1002'`)).stdout.trim());
    expect(await conn.signal(pid, 'SIGTERM')).to.deep.equal([pid]);
    expect(await waitFor(async () => (await count('sleep 1002')) === '0', 5000)).to.equal(true);
  });

  it('follow(path).waitFor: a line written after follow began; a timeout names the pattern', async () => {
    await conn.exec(`echo 'old started line' > ${remote}/app.log`);
    const f = conn.follow(`${remote}/app.log`);
    try {
      await f.ready;
      await conn.exec(`echo 'booting' >> ${remote}/app.log; echo 'server started on 8000' >> ${remote}/app.log`);
      expect(await f.waitFor(/started/, 5000)).to.equal('server started on 8000');
      await f.waitFor('never-written', 300).then(
        () => expect.fail('matched'),
        (err: Error & { code?: string }) => {
          expect(err.code).to.equal('E_FOLLOW_TIMEOUT');
          expect(err.message).to.contain('never-written');
        },
      );
    } finally {
      await f.stop();
    }
  });

  it('renderTemplate: {{ }} with params, the template mode kept; an unknown name is a usage error', async () => {
    writeFileSync(join(local, 'app.conf.tmpl'), 'port={{ port }}\nname={{ name }}\n');
    chmodSync(join(local, 'app.conf.tmpl'), 0o640);
    await renderTemplate(conn, join(local, 'app.conf.tmpl'), `${remote}/app.conf`, { params: { port: 8000, name: "it's me" } });
    expect((await conn.exec(`cat ${remote}/app.conf; stat -c %a ${remote}/app.conf`)).stdout).to.equal("port=8000\nname=it's me\n640\n");
    writeFileSync(join(local, 'bad.tmpl'), '{{ nope }}');
    await renderTemplate(conn, join(local, 'bad.tmpl'), `${remote}/bad`).then(() => expect.fail('rendered'), (err: Error) => expect(err.message).to.contain('nope'));
  });
}

describe('Connection API: files, paths, processes, logs, templates', function () {
  this.timeout(60_000);

  describe('transport: local', () => {
    opsSuite(async () => {
      const local = mkdtempSync(join(tmpdir(), 'smoker-ops-'));
      writeFileSync(join(local, 'inventory.yaml'), 'hosts:\n  here: { transport: local }\n');
      const conn = await connect(await loadInventory(join(local, 'inventory.yaml')), 'here');
      const remote = mkdtempSync(join(tmpdir(), 'smoker-ops-remote-'));
      return { conn, remote, local };
    });
  });

  describe('over SSH (SFTP) on a lab host @lab', () => {
    let lab: Lab;
    after(async () => lab?.close());
    opsSuite(async () => {
      lab = await startLab({ hosts: 1 });
      const local = mkdtempSync(join(tmpdir(), 'smoker-ops-'));
      const inventory = await loadInventory(lab.writeInventory(join(local, 'inventory.yaml')));
      const conn = await connect(inventory, lab.hosts[0]!.name);
      return { conn, remote: `/tmp/ops-${process.pid}`, local };
    });
  });
});
