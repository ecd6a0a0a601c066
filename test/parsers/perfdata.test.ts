import { expect } from 'chai';
import { parsePerfdata, parsePerfValue, tokenizePerfdata } from '../../src/parsers/perfdata.js';

describe('parsers/perfdata', () => {
  it('parses value, UOM, warn, crit, min and max', () => {
    expect(parsePerfdata('/=2643MB;5948;5958;0;5968')).to.deep.equal({
      '/': { value: 2643, uom: 'MB', warn: '5948', crit: '5958', min: 0, max: 5968 },
    });
  });

  it('parses several space-separated items with empty fields and trailing semicolons', () => {
    const metrics = parsePerfdata('load1=0.050;99.000;100.000;0; load5=0.190;99.000;100.000;0; procs=75;;;0;');
    expect(metrics['load1']).to.deep.equal({ value: 0.05, warn: '99.000', crit: '100.000', min: 0 });
    expect(metrics['load5']?.value).to.equal(0.19);
    expect(metrics['procs']).to.deep.equal({ value: 75, min: 0 });
  });

  it('reads quoted labels with spaces and the doubled-quote escape', () => {
    const metrics = parsePerfdata("'C:\\ Label: used'=12.5%;80;90 'it''s'=3c");
    expect(metrics['C:\\ Label: used']).to.deep.equal({ value: 12.5, uom: '%', warn: '80', crit: '90' });
    expect(metrics["it's"]).to.deep.equal({ value: 3, uom: 'c' });
  });

  it('keeps Nagios range thresholds as written', () => {
    expect(parsePerfdata('temp=21.5;@10:20;~:30')['temp']).to.deep.equal({ value: 21.5, warn: '@10:20', crit: '~:30' });
  });

  it('accepts negative values, exponents and decimal commas', () => {
    const metrics = parsePerfdata('offset=-0.0042s;1;2 big=1.5e3B ratio=0,75');
    expect(metrics['offset']?.value).to.equal(-0.0042);
    expect(metrics['big']).to.deep.equal({ value: 1500, uom: 'B' });
    expect(metrics['ratio']?.value).to.equal(0.75);
  });

  it('skips undetermined values and malformed words', () => {
    expect(parsePerfdata('a=U;1;2 garbage b=1 =5 c=')).to.deep.equal({ b: { value: 1 } });
  });

  it('returns nothing for empty perfdata', () => {
    expect(parsePerfdata('')).to.deep.equal({});
    expect(parsePerfdata('   ')).to.deep.equal({});
  });

  it('tokenizes labels and value parts', () => {
    expect(tokenizePerfdata("a=1 'b c'=2;3")).to.deep.equal([
      ['a', '1'],
      ['b c', '2;3'],
    ]);
  });

  it('rejects a value that is not a number', () => {
    expect(parsePerfValue('abc;1;2')).to.equal(undefined);
  });
});
