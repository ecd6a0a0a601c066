// One YAML test step (`- exec: ...`) validated: every verb's short and long form, its defaults, and each wrong input's message and path.
import { expect } from 'chai';
import { DEFAULT_EVERY_MS, DEFAULT_WAIT_MS, describe as describeValue, isObj, parseExpect, parseStep } from '../../src/config/test-steps.js';
import type { StepDef } from '../../src/config/test-types.js';

const AT = { file: 't.yaml', line: 3, col: 7 };

/** The step and every "path: message" reported for it. */
function step(raw: unknown): { step: StepDef | undefined; problems: string[] } {
  const problems: string[] = [];
  const s = parseStep(raw, ['tests', 't', 'steps', 0], () => AT, (p, m) => problems.push(`${p.join('.')}: ${m}`));
  return { step: s, problems };
}

/** The one problem of a step that must be refused. */
function problem(raw: unknown): string {
  const r = step(raw);
  expect(r.step, JSON.stringify(raw)).to.equal(undefined);
  expect(r.problems, JSON.stringify(raw)).to.have.length(1);
  return r.problems[0] as string;
}

/** A step that must be accepted, without its position. */
function ok(raw: unknown): Record<string, unknown> {
  const r = step(raw);
  expect(r.problems, JSON.stringify(raw)).to.deep.equal([]);
  const { pos, ...rest } = r.step as StepDef & Record<string, unknown>;
  expect(pos).to.deep.equal(AT);
  return rest;
}

const S = 'tests.t.steps.0';

