// varnishadm output edge cases: backend.list admin states (probe/auto/healthy/sick, backend.set_health),
// responseTimeWarn values, CRLF, and a non-zero exit with backends listed.
import { expect } from 'chai';
import { judgeBackend, parseVarnish, readBackends, validateVarnishOptions } from '../../src/parsers/varnish.js';
import { makeInput } from './support.js';

const V7 = 'Backend name                   Admin      Probe    Health     Last change';

describe('parsers/varnish edge cases', () => {
  it('reads every admin state, any case; set_health sick/healthy overrides the probe', () => {
    const rows = [
      V7,
      'b.auto      Auto     5/5   healthy   Wed, 13 Jan 2021 10:31:50 GMT',
      'b.probe     probe    1/5   sick      Wed, 13 Jan 2021 10:31:50 GMT',
      'b.forced    SICK     5/5   healthy   Wed, 13 Jan 2021 10:31:50 GMT',
      'b.up        healthy  0/5   sick      Wed, 13 Jan 2021 10:31:50 GMT',
      'b.bogus     deleted  5/5   healthy   Wed, 13 Jan 2021 10:31:50 GMT',
    ];
    const backends = readBackends(rows.join('\n'));
    expect(backends.map((b) => [b.name, b.health, b.forced, b.probe])).to.deep.equal([
      ['b.auto', 'healthy', false, '5/5'],
      ['b.probe', 'sick', false, '1/5'],
      ['b.forced', 'sick', true, '5/5'],
      ['b.up', 'healthy', true, '0/5'],
    ]);
  });

  it('reads rows only after the table header, and indented probe details into the row above', () => {
    expect(readBackends('b.web1   probe   5/5   healthy   x\n')).to.deep.equal([]);
    const backends = readBackends(
      [V7, 'b.web1   probe   5/5   healthy   x', ' Current states  good:  4 threshold:  3 window:  5', '  Average response time of good probes: 0.25'].join('\r\n'),
    );
    expect(backends).to.deep.equal([
      { name: 'b.web1', health: 'healthy', forced: false, probe: '5/5', good: 4, threshold: 3, window: 5, responseTime: 0.25 },
    ]);
  });

  it('reads the Refs column only when the header has one', () => {
    const withRefs = readBackends(['Backend name   Refs   Admin   Probe', 'a(1.2.3.4,,80)   3   probe   Healthy 5/5'].join('\n'));
    expect(withRefs.map((b) => [b.name, b.health, b.probe])).to.deep.equal([['a(1.2.3.4,,80)', 'healthy', '5/5']]);
    const noRefs = readBackends(['Backend name   Admin   Probe', 'a(1.2.3.4,,80)   probe   Sick 2/5'].join('\n'));
    expect(noRefs.map((b) => [b.name, b.health, b.probe])).to.deep.equal([['a(1.2.3.4,,80)', 'sick', '2/5']]);
  });

  it('a new table header ends the previous backend: its lines are not read into it', () => {
    const backends = readBackends(['Backend a is Healthy', V7, 'Current states  good:  1 threshold:  3 window:  5'].join('\n'));
    expect(backends).to.deep.equal([{ name: 'a', health: 'healthy', forced: false }]);
  });

  it('debug.health: a state other than Healthy or Sick is unknown health, and UNKNOWN', () => {
    const [b] = readBackends('Backend x is Dead\n');
    expect(b?.health).to.equal(undefined);
    const c = judgeBackend(b!);
    expect(c.status).to.equal('UNKNOWN');
    expect(c.messages.error).to.deep.equal(['health unknown']);
  });

  it('describes a backend: admin override, probe, good probes, no probe, response time', () => {
    const c = judgeBackend({ name: 'a', health: 'sick', forced: true, probe: '0/5', good: 0, threshold: 3, window: 5, noProbe: true, responseTime: 0 });
    expect(c).to.deep.equal({
      status: 'ERROR',
      messages: { info: [], warn: [], error: ['sick (set by admin), probe 0/5, 0/5 good probes (threshold 3), no probe, response time 0s'] },
    });
  });

  it('a healthy backend exactly at the response-time limit is OK; above it WARN', () => {
    expect(judgeBackend({ name: 'a', health: 'healthy', forced: false, responseTime: 0.5 }).status).to.equal('OK');
    const slow = judgeBackend({ name: 'a', health: 'healthy', forced: false, responseTime: 0.51 });
    expect(slow.status).to.equal('WARN');
    expect(slow.messages).to.deep.equal({ info: ['healthy, response time 0.51s'], warn: ['response time 0.51s over 0.5s'], error: [] });
    expect(judgeBackend({ name: 'a', health: 'sick', forced: false, responseTime: 9 }).status).to.equal('ERROR');
  });

  it('reads responseTimeWarn as seconds, with or without an s, and falls back to 0.5 for bad values', () => {
    const out = 'Backend a is Healthy\nAverage responsetime of good probes: 0.3\n';
    const status = (v: unknown) => parseVarnish(makeInput({ stdout: out, params: { responseTimeWarn: v } })).components['a']?.status;
    expect(status('0.2s')).to.equal('WARN');
    expect(status('0.2')).to.equal('WARN');
    expect(status(0.2)).to.equal('WARN');
    expect(status(0)).to.equal('WARN');
    expect(status('1s')).to.equal('OK');
    expect(status(null)).to.equal('OK');
    expect(status(-1)).to.equal('OK');
    expect(status('fast')).to.equal('OK');
    expect(parseVarnish(makeInput({ stdout: out, params: { responseTimeWarn: '0.2s' } })).metrics['a.response_time']).to.deep.equal({
      value: 0.3,
      uom: 's',
      warn: '0.2',
    });
  });

  it('validates responseTimeWarn', () => {
    expect(validateVarnishOptions({})).to.equal(undefined);
    expect(validateVarnishOptions({ responsetimewarn: null })).to.equal(undefined);
    expect(validateVarnishOptions({ responsetimewarn: 0 })).to.equal(undefined);
    expect(validateVarnishOptions({ responsetimewarn: '2s' })).to.equal(undefined);
    expect(validateVarnishOptions({ responsetimewarn: -1 })).to.match(/^varnish parser: responseTimeWarn: expected seconds \(a number >= 0\), got /);
    expect(validateVarnishOptions({ responsetimewarn: 'soon' })).to.match(/got/);
    expect(validateVarnishOptions({ responsetimewarn: Number.POSITIVE_INFINITY })).to.match(/got/);
  });

  it('a non-zero exit is ERROR even with backends listed, and says so without claiming none were found', () => {
    const result = parseVarnish(makeInput({ stdout: 'Backend a is Healthy\n', stderr: 'oops\n', exitCode: 2 }));
    expect(result.status).to.equal('ERROR');
    expect(result.messages.error).to.deep.equal(['varnishadm exited with code 2', 'Backend a is Healthy', 'oops']);
    const killed = parseVarnish(makeInput({ stdout: 'Backend a is Healthy\n', exitCode: null, signal: 'SIGTERM' }));
    expect(killed.status).to.equal('ERROR');
    expect(killed.messages.error[0]).to.equal('killed by signal SIGTERM');
  });

  it('counts healthy and sick backends, leaving unknown ones out of both', () => {
    const result = parseVarnish(makeInput({ stdout: 'Backend a is Healthy\nBackend b is Sick\nBackend c is Dead\n' }));
    expect(result.messages.info).to.deep.equal(['3 backends: 1 healthy, 1 sick']);
    expect(result.metrics).to.deep.equal({});
  });
});
