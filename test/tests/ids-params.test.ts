import { expect } from 'chai';
import { applyParamOverrides, expandMatrix, expandParams, parseParamOption } from '../../src/tests/params.js';
import { decodeName, encodeName } from '../../src/results/safe-name.js';
import { testId } from '../../src/tests/test-id.js';

describe('tests/test-id and params', () => {
  it('ids sort parameter keys: name@{"a":1,"b":"x"}; no params, just the name', () => {
    expect(testId('t', { b: 'x', a: 1 })).to.equal('t@{"a":1,"b":"x"}');
    expect(testId('t', {})).to.equal('t');
  });
  it('test folders use the session name encoding: reversible, never / nor . or ..', () => {
    const ids = ['t@{"path":"/a/b"}', '..', '.hidden', 'x%2Fy', 'naïve test', 'a\nb', 'bounce_under_load@{"acks":"all"}#2'];
    const dirs = ids.map(encodeName);
    for (const [i, d] of dirs.entries()) {
      expect(d).to.not.contain('/');
      expect(['.', '..']).to.not.include(d);
      expect(decodeName(d)).to.equal(ids[i]);
    }
    expect(new Set(dirs).size).to.equal(ids.length);
    expect(encodeName('bounce_under_load@{"acks":"all"}')).to.equal('bounce_under_load@{"acks":"all"}');
  });
  it('a matrix is a cartesian product, params an explicit list (each crossed with the matrix)', () => {
    expect(expandMatrix({ a: [1, 2], b: ['x', 'y', 'z'] })).to.have.length(6);
    expect(expandMatrix({})).to.deep.equal([{}]);
    expect(expandParams({ b: [1, 2] }, [{ a: 1 }, { a: 2 }])).to.deep.equal([
      { a: 1, b: 1 },
      { a: 1, b: 2 },
      { a: 2, b: 1 },
      { a: 2, b: 2 },
    ]);
  });
  it('--param narrows a varied key (compared as text) and sets any other key', () => {
    const sets = expandMatrix({ acks: [1, 'all'], n: [1, 2] });
    expect(applyParamOverrides(sets, new Map([['acks', 1]]))).to.deep.equal([
      { acks: 1, n: 1 },
      { acks: 1, n: 2 },
    ]);
    expect(applyParamOverrides(sets, new Map<string, unknown>([['acks', 'all'], ['n', '2']]))).to.deep.equal([{ acks: 'all', n: 2 }]);
    expect(applyParamOverrides([{}], new Map([['size', 3]]))).to.deep.equal([{ size: 3 }]);
    expect(parseParamOption('n=3')).to.deep.equal({ key: 'n', value: 3 });
    expect(parseParamOption('acks=all')).to.deep.equal({ key: 'acks', value: 'all' });
    expect(parseParamOption('=x')).to.equal(undefined);
  });
});
