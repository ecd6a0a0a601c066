import { expect } from 'chai';
import { execFile, execFileSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { TransportError } from '../../src/errors.js';
import { fingerprintSha256 } from '../../src/transport/fingerprint.js';
import { HostKeyErrorCode } from '../../src/transport/host-key-errors.js';
import { clearKnownHostsCache } from '../../src/transport/known-hosts-file.js';
import { parseKnownHostsLine } from '../../src/transport/known-hosts-parse.js';
import {
  HOST_KEY_OFF_WARNING,
  findKnownHostKeyTypes,
  verifyHostKey,
  type HostKeyVerdict,
} from '../../src/transport/known-hosts.js';
import { generateKey, knownHostsLine, sshKeygenFind, type TestKey } from './ssh-keygen.js';

const run = promisify(execFile);
let keys: Record<'a' | 'b' | 'c' | 'ec' | 'rsa', TestKey> | undefined;

describe('transport/known-hosts (real ssh-keygen keys)', () => {
  let dir: string;
  let a: TestKey;
  let b: TestKey;
  let c: TestKey;
  let ec: TestKey;
  let rsa: TestKey;
  let n = 0;
  const file = (text: string) => {
    const f = join(dir, `known_hosts_${n++}`);
    writeFileSync(f, text);
    return f;
  };
  const refused = (v: HostKeyVerdict): TransportError => {
    if (v.ok) throw new Error('expected a refusal, got acceptance');
    return v.error;
  };

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'smoker-kh-'));
    // Made once per process: StrykerJS re-runs these tests for every mutant they reach (npm run mutate), and five
    // ssh-keygen runs (one of them RSA) per re-run were most of a mutation run's time. Only the key data is used later.
    keys ??= {
      a: generateKey(dir, 'a'),
      b: generateKey(dir, 'b'),
      c: generateKey(dir, 'c'),
      ec: generateKey(dir, 'ec', 'ecdsa'),
      rsa: generateKey(dir, 'rsa', 'rsa'),
    };
    ({ a, b, c, ec, rsa } = keys);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));
  beforeEach(() => clearKnownHostsCache());

  it('computes the same SHA256 fingerprint as ssh-keygen -lf for ed25519, ecdsa and rsa', () => {
    for (const k of [a, ec, rsa]) expect(fingerprintSha256(k.blob)).to.equal(k.fingerprint);
  });

  it('accepts a plain entry under strict and refuses an unknown host', async () => {
    const kh = file(`# comment\n\n${knownHostsLine('web1,10.0.0.1', a)} a comment\n`);
    // `where` names the line that vouched for the key (shown by -v).
    expect(await verifyHostKey({ host: 'web1', port: 22, key: a.blob, files: [kh], policy: 'strict' })).to.deep.equal({ ok: true, where: `known_hosts: ${kh}:3` });
    expect(await verifyHostKey({ host: '10.0.0.1', port: 22, key: a.blob, files: [kh], policy: 'strict' })).to.deep.equal({ ok: true, where: `known_hosts: ${kh}:3` });
    expect(await verifyHostKey({ host: 'WEB1', port: 22, key: a.blob, files: [kh], policy: 'strict' })).to.deep.equal({ ok: true, where: `known_hosts: ${kh}:3` });
    const err = refused(await verifyHostKey({ host: 'web2', port: 22, key: a.blob, files: [kh, join(dir, 'missing')], policy: 'strict' }));
    expect(err).to.be.instanceOf(TransportError);
    expect(err.code).to.equal(HostKeyErrorCode.unknown);
    expect(err.message).to.include('web2').and.include(kh).and.include(join(dir, 'missing')).and.include(a.fingerprint);
  });

  it('accepts hashed entries written by ssh-keygen -H, for bare and [host]:port names', async () => {
    const kh = file([knownHostsLine('web1', a), knownHostsLine('[web2]:2222', b), knownHostsLine('10.1.2.3', c)].join('\n') + '\n');
    execFileSync('ssh-keygen', ['-H', '-f', kh], { stdio: 'ignore' });
    const text = readFileSync(kh, 'utf8');
    expect(text).not.to.include('web1');
    expect(text.trim().split('\n').every((l) => l.startsWith('|1|'))).to.equal(true);
    expect(await verifyHostKey({ host: 'web1', port: 22, key: a.blob, files: [kh], policy: 'strict' })).to.deep.equal({ ok: true, where: `known_hosts: ${kh}:1` });
    expect(await verifyHostKey({ host: 'web2', port: 2222, key: b.blob, files: [kh], policy: 'strict' })).to.deep.equal({ ok: true, where: `known_hosts: ${kh}:2` });
    expect(await verifyHostKey({ host: '10.1.2.3', port: 22, key: c.blob, files: [kh], policy: 'strict' })).to.deep.equal({ ok: true, where: `known_hosts: ${kh}:3` });
    const err = refused(await verifyHostKey({ host: 'web1', port: 22, key: b.blob, files: [kh], policy: 'strict' }));
    expect(err.code).to.equal(HostKeyErrorCode.changed);
    expect(err.message).to.include(`${kh}:1`).and.include(a.fingerprint).and.include(b.fingerprint);
    expect(refused(await verifyHostKey({ host: 'web2', port: 22, key: b.blob, files: [kh], policy: 'strict' })).code).to.equal(HostKeyErrorCode.unknown);
  });

  it('matches [host]:port entries only on that port, and bare entries only on port 22', async () => {
    const kh = file(`${knownHostsLine('[db1]:2222', a)}\n${knownHostsLine('db2', b)}\n`);
    expect(await verifyHostKey({ host: 'db1', port: 2222, key: a.blob, files: [kh], policy: 'strict' })).to.deep.equal({ ok: true, where: `known_hosts: ${kh}:1` });
    expect(refused(await verifyHostKey({ host: 'db1', port: 22, key: a.blob, files: [kh], policy: 'strict' })).code).to.equal(HostKeyErrorCode.unknown);
    expect(refused(await verifyHostKey({ host: 'db2', port: 2200, key: b.blob, files: [kh], policy: 'strict' })).code).to.equal(HostKeyErrorCode.unknown);
    const err = refused(await verifyHostKey({ host: 'db1', port: 2223, key: a.blob, files: [kh], policy: 'strict' }));
    expect(err.message).to.include('[db1]:2223');
  });

  it('honours wildcards and negated patterns in host lists', async () => {
    const kh = file(`${knownHostsLine('*.example.com,!bad.example.com', a)}\n${knownHostsLine('web?', b)}\n${knownHostsLine('[*.lab]:2222', c)}\n`);
    const ok = async (host: string, port: number, key: TestKey) => (await verifyHostKey({ host, port, key: key.blob, files: [kh], policy: 'strict' })).ok;
    expect(await ok('x.example.com', 22, a)).to.equal(true);
    expect(await ok('bad.example.com', 22, a)).to.equal(false);
    expect(await ok('web7', 22, b)).to.equal(true);
    expect(await ok('web17', 22, b)).to.equal(false);
    expect(await ok('n1.lab', 2222, c)).to.equal(true);
    expect(await ok('n1.lab', 22, c)).to.equal(false);
  });

  it('accepts any of several keys listed for a host, across lines and files', async () => {
    const kh1 = file(`${knownHostsLine('multi', a)}\n${knownHostsLine('multi', ec)}\n`);
    const kh2 = file(`${knownHostsLine('other,multi', rsa)}\n`);
    const where = [`${kh1}:1`, `${kh1}:2`, `${kh2}:1`];
    for (const [i, k] of [a, ec, rsa].entries()) {
      expect(await verifyHostKey({ host: 'multi', port: 22, key: k.blob, files: [kh1, kh2], policy: 'strict' })).to.deep.equal({ ok: true, where: `known_hosts: ${where[i]}` });
    }
    const err = refused(await verifyHostKey({ host: 'multi', port: 22, key: b.blob, files: [kh1, kh2], policy: 'accept-new' }));
    expect(err.code).to.equal(HostKeyErrorCode.changed);
    // The message points at the listed key of the offered type.
    expect(err.message).to.include(`${kh1}:1 holds ssh-ed25519 key ${a.fingerprint}`).and.include('2 more');
    expect(await findKnownHostKeyTypes('multi', 22, [kh1, kh2])).to.deep.equal(['ssh-ed25519', 'ecdsa-sha2-nistp256', 'ssh-rsa']);
  });

  it('refuses a host known only with a key of another type, even under accept-new', async () => {
    const kh = file(`${knownHostsLine('rsaonly', rsa)}\n`);
    const err = refused(await verifyHostKey({ host: 'rsaonly', port: 22, key: a.blob, files: [kh], policy: 'accept-new' }));
    expect(err.code).to.equal(HostKeyErrorCode.changed);
    expect(err.message).to.include(`${kh}:1 holds ssh-rsa key ${rsa.fingerprint}`);
    expect(readFileSync(kh, 'utf8').trim().split('\n')).to.have.length(1);
  });

  it('refuses @revoked keys even when also listed, and skips @cert-authority lines', async () => {
    const kh = file(
      [
        knownHostsLine('rev', a),
        `@cert-authority *.example.com ${b.type} ${b.blob.toString('base64')} ca`,
        `@revoked * ${a.type} ${a.blob.toString('base64')}`,
        `@bogus rev ${c.type} ${c.blob.toString('base64')}`,
      ].join('\n'),
    );
    const err = refused(await verifyHostKey({ host: 'rev', port: 22, key: a.blob, files: [kh], policy: 'accept-new' }));
    expect(err.code).to.equal(HostKeyErrorCode.revoked);
    expect(err.message).to.include(`${kh}:3`).and.include(a.fingerprint).and.include('@revoked');
    expect(refused(await verifyHostKey({ host: 'x.example.com', port: 22, key: b.blob, files: [kh], policy: 'strict' })).code).to.equal(
      HostKeyErrorCode.unknown,
    );
    expect(refused(await verifyHostKey({ host: 'rev', port: 22, key: c.blob, files: [kh], policy: 'strict' })).code).to.equal(HostKeyErrorCode.changed);
  });

  it('names the file, line and both ssh-keygen fingerprints on a mismatch', async () => {
    const kh = file(`# first line\n${knownHostsLine('web9', c)}\n${knownHostsLine('[web9]:2200', a)}\n`);
    const err = refused(await verifyHostKey({ host: 'web9', port: 2200, key: b.blob, files: [kh], policy: 'strict' }));
    expect(err.code).to.equal(HostKeyErrorCode.changed);
    expect(err.retryable).to.equal(false);
    expect(err.message).to.include(`${kh}:3`).and.include(a.fingerprint).and.include(b.fingerprint);
    expect(err.message).to.include(`ssh-keygen -R '[web9]:2200' -f '${kh}'`);
  });

  it('off accepts anything with the one warning', async () => {
    const v = await verifyHostKey({ host: 'nowhere', port: 22, key: a.blob, files: [join(dir, 'none')], policy: 'off' });
    expect(v).to.deep.equal({ ok: true, warning: HOST_KEY_OFF_WARNING });
  });

  it('accept-new records 20 concurrent new hosts as 20 well-formed lines ssh-keygen -F finds', async () => {
    const kh = join(dir, 'fresh', 'sub', 'known_hosts');
    const keys = [a, b, c, ec, rsa];
    const hosts = Array.from({ length: 20 }, (_, i) => ({ host: `node${i}.lab`, port: i % 2 === 0 ? 22 : 2200 + i, key: keys[i % keys.length] as TestKey }));
    const verdicts = await Promise.all(hosts.map((h) => verifyHostKey({ host: h.host, port: h.port, key: h.key.blob, files: [kh], policy: 'accept-new' })));
    expect(verdicts.every((v) => v.ok && v.added === true)).to.equal(true);
    expect(statSync(join(dir, 'fresh')).mode & 0o777).to.equal(0o700);
    const lines = readFileSync(kh, 'utf8').split('\n');
    expect(lines.pop()).to.equal('');
    expect(lines).to.have.length(20);
    lines.forEach((l, i) => expect(parseKnownHostsLine(l, kh, i + 1), l).to.not.equal(undefined));
    for (const h of hosts) {
      const name = h.port === 22 ? h.host : `[${h.host}]:${h.port}`;
      const found = sshKeygenFind(kh, name);
      expect(found.found, name).to.equal(true);
      expect(found.lines).to.deep.equal([knownHostsLine(name, h.key)]);
    }
    // Now known: accepted without adding; another key for one of them is refused.
    const again = await Promise.all(hosts.map((h) => verifyHostKey({ host: h.host, port: h.port, key: h.key.blob, files: [kh], policy: 'accept-new' })));
    expect(again.every((v) => v.ok && v.added === undefined)).to.equal(true);
    const err = refused(await verifyHostKey({ host: 'node1.lab', port: 2201, key: a.blob, files: [kh], policy: 'accept-new' }));
    expect(err.message).to.include(`${kh}:`).and.include(b.fingerprint);
  });

  it('accept-new records a host seen by 10 concurrent connections once', async () => {
    const kh = join(dir, 'once');
    const verdicts = await Promise.all(Array.from({ length: 10 }, () => verifyHostKey({ host: 'same', port: 22, key: a.blob, files: [kh], policy: 'accept-new' })));
    expect(verdicts.filter((v) => v.ok && v.added)).to.have.length(1);
    expect(verdicts.every((v) => v.ok)).to.equal(true);
    expect(readFileSync(kh, 'utf8')).to.equal(`${knownHostsLine('same', a)}\n`);
  });

  it('accept-new appends to the first file on a new line, and hashes when asked', async () => {
    const kh = file(knownHostsLine('old', a)); // no trailing newline
    const other = file(`${knownHostsLine('elsewhere', b)}\n`);
    const v1 = await verifyHostKey({ host: 'new1', port: 22, key: b.blob, files: [kh, other], policy: 'accept-new' });
    const v2 = await verifyHostKey({ host: 'new2', port: 2022, key: c.blob, files: [kh, other], policy: 'accept-new', hashNew: true });
    const v3 = await verifyHostKey({ host: 'elsewhere', port: 22, key: b.blob, files: [kh, other], policy: 'accept-new' });
    expect([v1, v2, v3]).to.deep.equal([{ ok: true, added: true, where: `added to ${kh}` }, { ok: true, added: true, where: `added to ${kh}` }, { ok: true, where: `known_hosts: ${other}:1` }]);
    const lines = readFileSync(kh, 'utf8').split('\n');
    expect(lines.slice(0, 2)).to.deep.equal([knownHostsLine('old', a), knownHostsLine('new1', b)]);
    expect(lines[2]).to.match(/^\|1\|[A-Za-z0-9+/=]+\|[A-Za-z0-9+/=]+ ssh-ed25519 /);
    expect(sshKeygenFind(kh, '[new2]:2022').found).to.equal(true);
    expect(readFileSync(other, 'utf8')).to.equal(`${knownHostsLine('elsewhere', b)}\n`);
    // The cache updated in place still reports the right line for a later mismatch.
    const err = refused(await verifyHostKey({ host: 'new1', port: 22, key: c.blob, files: [kh], policy: 'strict' }));
    expect(err.message).to.include(`${kh}:2`);
  });

  it('reads a file once while its mtime and size stay, and again when they change', async () => {
    const kh = file(`${knownHostsLine('cached', a)}\n`);
    utimesSync(kh, 1_700_000_000, 1_700_000_000);
    for (let i = 0; i < 1000; i++) {
      expect((await verifyHostKey({ host: 'cached', port: 22, key: a.blob, files: [kh], policy: 'strict' })).ok).to.equal(true);
    }
    // Same size, same mtime, different content: the cached parse is still used (no re-read).
    writeFileSync(kh, `${knownHostsLine('cached', b)}\n`);
    utimesSync(kh, 1_700_000_000, 1_700_000_000);
    expect((await verifyHostKey({ host: 'cached', port: 22, key: a.blob, files: [kh], policy: 'strict' })).ok).to.equal(true);
    appendFileSync(kh, '# grown\n');
    expect((await verifyHostKey({ host: 'cached', port: 22, key: b.blob, files: [kh], policy: 'strict' })).ok).to.equal(true);
    expect((await verifyHostKey({ host: 'cached', port: 22, key: a.blob, files: [kh], policy: 'strict' })).ok).to.equal(false);
  });

  it('reports an unreadable known_hosts file as that host\'s error', async () => {
    const kh = join(dir, 'a-dir');
    execFileSync('mkdir', ['-p', kh]);
    const err = refused(await verifyHostKey({ host: 'x', port: 22, key: a.blob, files: [kh], policy: 'strict' }));
    expect(err.code).to.equal(HostKeyErrorCode.file);
    expect(err.message).to.include(kh);
  });

  it('keeps lines whole when 4 processes record 10 new hosts each at once', async function () {
    this.timeout(60_000);
    const kh = join(dir, 'multi-process', 'known_hosts');
    const moduleUrl = new URL('../../src/transport/known-hosts.js', import.meta.url).href.replace(/\.js$/, '.ts');
    const script = `
      import { verifyHostKey } from ${JSON.stringify(moduleUrl)};
      const [file, prefix, b64] = process.argv.slice(1);
      const key = Buffer.from(b64, 'base64');
      const vs = await Promise.all(Array.from({ length: 10 }, (_, i) =>
        verifyHostKey({ host: prefix + i, port: 2000 + i, key, files: [file], policy: 'accept-new' })));
      if (!vs.every((v) => v.ok && v.added)) { console.error(JSON.stringify(vs)); process.exit(1); }`;
    const keys = [a, b, c, ec];
    await Promise.all(
      keys.map((k, p) => run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, kh, `proc${p}-`, k.blob.toString('base64')])),
    );
    const lines = readFileSync(kh, 'utf8').trimEnd().split('\n');
    expect(lines).to.have.length(40);
    keys.forEach((k, p) => {
      for (let i = 0; i < 10; i++) expect(lines).to.include(knownHostsLine(`[proc${p}-${i}]:${2000 + i}`, k));
    });
  });
});
