// A service definition built from what a check file says: wait conditions, logs, watchers, bounce and defaults.
import { expect } from 'chai';
import { buildService } from '../../src/config/services.js';

type Raw = Parameters<typeof buildService>[1];
const build = (raw: Raw) => buildService('kafka', raw, '/p/checks.yaml', '/p');
const service = (raw: Raw) => {
  const r = build(raw);
  if ('error' in r) throw new Error(r.error);
  return r.service;
};

describe('config: services', () => {
  it('needs at least one of start, stop, status, wait', () => {
    expect(build({})).to.deep.equal({ error: 'a service needs at least one of start, stop, status, wait' });
    expect(build({ wait: [] })).to.deep.equal({ error: 'a service needs at least one of start, stop, status, wait' });
    expect(build({ hosts: 'web', logs: ['/x'] })).to.have.property('error');
    for (const raw of [{ start: 's' }, { stop: 's' }, { status: 's' }, { wait: [{ port: 1 }] }]) expect(build(raw), JSON.stringify(raw)).to.have.property('service');
  });

  it('defaults: wait 60s, no logs or watchers, bounce one host at a time without pause, no sudo, no env', () => {
    const s = service({ start: 'systemctl start kafka' });
    expect(s).to.deep.equal({
      name: 'kafka',
      file: '/p/checks.yaml',
      baseDir: '/p',
      hosts: undefined,
      start: 'systemctl start kafka',
      stop: undefined,
      status: undefined,
      clean: undefined,
      pidFile: undefined,
      pids: undefined,
      wait: [],
      waitTimeoutMs: 60_000,
      logs: {},
      watch: [],
      bounce: { serial: 1, pauseMs: 0 },
      sudo: false,
      env: {},
    });
    expect(Object.isFrozen(s)).to.equal(true);
  });

  it('every key as written', () => {
    const s = service({
      hosts: 'kafka',
      start: 'a',
      stop: 'b',
      status: 'c',
      clean: 'd',
      pidFile: '/run/k.pid',
      pids: 'pgrep kafka',
      waitTimeout: 5000,
      bounce: { serial: '50%', pause: 2000 },
      sudo: true,
      env: { JAVA_HOME: '/j' },
      logs: { server: '/var/log/k/server.log' },
    });
    expect(s).to.deep.include({ hosts: 'kafka', stop: 'b', status: 'c', clean: 'd', pidFile: '/run/k.pid', pids: 'pgrep kafka', waitTimeoutMs: 5000, sudo: true });
    expect(s.bounce).to.deep.equal({ serial: '50%', pauseMs: 2000 });
    expect(s.env).to.deep.equal({ JAVA_HOME: '/j' });
    expect(s.logs).to.deep.equal({ server: '/var/log/k/server.log' });
    expect(service({ start: 'a', bounce: { pause: 1000 } }).bounce).to.deep.equal({ serial: 1, pauseMs: 1000 });
    expect(service({ start: 'a', bounce: { serial: 3 } }).bounce).to.deep.equal({ serial: 3, pauseMs: 0 });
  });

  it('wait conditions: port (on 127.0.0.1 unless a host is given), http, log, command', () => {
    const s = service({
      wait: [{ port: 9092 }, { port: 80, host: '10.0.0.1' }, { http: 'http://x/' }, { log: { path: '/l', pattern: 'started' } }, { command: 'true' }],
    });
    expect(s.wait).to.deep.equal([
      { kind: 'port', port: 9092, host: '127.0.0.1' },
      { kind: 'port', port: 80, host: '10.0.0.1' },
      { kind: 'http', url: 'http://x/' },
      { kind: 'log', path: '/l', pattern: 'started' },
      { kind: 'command', command: 'true' },
    ]);
  });

  it('logs given as a list are named after their files', () => {
    expect(service({ start: 'a', logs: ['/var/log/k/server.log', '/var/log/k/gc.log'] }).logs).to.deep.equal({ 'server.log': '/var/log/k/server.log', 'gc.log': '/var/log/k/gc.log' });
  });

  it('watch: one log or a list, named after the file unless named; patterns must be regular expressions', () => {
    expect(service({ start: 'a', watch: { path: '/var/log/k/server.log' } }).watch).to.deep.equal([{ name: 'server.log', path: '/var/log/k/server.log', patterns: [] }]);
    expect(service({ start: 'a', watch: [{ path: '/l/a.log', patterns: ['OOM'], name: 'main' }, { path: '/l/b.log' }] }).watch).to.deep.equal([
      { name: 'main', path: '/l/a.log', patterns: ['OOM'] },
      { name: 'b.log', path: '/l/b.log', patterns: [] },
    ]);
    const r = build({ start: 'a', watch: [{ path: '/l/a.log', patterns: ['ok', 'bad('] }] });
    expect('error' in r && r.error).to.match(/^watch pattern "bad\(" is not a valid regular expression: /);
  });
});