describe('config: one test step', () => {
  it('a step is a map with exactly one verb', () => {
    expect(problem('ls')).to.equal(`${S}: expected a step like { exec: "command" } (one of start, stop, restart, bounce, clean, exec, join, check, wait, kill, signal, copy, fetch, sleep, collect), got "ls"`);
    expect(problem(['ls'])).to.match(/got a list$/);
    expect(problem(null)).to.match(/got null$/);
    expect(problem({})).to.equal(`${S}: empty step (steps: start, stop, restart, bounce, clean, exec, join, check, wait, kill, signal, copy, fetch, sleep, collect)`);
    expect(problem({ exec: 'ls', sleep: '1s' })).to.equal(`${S}: a step has one verb, got exec and sleep`);
    expect(problem({ slep: '1s' })).to.equal(`${S}.slep: unknown step "slep" (did you mean "sleep"?) (steps: start, stop, restart, bounce, clean, exec, join, check, wait, kill, signal, copy, fetch, sleep, collect)`);
    expect(problem({ exec: 'ls', on: 'web' })).to.equal(`${S}.on: unknown key "on" beside exec: (put options inside exec: { ... })`);
  });

  it('service steps: a name, or { service, on, serial }', () => {
    for (const kind of ['start', 'stop', 'restart', 'bounce', 'clean', 'collect']) {
      expect(ok({ [kind]: 'kafka' })).to.deep.equal({ kind, service: 'kafka' });
      expect(ok({ [kind]: { service: 'kafka', on: 'web', serial: 2 } })).to.deep.equal({ kind, service: 'kafka', on: 'web', serial: 2 });
    }
    expect(ok({ bounce: { service: 'kafka', serial: '50%' } })).to.deep.equal({ kind: 'bounce', service: 'kafka', on: undefined, serial: '50%' });
    expect(problem({ start: '' })).to.equal(`${S}.start: expected a service name or { service: NAME, on: PATTERN, serial: N }, got ""`);
    expect(problem({ stop: { on: 'web' } })).to.equal(`${S}.stop: expected a service name or { service: NAME, on: PATTERN, serial: N }, got a map`);
    expect(problem({ restart: 3 })).to.equal(`${S}.restart: expected a service name or { service: NAME, on: PATTERN, serial: N }, got 3`);
    expect(problem({ bounce: { service: 3 } })).to.match(/serial: N \}, got a map$/);
    expect(problem({ clean: { service: 1 } })).to.equal(`${S}.clean: expected a service name or { service: NAME, on: PATTERN }, got a map`);
    expect(problem({ collect: [] })).to.equal(`${S}.collect: expected a service name or { service: NAME, on: PATTERN }, got a list`);
    expect(problem({ start: { service: 'k', serail: 1 } })).to.equal(`${S}.start.serail: unknown key "serail" (did you mean "serial"?) (allowed: service, on, serial)`);
    expect(problem({ start: { service: 'k', serial: true } })).to.equal(`${S}.start.serial: expected a number of hosts or N%, got true`);
    expect(problem({ start: { service: 'k', on: 5 } })).to.equal(`${S}.start.on: expected text, got 5`);
    expect(problem({ start: { service: 'k', on: '' } })).to.equal(`${S}.start.on: expected text, got ""`);
  });

  it('exec: a command, or { command, on, expect, background, timeout }', () => {
    expect(ok({ exec: 'uptime' })).to.deep.equal({ kind: 'exec', command: 'uptime', expect: {} });
    expect(ok({ exec: { command: 'produce', on: 'client', background: 'load', timeout: '2m', expect: { exit: 0, stdout: '^sent' } } })).to.deep.equal({
      kind: 'exec',
      command: 'produce',
      on: 'client',
      background: 'load',
      timeoutMs: 120_000,
      expect: { exit: 0, stdout: '^sent', stderr: undefined },
    });
    expect(ok({ exec: { command: 'x' } })).to.deep.equal({ kind: 'exec', command: 'x', on: undefined, background: undefined, timeoutMs: undefined, expect: {} });
    expect(problem({ exec: '' })).to.equal(`${S}.exec: expected a command or { command: CMD, on, expect: { exit, stdout, stderr }, background: NAME, timeout }, got ""`);
    expect(problem({ exec: { on: 'web' } })).to.match(/^tests\.t\.steps\.0\.exec: expected a command or .*got a map$/);
    expect(problem({ exec: { command: 'x', timeout: 'soon' } })).to.equal(`${S}.exec.timeout: expected a duration like 30s, got "soon"`);
    expect(problem({ exec: { command: 'x', background: 7 } })).to.equal(`${S}.exec.background: expected text, got 7`);
    expect(problem({ exec: { command: 'x', on: false } })).to.equal(`${S}.exec.on: expected text, got false`);
    expect(problem({ exec: { command: 'x', expect: { exit: 'zero' } } })).to.equal(`${S}.exec.expect.exit: expected an exit code, got "zero"`);
    expect(problem({ exec: { command: 'x', comand: 'y' } })).to.equal(`${S}.exec.comand: unknown key "comand" (did you mean "command"?) (allowed: command, on, expect, background, timeout)`);
  });

  it('join: a background name, or { name, expect }', () => {
    expect(ok({ join: 'load' })).to.deep.equal({ kind: 'join', name: 'load', expect: {} });
    expect(ok({ join: { name: 'load', expect: { exit: 3 } } })).to.deep.equal({ kind: 'join', name: 'load', expect: { exit: 3, stdout: undefined, stderr: undefined } });
    expect(problem({ join: '' })).to.equal(`${S}.join: expected a background name or { name: NAME, expect: { exit, stdout, stderr } }, got ""`);
    expect(problem({ join: { expect: {} } })).to.match(/^tests\.t\.steps\.0\.join: expected a background name .*got a map$/);
    expect(problem({ join: { name: 'l', on: 'x' } })).to.equal(`${S}.join.on: unknown key "on" (allowed: name, expect)`);
    expect(problem({ join: { name: 'l', expect: { stdout: '(' } } })).to.match(/^tests\.t\.steps\.0\.join\.expect\.stdout: invalid regular expression: /);
  });

  it('check: a name, a list of names, or { checks, on }', () => {
    expect(ok({ check: 'disk' })).to.deep.equal({ kind: 'check', checks: ['disk'] });
    expect(ok({ check: ['disk', 'uname'] })).to.deep.equal({ kind: 'check', checks: ['disk', 'uname'] });
    expect(ok({ check: { checks: ['disk'], on: 'web' } })).to.deep.equal({ kind: 'check', checks: ['disk'], on: 'web' });
    expect(ok({ check: { checks: [] } })).to.deep.equal({ kind: 'check', checks: [], on: undefined });
    const msg = `${S}.check: expected check names ([disk, uname]) or { checks: [..], on: PATTERN }, got`;
    expect(problem({ check: '' })).to.equal(`${msg} ""`);
    expect(problem({ check: [] })).to.equal(`${msg} a list`);
    expect(problem({ check: ['disk', 3] })).to.equal(`${msg} a list`);
    expect(problem({ check: { checks: 'disk' } })).to.equal(`${msg} a map`);
    expect(problem({ check: { checks: ['disk', 1] } })).to.equal(`${msg} a map`);
    expect(problem({ check: { checks: ['d'], onn: 'x' } })).to.equal(`${S}.check.onn: unknown key "onn" (did you mean "on"?) (allowed: checks, on)`);
    expect(problem({ check: { checks: ['d'], on: 1 } })).to.equal(`${S}.check.on: expected text, got 1`);
  });

  it('wait: exactly one condition, timeout 60s and every 1s by default', () => {
    expect(DEFAULT_WAIT_MS).to.equal(60_000);
    expect(DEFAULT_EVERY_MS).to.equal(1_000);
    expect(ok({ wait: { check: 'isr' } })).to.deep.equal({ kind: 'wait', what: { kind: 'check', check: 'isr' }, on: undefined, timeoutMs: 60_000, everyMs: 1_000 });
    expect(ok({ wait: { exec: 'test -f /x', timeout: '5s', every: '500ms', on: 'web' } })).to.deep.equal({ kind: 'wait', what: { kind: 'exec', command: 'test -f /x' }, on: 'web', timeoutMs: 5000, everyMs: 500 });
    expect(ok({ wait: { port: 1 } }).what).to.deep.equal({ kind: 'port', port: 1 });
    expect(ok({ wait: { port: 65535 } }).what).to.deep.equal({ kind: 'port', port: 65535 });
    expect(ok({ wait: { http: 'http://x/' } }).what).to.deep.equal({ kind: 'http', url: 'http://x/' });
    expect(ok({ wait: { http: 'https://x/health' } }).what).to.deep.equal({ kind: 'http', url: 'https://x/health' });
    expect(ok({ wait: { log: { path: '/var/log/k', pattern: 'started' } } }).what).to.deep.equal({ kind: 'log', path: '/var/log/k', pattern: 'started' });
    expect(problem({ wait: 'isr' })).to.equal(`${S}.wait: expected { check|exec|port|http|log: ..., timeout, every, on }, got "isr"`);
    expect(problem({ wait: {} })).to.equal(`${S}.wait: a wait polls exactly one of check, exec, port, http, log`);
    expect(problem({ wait: { port: 1, http: 'http://x' } })).to.equal(`${S}.wait: a wait polls exactly one of check, exec, port, http, log, got port and http`);
    expect(problem({ wait: { port: 1, tiemout: '1s' } })).to.match(/^tests\.t\.steps\.0\.wait\.tiemout: unknown key "tiemout" \(did you mean "timeout"\?\)/);
    expect(problem({ wait: { check: '' } })).to.equal(`${S}.wait.check: expected a check name, got ""`);
    expect(problem({ wait: { check: 1 } })).to.equal(`${S}.wait.check: expected a check name, got 1`);
    expect(problem({ wait: { exec: '' } })).to.equal(`${S}.wait.exec: expected a command, got ""`);
    for (const port of [0, 65536, 1.5, '80']) expect(problem({ wait: { port } })).to.equal(`${S}.wait.port: expected a port 1-65535, got ${JSON.stringify(port)}`);
    for (const http of ['ftp://x', 'x http://y', 3]) expect(problem({ wait: { http } })).to.equal(`${S}.wait.http: expected an http:// or https:// URL, got ${JSON.stringify(http)}`);
    expect(problem({ wait: { log: { path: '/x' } } })).to.equal(`${S}.wait.log: expected { path: FILE, pattern: REGEX }, got a map`);
    expect(problem({ wait: { log: { pattern: 'x' } } })).to.equal(`${S}.wait.log: expected { path: FILE, pattern: REGEX }, got a map`);
    expect(problem({ wait: { log: '/x' } })).to.equal(`${S}.wait.log: expected { path: FILE, pattern: REGEX }, got "/x"`);
    expect(problem({ wait: { port: 1, timeout: 'x' } })).to.equal(`${S}.wait.timeout: expected a duration like 60s, got "x"`);
    expect(problem({ wait: { port: 1, every: 'x' } })).to.equal(`${S}.wait.every: expected a duration like 2s, got "x"`);
    expect(problem({ wait: { port: 1, on: 2 } })).to.equal(`${S}.wait.on: expected text, got 2`);
  });

  it('kill and signal: exactly one target; kill sends KILL by default, signal needs one; SIG and case dropped', () => {
    expect(ok({ kill: 'kafka' })).to.deep.equal({ kind: 'kill', service: 'kafka', pidFile: undefined, process: undefined, on: undefined, signal: 'KILL' });
    expect(ok({ kill: { pidFile: '/run/k.pid', on: 'kafka[0]', signal: 'sigterm' } })).to.deep.equal({ kind: 'kill', service: undefined, pidFile: '/run/k.pid', process: undefined, on: 'kafka[0]', signal: 'TERM' });
    expect(ok({ signal: { process: 'java.*Kafka', signal: 'HUP' } })).to.deep.equal({ kind: 'signal', service: undefined, pidFile: undefined, process: 'java.*Kafka', on: undefined, signal: 'HUP' });
    expect(ok({ signal: { service: 'k', signal: 9 } }).signal).to.equal('9');
    expect(problem({ signal: 'kafka' })).to.equal(`${S}.signal: a signal step needs signal: (e.g. HUP, STOP, CONT)`);
    expect(problem({ kill: {} })).to.equal(`${S}.kill: say what to kill: exactly one of service, pidFile, process`);
    expect(problem({ signal: { service: 'a', process: 'b', signal: 'HUP' } })).to.equal(`${S}.signal: say what to signal: exactly one of service, pidFile, process, got service and process`);
    expect(problem({ kill: 3 })).to.equal(`${S}.kill: expected { service: NAME | pidFile: PATH | process: PATTERN, on, signal }, got 3`);
    expect(problem({ kill: [] })).to.equal(`${S}.kill: expected { service: NAME | pidFile: PATH | process: PATTERN, on, signal }, got a list`);
    expect(problem({ kill: { service: 'k', signal: 'SIG-TERM' } })).to.equal(`${S}.kill.signal: expected a signal name like KILL or TERM, got "SIG-TERM"`);
    expect(problem({ kill: { service: 'k', signal: 'TERM x' } })).to.equal(`${S}.kill.signal: expected a signal name like KILL or TERM, got "TERM x"`);
    expect(problem({ kill: { service: 'k', sginal: 'TERM' } })).to.match(/^tests\.t\.steps\.0\.kill\.sginal: unknown key "sginal" \(did you mean "signal"\?\) \(allowed: service, pidFile, process, on, signal\)$/);
    expect(problem({ kill: { service: 7 } })).to.equal(`${S}.kill.service: expected text, got 7`);
    expect(problem({ kill: { pidFile: 7 } })).to.equal(`${S}.kill.pidFile: expected text, got 7`);
    expect(problem({ kill: { process: true } })).to.equal(`${S}.kill.process: expected text, got true`);
    expect(problem({ kill: { service: 'k', on: 1 } })).to.equal(`${S}.kill.on: expected text, got 1`);
  });

  it('copy and fetch: { src, dest, on }', () => {
    expect(ok({ copy: { src: 'a', dest: '/tmp/a' } })).to.deep.equal({ kind: 'copy', src: 'a', dest: '/tmp/a', on: undefined });
    expect(ok({ fetch: { src: '/var/log', dest: 'logs', on: 'web' } })).to.deep.equal({ kind: 'fetch', src: '/var/log', dest: 'logs', on: 'web' });
    const msg = 'expected { src: PATH, dest: PATH, on: PATTERN }, got';
    expect(problem({ copy: 'a' })).to.equal(`${S}.copy: ${msg} "a"`);
    expect(problem({ copy: { src: 'a' } })).to.equal(`${S}.copy: ${msg} a map`);
    expect(problem({ fetch: { dest: 'a' } })).to.equal(`${S}.fetch: ${msg} a map`);
    expect(problem({ fetch: { src: 'a', dest: 'b', mode: 1 } })).to.equal(`${S}.fetch.mode: unknown key "mode" (allowed: src, dest, on)`);
    expect(problem({ copy: { src: 'a', dest: 'b', on: [] } })).to.equal(`${S}.copy.on: expected text, got a list`);
  });

  it('sleep: a duration', () => {
    expect(ok({ sleep: '2s' })).to.deep.equal({ kind: 'sleep', ms: 2000 });
    expect(ok({ sleep: 1 })).to.deep.equal({ kind: 'sleep', ms: 1000 });
    expect(problem({ sleep: 'a while' })).to.equal(`${S}.sleep: expected a duration like 2s, got "a while"`);
  });

  it('expect: exit, stdout and stderr regular expressions (multi-line), nothing else', () => {
    const problems: string[] = [];
    const report = (p: readonly (string | number)[], m: string) => problems.push(`${p.join('.')}: ${m}`);
    expect(parseExpect(undefined, ['e'], report)).to.deep.equal({});
    expect(parseExpect({ exit: 2, stdout: '^a$', stderr: 'b' }, ['e'], report)).to.deep.equal({ exit: 2, stdout: '^a$', stderr: 'b' });
    expect(parseExpect({ stderr: 'x' }, ['e'], report)).to.deep.equal({ exit: undefined, stdout: undefined, stderr: 'x' });
    expect(problems).to.deep.equal([]);
    expect(parseExpect('0', ['e'], report)).to.equal(undefined);
    expect(parseExpect({ exit: 1.5 }, ['e'], report)).to.equal(undefined);
    expect(parseExpect({ stdout: 1 }, ['e'], report)).to.equal(undefined);
    expect(parseExpect({ stderr: '[' }, ['e'], report)).to.equal(undefined);
    expect(parseExpect({ stdout: 'ok', exitcode: 0 }, ['e'], report)).to.equal(undefined);
    expect(problems.slice(0, 3)).to.deep.equal(['e: expected { exit: N, stdout: REGEX, stderr: REGEX }, got "0"', 'e.exit: expected an exit code, got 1.5', 'e.stdout: expected a regular expression, got 1']);
    expect(problems[3]).to.match(/^e\.stderr: invalid regular expression: /);
    expect(problems[4]).to.equal('e.exitcode: unknown key "exitcode" (allowed: exit, stdout, stderr)');
  });

  it('describes values for "got ..." and tells maps from lists and null', () => {
    expect([undefined, null, [], {}, 'x', 3, true].map(describeValue)).to.deep.equal(['nothing', 'null', 'a list', 'a map', '"x"', '3', 'true']);
    expect([{}, { a: 1 }].map(isObj)).to.deep.equal([true, true]);
    expect([null, [], 'x', 1, undefined].map(isObj)).to.deep.equal([false, false, false, false, false]);
  });
});
