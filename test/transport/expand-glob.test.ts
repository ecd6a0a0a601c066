import { expect } from 'chai';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expandGlob, segmentToRegExp } from '../../src/transport/expand-glob.js';

describe('transport/expand-glob', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'smoker-glob-'));
    for (const f of ['a/1.conf', 'a/2.conf', 'a/.hidden.conf', 'a/x.txt', 'b/3.conf', 'c/d/4.conf']) {
      mkdirSync(join(dir, f, '..'), { recursive: true });
      writeFileSync(join(dir, f), '');
    }
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('expands wildcards per segment, sorted, skipping dot files', () => {
    expect(expandGlob(`${dir}/a/*.conf`)).to.deep.equal([join(dir, 'a/1.conf'), join(dir, 'a/2.conf')]);
    expect(expandGlob(`${dir}/*/*.conf`)).to.deep.equal(['a/1.conf', 'a/2.conf', 'b/3.conf'].map((f) => join(dir, f)));
    expect(expandGlob(`${dir}/a/.*.conf`)).to.deep.equal([join(dir, 'a/.hidden.conf')]);
    expect(expandGlob(`${dir}/[bc]/*/?.conf`)).to.deep.equal([join(dir, 'c/d/4.conf')]);
  });

  it('returns a plain path only if it exists', () => {
    expect(expandGlob(`${dir}/a/x.txt`)).to.deep.equal([join(dir, 'a/x.txt')]);
    expect(expandGlob(`${dir}/a/missing`)).to.deep.equal([]);
    expect(expandGlob(`${dir}/nope/*`)).to.deep.equal([]);
  });

  it('supports classes, negated classes and escapes', () => {
    expect(segmentToRegExp('[0-9][!a]x\\*').test('5bx*')).to.equal(true);
    expect(segmentToRegExp('[0-9][!a]x\\*').test('5ax*')).to.equal(false);
    expect(segmentToRegExp('a.b').test('axb')).to.equal(false);
  });
});
