import { expect } from 'chai';
import { parseIniValue } from '../../src/interop/python-literal.js';

describe('interop/python-literal', () => {
  it('reads numbers, booleans and None as literal_eval does', () => {
    expect(parseIniValue('2222')).to.equal(2222);
    expect(parseIniValue('-1.5e2')).to.equal(-150);
    expect(parseIniValue('0x1F')).to.equal(31);
    expect(parseIniValue('True')).to.equal(true);
    expect(parseIniValue('False # a comment')).to.equal(false);
    expect(parseIniValue('None')).to.equal(null);
  });

  it('reads quoted strings, lists, tuples, dicts and sets', () => {
    expect(parseIniValue("'03#pa33w0rd'")).to.equal('03#pa33w0rd');
    expect(parseIniValue('"a b" \'c\'')).to.equal('a bc');
    expect(parseIniValue("['a', 2, [True]]")).to.deep.equal(['a', 2, [true]]);
    expect(parseIniValue("('x', 'y')")).to.deep.equal(['x', 'y']);
    expect(parseIniValue("{'k': 1, \"j\": None}")).to.deep.equal({ k: 1, j: null });
    expect(parseIniValue('{1, 2}')).to.deep.equal([1, 2]);
  });

  it('keeps anything else as the text itself', () => {
    for (const raw of ['10.0.0.1', 'FALSE', 'yes', '0123', '5s', 'foo.example.com # note', "'open", '[1, 2', 'a=b']) {
      expect(parseIniValue(raw)).to.equal(raw);
    }
  });
});
