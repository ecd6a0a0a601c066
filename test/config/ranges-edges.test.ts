// Range edges: steps, letters and their {{ index }}, the bounds of a range, and clush-style folded names.
import { expect } from 'chai';
import { expandFolded, expandRange, hasFoldedRange, hasRange } from '../../src/config/ranges.js';

describe('config/ranges: edges', () => {
  it('letters count from 1 for {{ index }}; a step applies to letters too; one-item ranges', () => {
    expect(expandRange('db[a:c]')).to.deep.equal([
      { name: 'dba', index: 1 },
      { name: 'dbb', index: 2 },
      { name: 'dbc', index: 3 },
    ]);
    expect(expandRange('x[A:E:2]').map((e) => e.name)).to.deep.equal(['xA', 'xC', 'xE']);
    expect(expandRange('n[5:5]')).to.deep.equal([{ name: 'n5', index: 5 }]);
    expect(expandRange('n[0:1]')).to.deep.equal([
      { name: 'n0', index: 0 },
      { name: 'n1', index: 1 },
    ]);
    expect(expandRange('n[0:10:5]').map((e) => e.name)).to.deep.equal(['n0', 'n5', 'n10']);
    expect(expandRange('n[007:008]').map((e) => e.name)).to.deep.equal(['n007', 'n008']);
    expect(expandRange('plain')).to.deep.equal([{ name: 'plain', index: undefined }]);
    // The index is the first range's: rack[1:2]-n[3:4] → 1, 1, 2, 2.
    expect(expandRange('r[1:2]-n[3:4]').map((e) => e.index)).to.deep.equal([1, 1, 2, 2]);
  });

  it('refuses a step of 0, letters backwards, mixed bounds', () => {
    expect(() => expandRange('n[1:3:0]')).to.throw('range step must be at least 1 in "n[1:3:0]"');
    expect(() => expandRange('n[c:a]')).to.throw('range start c is after its end a in "n[c:a]"');
    expect(() => expandRange('n[3:1]')).to.throw('range start 3 is after its end 1 in "n[3:1]"');
    expect(() => expandRange('n[a:3]')).to.throw('range bounds must both be numbers or both letters in "n[a:3]"');
  });

  it('tells names with a range from names with brackets of another kind', () => {
    expect(['web[01:03]', 'db[a:c]', 'n[1:9:2]'].map(hasRange)).to.deep.equal([true, true, true]);
    expect(['web', 'web[1]', 'web[1-3]', 'web[ab:c]', 'web[1:3:]'].map(hasRange)).to.deep.equal([false, false, false, false, false]);
  });

  it('folded names: runs and single numbers, padding as written, several folds in one name', () => {
    expect(['web[01-03,07]', 'web[1,2]', 'web[1-2]'].map(hasFoldedRange)).to.deep.equal([true, true, true]);
    expect(['web[1]', 'web', 'web[01:03]', 'web[a,b]'].map(hasFoldedRange)).to.deep.equal([false, false, false, false]);
    expect(expandFolded('web[01-03,07]')).to.deep.equal(['web01', 'web02', 'web03', 'web07']);
    expect(expandFolded('n[9-10]')).to.deep.equal(['n9', 'n10']);
    expect(expandFolded('r[1-2]n[5,7].x')).to.deep.equal(['r1n5.x', 'r1n7.x', 'r2n5.x', 'r2n7.x']);
    expect(expandFolded('plain')).to.deep.equal(['plain']);
    expect(expandFolded('n[3]')).to.deep.equal(['n3']);
  });
});
