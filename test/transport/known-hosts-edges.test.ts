// known_hosts edge cases from OpenSSH's sshd(8) "SSH_KNOWN_HOSTS FILE FORMAT", on inline data and temp files.

import { expect } from 'chai';
import { createHash } from 'node:crypto';
import { appendFileSync, chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { readKeyType } from '../../src/transport/fingerprint.js';
import { appendKnownHostsLine, clearKnownHostsCache, loadKnownHostsFile, type KnownHostsFile } from '../../src/transport/known-hosts-file.js';
import { findKnownHostsEntries } from '../../src/transport/known-hosts-index.js';
import { checkHostKey, hashKnownHostsName } from '../../src/transport/known-hosts-match.js';
import { parseKnownHosts, parseKnownHostsLine } from '../../src/transport/known-hosts-parse.js';
import { findKnownHostKeyTypes, verifyHostKey } from '../../src/transport/known-hosts.js';

function blob(type: string, seed: string): Buffer {
  const t = Buffer.from(type);
  const len = Buffer.alloc(4);
  len.writeUInt32BE(t.length);
  return Buffer.concat([len, t, createHash('sha256').update(seed).digest()]);
}
const ed = (seed: string) => blob('ssh-ed25519', seed);
const b64 = (k: Buffer) => k.toString('base64');
const line = (hosts: string, k: Buffer, marker = '') => `${marker}${hosts} ${readKeyType(k)} ${b64(k)}`;
const parse1 = (raw: string) => parseKnownHostsLine(raw, 'kh', 1);

describe('transport/known-hosts edge cases', () => {
  describe('parsing lines', () => {
    it('separates fields by any run of spaces and tabs, and ignores leading blanks', () => {
      const e = parse1(`  \t web1 \t  ssh-ed25519\t\t${b64(ed('a'))}   comment here`);
      expect(e?.hosts).to.equal('web1');
      expect(e?.key.equals(ed('a'))).to.equal(true);
    });

    it('skips blank and comment lines, also indented ones, but not a host starting later with #', () => {
      expect(parse1('')).to.equal(undefined);
      expect(parse1('   ')).to.equal(undefined);
      expect(parse1(`   # web1 ssh-ed25519 ${b64(ed('a'))}`)).to.equal(undefined);
      expect(parse1(`web#1 ssh-ed25519 ${b64(ed('a'))}`)?.hosts).to.equal('web#1');
    });

    it('needs all three fields', () => {
      expect(parse1('web1')).to.equal(undefined);
      expect(parse1('web1 ssh-ed25519')).to.equal(undefined);
      expect(parse1('@revoked web1 ssh-ed25519')).to.equal(undefined);
    });

    it('needs the whole key field to be base64, with at most two = of padding', () => {
      const key = b64(ed('a'));
      expect(parse1(`web1 ssh-ed25519 ${key}`)).to.not.equal(undefined);
      expect(parse1(`web1 ssh-ed25519 !${key}`)).to.equal(undefined);
      expect(parse1(`web1 ssh-ed25519 ${key}!`)).to.equal(undefined);
      expect(parse1(`web1 ssh-ed25519 ${key.replace(/=*$/, '')}===`)).to.equal(undefined);
    });

    it('accepts a hashed host only as |1|<20-byte salt>|<20-byte SHA1 digest>', () => {
      const good = hashKnownHostsName('web1');
      const [, , salt = '', digest = ''] = good.split('|');
      const short = Buffer.alloc(19).toString('base64');
      const k = ed('a');
      expect(parse1(line(good, k))?.hashed?.salt).to.have.length(20);
      expect(parse1(line(`|1|${short}|${digest}`, k))).to.equal(undefined);
      expect(parse1(line(`|1|${salt}|${short}`, k))).to.equal(undefined);
      expect(parse1(line(`|2|${salt}|${digest}`, k))).to.equal(undefined);
      expect(parse1(line(`|1|${salt}|${digest}|x`, k))).to.equal(undefined);
      expect(parse1(line(`|1|${salt}|${digest},web2`, k))).to.equal(undefined);
      expect(parse1(line(`|1|!${salt}|${digest}`, k))).to.equal(undefined);
      expect(parse1(line(`||1|${salt}|${digest}`, k))).to.equal(undefined);
      expect(parse1(line(`|x|1|${salt}|${digest}`, k))).to.equal(undefined);
    });

    it('numbers lines from firstLine, counting skipped ones', () => {
      const entries = parseKnownHosts(['# c', '', line('a', ed('a')), 'junk', line('b', ed('b'))].join('\n'), 'kh', 10);
      expect(entries.map((e) => [e.hosts, e.line])).to.deep.equal([['a', 12], ['b', 14]]);
    });
  });

  describe('looking hosts up', () => {
    const fileOf = (lines: string[]): KnownHostsFile => ({ file: 'kh', entries: parseKnownHosts(lines.join('\n'), 'kh'), size: 0n, lines: lines.length });

    it('merges plain and pattern entries for a name in file order', () => {
      const f = fileOf([line('web*', ed('1')), line('web1', ed('2')), line(hashKnownHostsName('web1'), ed('3')), line('web1', ed('4'))]);
      expect(findKnownHostsEntries(f, 'web1').map((e) => e.line)).to.deep.equal([1, 2, 3, 4]);
      expect(findKnownHostsEntries(f, 'web2').map((e) => e.line)).to.deep.equal([1]);
    });

    it('ignores empty names in a host list (a trailing comma names nobody)', () => {
      const f = fileOf([line('web1,,', ed('1'))]);
      expect(findKnownHostsEntries(f, '').map((e) => e.line)).to.deep.equal([]);
      expect(findKnownHostsEntries(f, 'web1').map((e) => e.line)).to.deep.equal([1]);
    });

    it('answers the same for a name asked again, also after many other names', () => {
      const f = fileOf([line('web*', ed('1')), line('web1', ed('2'))]);
      const first = findKnownHostsEntries(f, 'web1').map((e) => e.line);
      for (let i = 0; i < 50_010; i++) findKnownHostsEntries(f, `h${i}`);
      expect(findKnownHostsEntries(f, 'web1').map((e) => e.line)).to.deep.equal(first);
      expect(findKnownHostsEntries(f, 'web5').map((e) => e.line)).to.deep.equal([1]);
    });

    it('a @cert-authority line never makes a key known, revoked or changed', () => {
      const entries = parseKnownHosts(line('web1', ed('ca'), '@cert-authority '), 'kh');
      expect(checkHostKey(entries, 'web1', ed('ca'))).to.deep.equal({ status: 'unknown' });
      expect(checkHostKey(entries, 'web1', ed('other'))).to.deep.equal({ status: 'unknown' });
    });
  });

  describe('files', function () {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'smoker-kh-'));
      clearKnownHostsCache();
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('counts lines as editors do: a final newline ends the last line', async () => {
      const kh = join(dir, 'kh');
      for (const [text, lines] of [['', 0], ['a\n', 1], ['a', 1], ['a\nb', 2], ['a\nb\n', 2], ['\n\n', 2]] as const) {
        writeFileSync(kh, text);
        clearKnownHostsCache();
        expect((await loadKnownHostsFile(kh)).lines, JSON.stringify(text)).to.equal(lines);
      }
    });

    it('a missing file is empty; another read error is thrown', async () => {
      expect(await loadKnownHostsFile(join(dir, 'none'))).to.deep.equal({ file: join(dir, 'none'), entries: [], size: 0n, lines: 0 });
      writeFileSync(join(dir, 'plain'), '');
      const error = await loadKnownHostsFile(join(dir, 'plain', 'x')).then(() => undefined, (err: NodeJS.ErrnoException) => err.code);
      expect(error).to.equal('ENOTDIR');
    });

    it('a read that fails is not cached: the next load reads again', async function () {
      if (process.getuid?.() === 0) {
        // root reads mode-000 files: use a directory in the file's place instead
        const kh = join(dir, 'kh');
        const { mkdirSync } = await import('node:fs');
        mkdirSync(kh);
        let failed = false;
        await loadKnownHostsFile(kh).catch(() => (failed = true));
        expect(failed).to.equal(true);
        rmSync(kh, { recursive: true });
        writeFileSync(kh, `${line('web1', ed('a'))}\n`);
        expect((await loadKnownHostsFile(kh)).entries).to.have.length(1);
        return;
      }
      const kh = join(dir, 'kh');
      writeFileSync(kh, `${line('web1', ed('a'))}\n`);
      chmodSync(kh, 0);
      await loadKnownHostsFile(kh).catch(() => undefined);
      chmodSync(kh, 0o600);
      expect((await loadKnownHostsFile(kh)).entries).to.have.length(1);
    });

    it('appends after a last line without newline on a new line, and the cache sees the new line', async () => {
      const kh = join(dir, 'sub', 'kh');
      const empty = await loadKnownHostsFile(kh);
      await appendKnownHostsLine(empty, line('a', ed('a')));
      const one = await loadKnownHostsFile(kh);
      expect(one.entries.map((e) => [e.hosts, e.line])).to.deep.equal([['a', 1]]);
      appendFileSync(kh, line('b', ed('b')));
      const two = await loadKnownHostsFile(kh);
      expect(two.lines).to.equal(2);
      await appendKnownHostsLine(two, line('c', ed('c')));
      expect(readFileSync(kh, 'utf8').split('\n')).to.deep.equal([line('a', ed('a')), line('b', ed('b')), line('c', ed('c')), '']);
      const three = await loadKnownHostsFile(kh);
      expect(three.entries.map((e) => [e.hosts, e.line])).to.deep.equal([['a', 1], ['b', 2], ['c', 3]]);
      expect(three.size).to.equal(BigInt(readFileSync(kh).length));
    });

    it('after an append that raced another writer, the next load reads the file again', async () => {
      const kh = join(dir, 'kh');
      writeFileSync(kh, `${line('a', ed('a'))}\n`);
      const stale = await loadKnownHostsFile(kh);
      appendFileSync(kh, `${line('b', ed('b'))}\n`);
      await appendKnownHostsLine(stale, line('c', ed('c')));
      expect((await loadKnownHostsFile(kh)).entries.map((e) => e.hosts)).to.deep.equal(['a', 'b', 'c']);
    });

    it('expands ~ and ~/ to the home directory in file names', async () => {
      const name = `smoker-kh-test-${process.pid}`;
      const inHome = join(homedir(), name);
      writeFileSync(inHome, `${line('web1', ed('a'))}\n`);
      try {
        expect(await findKnownHostKeyTypes('web1', 22, [`~/${name}`])).to.deep.equal(['ssh-ed25519']);
        expect((await verifyHostKey({ host: 'web1', port: 22, key: ed('a'), policy: 'strict', files: [`~/${name}`] })).ok).to.equal(true);
      } finally {
        rmSync(inHome, { force: true });
      }
    });

    it('lists the key types of plain entries only, across files, once each', async () => {
      const a = join(dir, 'a');
      const b = join(dir, 'b');
      writeFileSync(a, [line('web1', ed('1')), line('web1', blob('ssh-rsa', 'r'), '@revoked '), line('web1', blob('ecdsa-sha2-nistp256', 'c'), '@cert-authority ')].join('\n'));
      writeFileSync(b, [line('web1', ed('2')), line('web1', blob('ssh-rsa', 'r2'))].join('\n'));
      expect(await findKnownHostKeyTypes('web1', 22, [a, join(dir, 'missing', 'x'), b])).to.deep.equal(['ssh-ed25519', 'ssh-rsa']);
    });

    it('a key blob without a readable type is offered as unknown-type and is never known', async () => {
      const kh = join(dir, 'kh');
      writeFileSync(kh, `${line('web1', ed('a'))}\n`);
      const v = await verifyHostKey({ host: 'web1', port: 22, key: Buffer.from([0, 0, 0]), policy: 'strict', files: [kh] });
      expect(v.ok).to.equal(false);
      expect(v.ok ? '' : v.error.message).to.include('unknown-type');
    });

    it('accept-new with no known_hosts file configured refuses the host and says none is configured', async () => {
      const v = await verifyHostKey({ host: 'web1', port: 22, key: ed('a'), policy: 'accept-new', files: [] });
      expect(v.ok).to.equal(false);
      expect(v.ok ? '' : v.error.message).to.include('no known_hosts file (none configured)');
    });

    it('accept-new records a host on another port as [host]:port in plain text, lowercased', async () => {
      const kh = join(dir, 'kh');
      const v = await verifyHostKey({ host: 'Web1', port: 2022, key: ed('a'), policy: 'accept-new', files: [kh] });
      expect(v).to.deep.equal({ ok: true, added: true, where: `added to ${kh}` });
      expect(readFileSync(kh, 'utf8')).to.equal(`${line('[web1]:2022', ed('a'))}\n`);
      expect(await verifyHostKey({ host: 'web1', port: 2022, key: ed('a'), policy: 'strict', files: [kh] })).to.deep.equal({ ok: true, where: `known_hosts: ${kh}:1` });
      expect((await verifyHostKey({ host: 'web1', port: 22, key: ed('a'), policy: 'strict', files: [kh] })).ok).to.equal(false);
    });

    it('lists key types for [host]:port and hashed entries, skipping files it cannot read', async () => {
      const blocker = join(dir, 'plain');
      writeFileSync(blocker, '');
      const kh = join(dir, 'kh');
      writeFileSync(kh, [line('[web1]:2022', ed('1')), line(hashKnownHostsName('[web1]:2022'), blob('ssh-rsa', 'r')), line('web1', blob('ecdsa-sha2-nistp256', 'c'))].join('\n'));
      expect(await findKnownHostKeyTypes('web1', 2022, [join(blocker, 'x'), kh])).to.deep.equal(['ssh-ed25519', 'ssh-rsa']);
      expect(await findKnownHostKeyTypes('web1', 22, [kh])).to.deep.equal(['ecdsa-sha2-nistp256']);
      expect(await findKnownHostKeyTypes('web2', 22, [kh])).to.deep.equal([]);
    });

    it('accept-new reports a known_hosts file it cannot write as that host’s error, naming the file', async () => {
      const blocker = join(dir, 'file');
      writeFileSync(blocker, '');
      const kh = join(blocker, 'kh');
      const v = await verifyHostKey({ host: 'web1', port: 22, key: ed('a'), policy: 'accept-new', files: [kh] });
      expect(v.ok).to.equal(false);
      expect(v.ok ? '' : v.error.message).to.include(kh);
    });
  });
});
