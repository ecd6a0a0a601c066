import { expect } from 'chai';
import { createHash } from 'node:crypto';
import { fingerprintSha256, readKeyType } from '../../src/transport/fingerprint.js';
import { checkHostKey, formatKnownHostsName, hashKnownHostsName, matchesKnownHostsName } from '../../src/transport/known-hosts-match.js';
import { parseKnownHosts } from '../../src/transport/known-hosts-parse.js';

/** A syntactically valid key blob: string type, then arbitrary bytes. */
function blob(type: string, seed: string): Buffer {
  const t = Buffer.from(type);
  const len = Buffer.alloc(4);
  len.writeUInt32BE(t.length);
  return Buffer.concat([len, t, createHash('sha256').update(seed).digest()]);
}
const k1 = blob('ssh-ed25519', 'one');
const k2 = blob('ssh-ed25519', 'two');
const line = (hosts: string, k: Buffer, marker = '') => `${marker}${hosts} ${readKeyType(k)} ${k.toString('base64')}`;

describe('transport/known-hosts parsing and matching (inline data)', () => {
  it('skips a commented-out entry and a line without a key, as OpenSSH does', () => {
    const text = [`#${line('web01', k1)}`, `#  ${line('web02', k1)}`, 'web03 ssh-ed25519', line('web04', k2)].join('\n');
    expect(parseKnownHosts(text, 'kh').map((e) => [e.line, e.hosts])).to.deep.equal([[4, 'web04']]);
  });

  it('parses plain, hashed, marked and commented lines, skipping malformed ones', () => {
    const hashed = hashKnownHostsName('[h]:2222');
    const text = [
      '# comment',
      '',
      line('a,b', k1) + ' trailing comment',
      `  ${line(hashed, k2)}\r`,
      line('*', k1, '@revoked '),
      line('*.ca', k2, '@cert-authority '),
      line('x', k1, '@unknown '),
      'x ssh-ed25519 !!notbase64!!',
      `x ssh-rsa ${k1.toString('base64')}`,
      'only-host',
      '|1|bad|hash ssh-ed25519 ' + k1.toString('base64'),
    ].join('\n');
    const entries = parseKnownHosts(text, 'kh');
    expect(entries.map((e) => [e.line, e.marker, e.hosts, e.hashed !== undefined])).to.deep.equal([
      [3, undefined, 'a,b', false],
      [4, undefined, hashed, true],
      [5, 'revoked', '*', false],
      [6, 'cert-authority', '*.ca', false],
    ]);
    expect(matchesKnownHostsName(entries[1]!, '[h]:2222')).to.equal(true);
    expect(matchesKnownHostsName(entries[1]!, 'h')).to.equal(false);
  });

  it('names hosts the way known_hosts does', () => {
    expect(formatKnownHostsName('Web1', 22)).to.equal('web1');
    expect(formatKnownHostsName('web1', 2222)).to.equal('[web1]:2222');
    expect(formatKnownHostsName('::1', 2222)).to.equal('[::1]:2222');
  });

  it('checks revoked before known, and a listed other key as changed', () => {
    const entries = parseKnownHosts([line('h', k1), line('h', k2), line('g', k2), line('g', k2, '@revoked ')].join('\n'), 'kh');
    expect(checkHostKey(entries, 'h', k1)).to.deep.include({ status: 'known' });
    expect(checkHostKey(entries, 'h', k2)).to.deep.include({ status: 'known' });
    expect(checkHostKey(entries, 'g', k2)).to.deep.include({ status: 'revoked' });
    const changed = checkHostKey(entries, 'g', k1);
    expect(changed.status).to.equal('changed');
    expect(checkHostKey(entries, 'nobody', k1)).to.deep.equal({ status: 'unknown' });
  });

  it('formats fingerprints without base64 padding and reads key types defensively', () => {
    expect(fingerprintSha256(k1)).to.match(/^SHA256:[A-Za-z0-9+/]{43}$/);
    expect(readKeyType(Buffer.from([0, 0, 0]))).to.equal(undefined);
    expect(readKeyType(Buffer.from([0, 0, 0, 9, 1]))).to.equal(undefined);
  });
});
