import { expect } from 'chai';
import { expandFolded, expandRange, foldHosts } from '../../src/config/ranges.js';

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

  describe('foldHosts (clush nodeset folding, for every host list smoker prints)', () => {
    const range = (prefix: string, from: number, to: number, width: number, suffix = '') =>
      Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${String(from + i).padStart(width, '0')}${suffix}`);

    it('folds each prefix into ranges, in order of first appearance: web[02-11],db[12-21]', () => {
      expect(foldHosts([...range('web', 2, 11, 2), ...range('db', 12, 21, 2)])).to.equal('web[02-11],db[12-21]');
    });
    it('keeps zero padding and sorts numbers within a range', () => {
      expect(foldHosts(['web010', 'web008', 'web009', 'web001'])).to.equal('web[001,008-010]');
      expect(foldHosts(['n09', 'n10', 'n11'])).to.equal('n[09-11]');
    });
    it('joins unpadded numbers of different lengths: n9,n10 is n[9-10]', () => {
      expect(foldHosts(['n8', 'n9', 'n10', 'n11', 'n100'])).to.equal('n[8-11,100]');
    });
    it('never merges a padded and an unpadded spelling of different widths', () => {
      expect(foldHosts(['web1', 'web01', 'web02'])).to.equal('web1,web[01-02]');
    });
    it('shows gaps as separate ranges and single numbers alone', () => {
      expect(foldHosts(['h1', 'h2', 'h4', 'h6', 'h7', 'h8'])).to.equal('h[1-2,4,6-8]');
    });
    it('keeps suffixes such as a domain: web01.example.com', () => {
      expect(foldHosts(range('web', 1, 3, 2, '.example.com'))).to.equal('web[01-03].example.com');
      expect(foldHosts(['web01.example.com', 'web02.example.org'])).to.equal('web01.example.com,web02.example.org');
    });
    it('leaves names without a number as they are, once each', () => {
      expect(foldHosts(['alpha', 'beta', 'alpha', 'web1', 'web2'])).to.equal('alpha,beta,web[1-2]');
      expect(foldHosts([])).to.equal('');
    });
    it('expands back to the same names (expandFolded)', () => {
      const names = [...range('web', 1, 12, 2), 'web15', ...range('n', 8, 12, 0), 'db1'];
      expect(foldHosts(names).split(/,(?![^[]*\])/).flatMap(expandFolded).sort()).to.deep.equal([...names].sort());
    });
  });
});
