// A result given as data (Smoker's JSON contract, a custom parser's return value): what is accepted and how it is named.
import { expect } from 'chai';
import { normalizeResult, normalizeStatus } from '../../src/parsers/normalize-result.js';

const fails = (value: unknown) => expect(() => normalizeResult(value));

describe('parsers/normalize-result', () => {
  it('reads statuses case-insensitively and trimmed, with WARNING and CRITICAL as aliases', () => {
    const cases: Array<[string, string]> = [
      ['ok', 'OK'],
      [' Warn ', 'WARN'],
      ['warning', 'WARN'],
      ['ERROR', 'ERROR'],
      ['critical', 'ERROR'],
      ['unknown', 'UNKNOWN'],
    ];
    for (const [given, status] of cases) expect(normalizeStatus(given, 's'), given).to.equal(status);
    for (const bad of ['', 'FINE', 0, null, ['OK']]) expect(() => normalizeStatus(bad, 'x.status'), String(bad)).to.throw(/^x\.status: expected OK, WARN, ERROR or UNKNOWN, got /);
  });

  it('a result with only a status has empty messages, components and metrics', () => {
    expect(normalizeResult({ status: 'OK' })).to.deep.equal({ status: 'OK', messages: { info: [], warn: [], error: [] }, components: {}, metrics: {} });
    expect(normalizeResult({ status: 'OK', messages: null, componentResults: null, metrics: null }).messages).to.deep.equal({ info: [], warn: [], error: [] });
  });

  it('files a bare message or list at the level of the status, numbers and booleans as text', () => {
    expect(normalizeResult({ status: 'CRITICAL', messages: 'down' }).messages).to.deep.equal({ info: [], warn: [], error: ['down'] });
    expect(normalizeResult({ status: 'WARNING', messages: ['slow', 3, true] }).messages).to.deep.equal({ info: [], warn: ['slow', '3', 'true'], error: [] });
    expect(normalizeResult({ status: 'UNKNOWN', messages: 'hm' }).messages.error).to.deep.equal(['hm']);
  });

  it('reads message levels case-insensitively, warning as warn, one line or a list, null as none', () => {
    const messages = normalizeResult({ status: 'OK', messages: { INFO: 'a', Warning: ['b', 'c'], error: null } }).messages;
    expect(messages).to.deep.equal({ info: ['a'], warn: ['b', 'c'], error: [] });
  });

  it('names the offending path of a bad message', () => {
    fails({ status: 'OK', messages: { info: { a: 1 } } }).to.throw(/^messages\.info: expected a string, got \{"a":1\}$/);
    fails({ status: 'OK', messages: ['a', null] }).to.throw(/^messages\[1\]: expected a string, got null$/);
    fails({ status: 'OK', messages: { fatal: 'x' } }).to.throw(/^messages\.fatal: expected info, warn or error$/);
    fails({ status: 'OK', messages: 5 }).to.throw(/^messages: expected an object, got 5$/);
  });

  it('reads components under either componentResults or components, never both', () => {
    const viaSmoker = normalizeResult({ status: 'OK', componentResults: { db: { status: 'ok', messages: 'up' } } });
    const viaOwn = normalizeResult({ status: 'OK', components: { db: { status: 'ok', messages: 'up' } } });
    expect(viaSmoker.components).to.deep.equal({ db: { status: 'OK', messages: { info: ['up'], warn: [], error: [] } } });
    expect(viaOwn.components).to.deep.equal(viaSmoker.components);
    fails({ status: 'OK', components: {}, componentResults: {} }).to.throw(/^componentResults: give either componentResults or components, not both$/);
    fails({ status: 'OK', componentResults: { db: { status: 'OK', components: {}, componentResults: {} } } }).to.throw(
      /^componentResults\.db\.componentResults: give either/,
    );
  });

  it('nests components two levels deep, keeping an empty level out of the result', () => {
    const r = normalizeResult({
      status: 'OK',
      components: { a: { status: 'OK', components: { b: { status: 'WARN', messages: ['x'] } } }, c: { status: 'OK', components: {} } },
    });
    expect(r.components['a']?.components).to.deep.equal({ b: { status: 'WARN', messages: { info: [], warn: ['x'], error: [] } } });
    expect(r.components['c']).to.deep.equal({ status: 'OK', messages: { info: [], warn: [], error: [] } });
    expect(Object.keys(r.components['c']!)).to.not.include('components');
    fails({ status: 'OK', components: { a: { status: 'OK', components: { b: { status: 'OK', components: { c: { status: 'OK' } } } } } } }).to.throw(
      /^components\.a\.components\.b\.components: components nest at most 2 levels deep$/,
    );
    fails({ status: 'OK', components: { a: 'OK' } }).to.throw(/^components\.a: expected an object, got "OK"$/);
    fails({ status: 'OK', components: { a: { status: 'fine' } } }).to.throw(/^components\.a\.status: expected/);
  });

  it('reads metrics as numbers, objects, or a Nagios perfdata string', () => {
    expect(normalizeResult({ status: 'OK', metrics: { load: 0.5 } }).metrics).to.deep.equal({ load: { value: 0.5 } });
    expect(
      normalizeResult({ status: 'OK', metrics: { disk: { value: 80, uom: '%', warn: 90, crit: '95', min: 0, max: 100 } } }).metrics,
    ).to.deep.equal({ disk: { value: 80, uom: '%', warn: '90', crit: '95', min: 0, max: 100 } });
    expect(normalizeResult({ status: 'OK', metrics: { t: { value: 1 } } }).metrics['t']).to.deep.equal({ value: 1 });
    expect(normalizeResult({ status: 'OK', metrics: "'free space'=3GB;5;2;0;10" }).metrics).to.deep.equal({
      'free space': { value: 3, uom: 'GB', warn: '5', crit: '2', min: 0, max: 10 },
    });
  });

  it('names the offending path of a bad metric', () => {
    fails({ status: 'OK', metrics: { x: Number.NaN } }).to.throw(/^metrics\.x: expected a number/);
    fails({ status: 'OK', metrics: { x: Number.POSITIVE_INFINITY } }).to.throw(/^metrics\.x: expected a number/);
    fails({ status: 'OK', metrics: { x: '5' } }).to.throw(/^metrics\.x: expected an object, got "5"$/);
    fails({ status: 'OK', metrics: { x: { value: 1, uom: true } } }).to.throw(/^metrics\.x\.uom: expected a string, got true$/);
    fails({ status: 'OK', metrics: { x: { value: 1, warn: [] } } }).to.throw(/^metrics\.x\.warn: expected a string/);
    fails({ status: 'OK', metrics: { x: { value: 1, crit: {} } } }).to.throw(/^metrics\.x\.crit: expected a string/);
    fails({ status: 'OK', metrics: { x: { value: 1, min: '0' } } }).to.throw(/^metrics\.x\.min: expected a number, got "0"$/);
    fails({ status: 'OK', metrics: { x: { value: 1, max: Number.POSITIVE_INFINITY } } }).to.throw(/^metrics\.x\.max: expected a number/);
    fails({ status: 'OK', metrics: { x: { value: 1, max: Number.NaN } } }).to.throw(/^metrics\.x\.max: expected a number/);
    fails({ status: 'OK', metrics: [1] }).to.throw(/^metrics: expected an object, got \[1\]$/);
  });

  it('rejects what is not an object at the top', () => {
    fails(null).to.throw(/^result: expected an object, got null$/);
    fails('OK').to.throw(/^result: expected an object, got "OK"$/);
    fails(undefined).to.throw(/^result: expected an object, got nothing$/);
  });
});
