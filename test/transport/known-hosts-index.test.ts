import { expect } from 'chai';
import { createHash } from 'node:crypto';
import { readKeyType } from '../../src/transport/fingerprint.js';
import type { KnownHostsFile } from '../../src/transport/known-hosts-file.js';
import { findKnownHostsEntries } from '../../src/transport/known-hosts-index.js';
import { hashKnownHostsName, matchesKnownHostsName } from '../../src/transport/known-hosts-match.js';
import { parseKnownHosts } from '../../src/transport/known-hosts-parse.js';

/** A syntactically valid key blob: string type, then arbitrary bytes. */
function blob(seed: string): Buffer {
  const t = Buffer.from('ssh-ed25519');
  const len = Buffer.alloc(4);
  len.writeUInt32BE(t.length);
  return Buffer.concat([len, t, createHash('sha256').update(seed).digest()]);
}
const line = (hosts: string, seed: string, marker = '') => `${marker}${hosts} ${readKeyType(blob(seed))} ${blob(seed).toString('base64')}`;

function fileOf(lines: string[]): KnownHostsFile {
  return { file: 'kh', entries: parseKnownHosts(lines.join('\n'), 'kh'), size: 0n, lines: lines.length };
}

describe('transport/known-hosts-index (inline data)', () => {
  const file = fileOf([
    line('web1,Web2', 'a'),
    line('*.example.org', 'b'),
    line(hashKnownHostsName('[web1]:2222'), 'c'),
    line('web1', 'd', '@revoked '),
    line('db?,!db9', 'e'),
    line('web2,web2', 'f'),
  ]);

  it('finds exactly the entries a full scan finds, in file order, for plain, wildcard, negated and hashed names', () => {
    for (const name of ['web1', 'web2', 'a.example.org', '[web1]:2222', 'db1', 'db9', 'nobody']) {
      const scanned = file.entries.filter((e) => matchesKnownHostsName(e, name)).map((e) => e.line);
      expect(findKnownHostsEntries(file, name).map((e) => e.line), name).to.deep.equal(scanned);
    }
  });

  it('matches plain names case-insensitively and lists an entry naming a host twice once', () => {
    expect(findKnownHostsEntries(file, 'web2').map((e) => e.line)).to.deep.equal([1, 6]);
  });

  it('indexes each loaded file on its own: a new parse is a new lookup', () => {
    const other = fileOf([line('web1', 'z')]);
    expect(findKnownHostsEntries(other, 'web1').map((e) => e.hosts)).to.deep.equal(['web1']);
    expect(findKnownHostsEntries(file, 'web1').map((e) => e.line)).to.deep.equal([1, 4]);
  });
});
