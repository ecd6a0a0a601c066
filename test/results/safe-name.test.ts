import { expect } from 'chai';
import { decodeName, encodeName, MAX_NAME_BYTES } from '../../src/results/safe-name.js';

describe('encodeName: names as file names, reversibly', () => {
  it('keeps ordinary names as they are', () => {
    for (const n of ['web01', 'db-1.example.com', 'fsmount', 'a_b', 'ünïcödé', 'with space', '[1:3]']) expect(encodeName(n)).to.equal(n);
  });

  it('gives different names different file names: separators, %, ~ and dot-only names', () => {
    const names = ['a/b', 'a_b', 'a\\b', 'a%2Fb', 'a~b', '.', '..', '...', '', '%', 'a\u0000b', '_'];
    const encoded = names.map(encodeName);
    expect(new Set(encoded).size).to.equal(names.length);
    for (const e of encoded) expect(e).not.to.match(/[/\\\u0000]/).and.not.to.match(/^\.+$/);
    expect(encodeName('a/b')).to.equal('a%2Fb');
    expect(encodeName('..')).to.equal('%2E%2E');
    expect(encodeName('%')).to.equal('%25');
  });

  it('encodes control characters (ESC, BEL, newline, DEL, C1), never writing them raw', () => {
    const e = encodeName('bell\u0007\u001b[31mred\nline\u007f\u0085');
    expect(e).to.equal('bell%07%1B[31mred%0Aline%7F%C2%85');
    expect(e).not.to.match(/[\u0000-\u001f\u007f-\u009f]/);
  });

  it('decodes what it encoded', () => {
    for (const n of ['a/b', '..', '', '%41', 'x\u001by', 'ü/ß', 'a~b', 'plain']) expect(decodeName(encodeName(n))).to.equal(n);
  });

  it('caps long names under NAME_MAX with a hash of the whole name, never cutting a character or an escape', () => {
    const a = `${'x'.repeat(299)}a`;
    const b = `${'x'.repeat(299)}b`;
    expect(Buffer.byteLength(encodeName(a))).to.be.at.most(MAX_NAME_BYTES);
    expect(encodeName(a)).to.not.equal(encodeName(b));
    expect(encodeName(a)).to.match(/^x+~[0-9a-f]{16}$/);
    expect(decodeName(encodeName(a))).to.equal(undefined);
    const wide = encodeName('ü/'.repeat(200));
    expect(Buffer.byteLength(wide)).to.be.at.most(MAX_NAME_BYTES);
    expect(() => decodeURIComponent(wide.split('~')[0] ?? '')).not.to.throw();
  });

  it('gives the empty name a file name of its own: `%`, never an empty path component', () => {
    expect(encodeName('')).to.equal('%');
    expect(decodeName('%')).to.equal('');
  });

  it('keeps spaces and other whitespace in the head of a capped name', () => {
    const capped = encodeName('a b\u00a0'.repeat(100)); // a space and a no-break space
    expect(capped.startsWith('a b\u00a0a b\u00a0')).to.equal(true);
    expect(Buffer.byteLength(capped)).to.be.within(MAX_NAME_BYTES - 1, MAX_NAME_BYTES);
  });

  it('encodes only names made wholly of dots; dots inside or around other characters stay', () => {
    for (const n of ['a.', '.a', '.hidden', 'a..b', 'db-1.example.com.']) expect(encodeName(n), n).to.equal(n);
    expect(encodeName('.')).to.equal('%2E');
    expect(encodeName('...')).to.equal('%2E%2E%2E');
  });

  it('keeps a name of exactly MAX_NAME_BYTES bytes whole, counting bytes rather than characters', () => {
    const exact = 'x'.repeat(MAX_NAME_BYTES);
    expect(encodeName(exact)).to.equal(exact);
    expect(decodeName(encodeName(exact))).to.equal(exact);
    const wide = 'ü'.repeat(MAX_NAME_BYTES / 2 + 1); // 101 characters, 202 bytes
    expect(encodeName(wide)).to.match(/~[0-9a-f]{16}$/);
    expect(Buffer.byteLength(encodeName(wide))).to.be.at.most(MAX_NAME_BYTES);
  });

  it('a capped name uses the whole budget: as many bytes of the head as fit before ~ and the hash', () => {
    expect(Buffer.byteLength(encodeName('x'.repeat(MAX_NAME_BYTES + 1)))).to.equal(MAX_NAME_BYTES);
    expect(encodeName('x'.repeat(300))).to.equal(`${'x'.repeat(MAX_NAME_BYTES - 17)}~${encodeName('x'.repeat(300)).slice(-16)}`);
  });

  it('wherever the cap falls, the head ends on a whole escape or character', () => {
    for (let k = 175; k <= 186; k++) {
      const escaped = encodeName(`${'x'.repeat(k)}${'/'.repeat(40)}`);
      expect(escaped, `${k} x then slashes`).to.match(/^x+(%2F)*~[0-9a-f]{16}$/);
      expect(Buffer.byteLength(escaped)).to.be.within(MAX_NAME_BYTES - 2, MAX_NAME_BYTES);
      const wide = encodeName(`${'x'.repeat(k)}${'€'.repeat(20)}`);
      expect(wide, `${k} x then euro signs`).to.match(/^x+€*~[0-9a-f]{16}$/u);
      expect(Buffer.byteLength(wide)).to.be.within(MAX_NAME_BYTES - 2, MAX_NAME_BYTES);
    }
  });
});
