import { expect } from 'chai';
import { expandRange, foldHosts } from '../../src/config/ranges.js';

describe('config/ranges', () => {
  it('expands zero-padded numeric ranges', () => {
    expect(expandRange('web[01:03]').map((e) => e.name)).to.deep.equal(['web01', 'web02', 'web03']);
    expect(expandRange('web[01:03]').map((e) => e.index)).to.deep.equal([1, 2, 3]);
  });
  it('expands unpadded, stepped, alphabetic and multiple ranges', () => {
    expect(expandRange('n[8:10]').map((e) => e.name)).to.deep.equal(['n8', 'n9', 'n10']);
    expect(expandRange('n[1:7:3]').map((e) => e.name)).to.deep.equal(['n1', 'n4', 'n7']);
    expect(expandRange('db-[a:c].x').map((e) => e.name)).to.deep.equal(['db-a.x', 'db-b.x', 'db-c.x']);
    expect(expandRange('r[1:2]-n[1:2]').map((e) => e.name)).to.deep.equal(['r1-n1', 'r1-n2', 'r2-n1', 'r2-n2']);
  });
  it('leaves names without ranges alone and rejects backwards ranges', () => {
    expect(expandRange('plain').map((e) => e.name)).to.deep.equal(['plain']);
    expect(() => expandRange('web[3:1]')).to.throw(/after its end/);
    expect(() => expandRange('web[1:c]')).to.throw(/both be numbers/);
  });
  it('folds names back into ranges like clush', () => {
    expect(foldHosts(['web01', 'web02', 'web03', 'web07'])).to.equal('web[01-03,07]');
    expect(foldHosts(['db1', 'web01', 'web02'])).to.equal('db1,web[01-02]');
    expect(foldHosts(['alpha'])).to.equal('alpha');
  });
});
