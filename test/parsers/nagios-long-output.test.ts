// The Nagios plugin API's output layout, case by case (nagios-plugins.org/doc/guidelines.html#AEN200):
//   TEXT OUTPUT | OPTIONAL PERFDATA
//   LONG TEXT LINE 1 ... LONG TEXT LINE N | PERFDATA LINE 2
//   PERFDATA LINE 3 ... PERFDATA LINE N

import { expect } from 'chai';
import { parseNagios, splitNagiosOutput } from '../../src/parsers/nagios.js';
import { parsePerfdata } from '../../src/parsers/perfdata.js';
import { makeInput } from './support.js';

const parse = (stdout: string, exitCode = 0) => parseNagios(makeInput({ stdout, exitCode }));

describe('parsers/nagios long output and perfdata (plugin API)', () => {
  it('perfdata after a bar with no space on a long output line names the metric without the bar', () => {
    const result = parse('OK - fine\nlong text|b=2\n');
    expect(result.metrics).to.deep.equal({ b: { value: 2 } });
    expect(result.messages.info).to.deep.equal(['OK - fine', 'long text']);
  });

  it('perfdata with no space after the bar on the first line too', () => {
    expect(parse('OK|a=1;2;3').metrics).to.deep.equal({ a: { value: 1, warn: '2', crit: '3' } });
    expect(parse('OK |a=1').messages.info).to.deep.equal(['OK']);
  });

  it('merges perfdata from the first line, the bar line and every line after it, in order', () => {
    const out = 'DISK OK|a=1\nfirst detail\nsecond detail|b=2MB;3;4\nc=3s\n d=4%;;;0;100 e=5\n';
    const split = splitNagiosOutput(out);
    expect(split.summary).to.equal('DISK OK');
    expect(split.longOutput).to.deep.equal(['first detail', 'second detail']);
    const result = parse(out);
    expect(Object.keys(result.metrics)).to.deep.equal(['a', 'b', 'c', 'd', 'e']);
    expect(result.metrics['b']).to.deep.equal({ value: 2, uom: 'MB', warn: '3', crit: '4' });
    expect(result.metrics['d']).to.deep.equal({ value: 4, uom: '%', min: 0, max: 100 });
  });

  it('treats lines after the perfdata start as perfdata even when they hold a bar or text-like words', () => {
    const result = parse('OK\ndetail|x=1\ny=2|z=3\nnot-a-metric\n');
    expect(result.messages.info).to.deep.equal(['OK', 'detail']);
    expect(result.metrics['x']).to.deep.equal({ value: 1 });
    expect(result.metrics).to.not.have.property('not-a-metric');
  });

  it('keeps long output without perfdata as info lines, dropping blank ones and trailing spaces', () => {
    const result = parse('WARNING - two\nline one  \n\n   \nline two\n', 1);
    expect(result.status).to.equal('WARN');
    expect(result.messages.warn).to.deep.equal(['WARNING - two']);
    expect(result.messages.info).to.deep.equal(['line one', 'line two']);
    expect(result.metrics).to.deep.equal({});
  });

  it('keeps indentation of long output lines', () => {
    expect(splitNagiosOutput('OK\n  indented\n').longOutput).to.deep.equal(['  indented']);
  });

  it('reads CRLF output like LF output', () => {
    const result = parse('OK - crlf|a=1\r\ndetail|b=2\r\nc=3\r\n');
    expect(result.messages.info).to.deep.equal(['OK - crlf', 'detail']);
    expect(result.metrics).to.deep.equal({ a: { value: 1 }, b: { value: 2 }, c: { value: 3 } });
  });

  it('a bar with nothing after it gives no metrics and no stray message text', () => {
    const result = parse('OK - empty perf|\ndetail|\n');
    expect(result.messages.info).to.deep.equal(['OK - empty perf', 'detail']);
    expect(result.metrics).to.deep.equal({});
  });

  it('a first line that is only perfdata gives the "no output" message', () => {
    expect(parse('|a=1').messages.info).to.deep.equal(['(no output returned from plugin)']);
  });

  it('a bar inside the first line text splits at the first bar only', () => {
    const result = parse("OK - a|b=1 'c|d'=2");
    expect(result.messages.info).to.deep.equal(['OK - a']);
    expect(result.metrics['b']).to.deep.equal({ value: 1 });
  });

  it('quoted labels with spaces, equals signs and escaped quotes, on any perfdata line', () => {
    const result = parse("OK|'label with space'=1\nmore|'x=y'=2 'it''s'=3\n'a b c'=4ms\n");
    expect(result.metrics).to.deep.equal({
      'label with space': { value: 1 },
      'x=y': { value: 2 },
      "it's": { value: 3 },
      'a b c': { value: 4, uom: 'ms' },
    });
  });

  it('units of the plugin API: none, s/ms/us, %, B/KB/MB/TB, c', () => {
    const metrics = parsePerfdata('n=1 t=2s m=3ms u=4us p=5% b=6B k=7KB g=8MB t2=9TB c=10c');
    expect(Object.fromEntries(Object.entries(metrics).map(([k, v]) => [k, [v.value, v.uom]]))).to.deep.equal({
      n: [1, undefined], t: [2, 's'], m: [3, 'ms'], u: [4, 'us'], p: [5, '%'], b: [6, 'B'], k: [7, 'KB'], g: [8, 'MB'], t2: [9, 'TB'], c: [10, 'c'],
    });
  });

  it('min and max are numbers, warn and crit stay range strings; empty fields are absent', () => {
    expect(parsePerfdata('a=1;;;;')['a']).to.deep.equal({ value: 1 });
    expect(parsePerfdata('a=1;~:2;@3:4;-1.5;1e2')['a']).to.deep.equal({ value: 1, warn: '~:2', crit: '@3:4', min: -1.5, max: 100 });
    expect(parsePerfdata('a=1;;;x;0,5')['a']).to.deep.equal({ value: 1, max: 0.5 });
    expect(parsePerfdata('a=.5;;; ;')['a']).to.deep.equal({ value: 0.5 });
  });

  it('skips undetermined (U) and non-numeric values but keeps the other items', () => {
    expect(parsePerfdata("a=U b=2 c=x 'd'=3 e=--")).to.deep.equal({ b: { value: 2 }, d: { value: 3 } });
  });

  it('an unterminated quoted label is not a metric', () => {
    expect(parsePerfdata("'open=1")).to.deep.equal({});
  });

  it('words that are not label=value are skipped and parsing resumes at the next word', () => {
    expect(parsePerfdata("junk 'q'x=1 b=2 =3 'e'=")).to.deep.equal({ b: { value: 2 } });
  });

  it('separates items by any whitespace: tabs and several spaces', () => {
    expect(parsePerfdata('a=1\tb=2    c=3')).to.deep.equal({ a: { value: 1 }, b: { value: 2 }, c: { value: 3 } });
  });
});
