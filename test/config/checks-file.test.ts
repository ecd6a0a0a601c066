// A check file loaded as `smoker run` and `validate` load it: defaults, templates, actions, services, and every
// problem as file:line:col with its path.
import { expect } from 'chai';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadChecks, normalizeModule, validateCheckFiles } from '../../src/config/checks.js';
import type { CheckSet } from '../../src/config/check-types.js';
import { ConfigError } from '../../src/errors.js';

describe('config: a check file', () => {
  let dir: string;
  let n = 0;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'smoker-checks-file-'));
    writeFileSync(join(dir, 'fix.sh'), '#!/bin/sh\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const write = (text: string) => {
    const path = join(dir, `c${++n}.yaml`);
    writeFileSync(path, text);
    return path;
  };
  const load = (text: string): CheckSet => loadChecks([write(text)]);
  /** Every issue of a file that must be refused, as "line:col path: message". */
  const issuesOf = (...texts: string[]): string[] => {
    const r = validateCheckFiles(texts.map(write));
    if (!('issues' in r)) throw new Error('the file was accepted');
    return r.issues.map((i) => `${i.pos?.line}:${i.pos?.col} ${i.path}: ${i.message}`);
  };

  it('a check gets its defaults: auto parser, 30s, enabled, no retries, not run when locked', () => {
    const set = load('checks:\n  up: { command: uptime }\n');
    const [c] = set.checks;
    expect(c).to.deep.equal({
      name: 'up',
      file: join(dir, `c${n}.yaml`),
      baseDir: dir,
      command: 'uptime',
      module: undefined,
      parser: 'auto',
      timeoutMs: 30_000,
      hosts: undefined,
      type: undefined,
      category: undefined,
      component: undefined,
      action: undefined,
      enabled: true,
      maintenanceLock: undefined,
      runOnLocked: false,
      sudo: undefined,
      retries: 0,
      params: {},
      watch: undefined,
    });
    expect(Object.isFrozen(c)).to.equal(true);
    expect(Object.isFrozen(c?.params)).to.equal(true);
    expect(Object.isFrozen(set)).to.equal(true);
    expect(set.files).to.deep.equal([join(dir, `c${n}.yaml`)]);
    expect(set.warnings).to.deep.equal([]);
  });

  it('every key as written, Smoker spellings and plugins: included', () => {
    const set = load(`plugins:
  Disk:
    Command: "df -P {{ mount }}"
    Parser: { type: number, match: "(\\\\d+)%", warn: ">80", error: ">90" }
    Timeout: 5s
    Hosts: web
    Type: health
    Category: system
    Component: disk
    Enabled: false
    MaintenanceLock: /var/lock/m
    RunOnLocked: yes
    Sudo: true
    Retries: 2
    mount: /
    params: { extra: 1 }
`);
    const [c] = set.checks;
    expect(c).to.deep.include({
      name: 'Disk',
      command: 'df -P {{ mount }}',
      parser: { type: 'number', match: '(\\d+)%', warn: '>80', error: '>90' },
      timeoutMs: 5000,
      hosts: 'web',
      type: 'healthCheck',
      category: 'system',
      component: 'disk',
      enabled: false,
      maintenanceLock: '/var/lock/m',
      runOnLocked: true,
      sudo: true,
      retries: 2,
    });
    expect(c?.params).to.deep.equal({ mount: '/', extra: 1 });
  });

  it('templates: BasePlugin under every check, then the named template, then the check; params merge key by key', () => {
    const set = load(`templates:
  BasePlugin: { timeout: 10s, category: base, params: { a: base, b: base } }
  Web: { command: "curl {{ url }}", category: web, url: http://x, params: { b: web } }
checks:
  home: { template: Web, params: { a: home } }
  plain: { command: uptime }
  mod: { template: Web, module: uname }
`);
    const byName = new Map(set.checks.map((c) => [c.name, c]));
    expect(byName.get('home')).to.deep.include({ command: 'curl {{ url }}', category: 'web', timeoutMs: 10_000 });
    expect(byName.get('home')?.params).to.deep.equal({ a: 'home', b: 'web', url: 'http://x' });
    expect(byName.get('plain')).to.deep.include({ command: 'uptime', category: 'base', timeoutMs: 10_000 });
    expect(byName.get('plain')?.params).to.deep.equal({ a: 'base', b: 'base' });
    // A check's module replaces its template's command: not both.
    expect(byName.get('mod')).to.deep.include({ command: undefined, module: 'uname' });
  });

  it('an undefined template, with a did-you-mean', () => {
    expect(issuesOf('templates:\n  Web: { command: x }\nchecks:\n  a: { template: Wbe }\n')).to.deep.equal(['4:18 checks.a.template: undefined template "Wbe" (did you mean "Web"?)']);
  });

  it('a name defined twice, in one file or across files', () => {
    expect(issuesOf('checks:\n  a: { command: x }\nplugins:\n  a: { command: y }\n')).to.deep.equal([`4:3 plugins.a: check "a" is already defined at ${join(dir, `c${n}.yaml`)}:2:3`]);
    const first = n + 1;
    expect(issuesOf('templates:\n  T: { command: x }\n', 'templates:\n  T: { command: y }\n')).to.deep.equal([`2:3 templates.T: template "T" is already defined at ${join(dir, `c${first}.yaml`)}:2:3`]);
    expect(issuesOf('actions:\n  fix: { command: x }\n', 'actions:\n  fix: { command: y }\n')).to.deep.equal(['2:3 actions.fix: action "fix" is already defined']);
    expect(issuesOf('services:\n  s: { start: x }\n', 'services:\n  s: { start: y }\n')).to.deep.equal(['2:3 services.s: service "s" is already defined']);
  });

  it('exactly one of command and module; a typo of either named', () => {
    expect(issuesOf('checks:\n  a: { parser: nagios }\n')).to.deep.equal(['2:3 checks.a: expected exactly one of command, module, got neither']);
    expect(issuesOf('checks:\n  a: { command: x, module: uname }\n')).to.deep.equal(['2:3 checks.a: expected exactly one of command, module, got both']);
    expect(issuesOf('checks:\n  a: { comand: uptime }\n')).to.deep.equal(['2:16 checks.a.comand: expected exactly one of command, module, got neither ("comand" is not a check key: did you mean "command"?)']);
    expect(issuesOf('checks:\n  a: { modul: uname }\n')).to.deep.equal(['2:15 checks.a.modul: expected exactly one of command, module, got neither ("modul" is not a check key: did you mean "module"?)']);
  });

  it('modules: built-ins, Smoker names of built-ins, scripts that exist; others refused', () => {
    expect(load('checks:\n  a: { module: uname }\n').checks[0]?.module).to.equal('uname');
    expect(load('checks:\n  a: { module: smoker.plugins.uptime }\n').checks[0]?.module).to.equal('uptime');
    expect(load('checks:\n  a: { module: ./fix.sh }\n').checks[0]?.module).to.equal('./fix.sh');
    expect(issuesOf('checks:\n  a: { module: unam }\n')).to.deep.equal([
      '2:16 checks.a.module: unknown module "unam" (did you mean "uname"?); expected a built-in (fsmount, uname, uptime, disk, memory, tcp, http, process, systemd, file, package) or a ./path',
    ]);
    expect(issuesOf('checks:\n  a: { module: ./gone.sh }\n')).to.deep.equal([`2:16 checks.a.module: module script not found: ./gone.sh (resolved to ${join(dir, 'gone.sh')})`]);
    expect(issuesOf('checks:\n  a: { module: sub/gone }\n')).to.deep.equal([`2:16 checks.a.module: module script not found: sub/gone (resolved to ${join(dir, 'sub/gone')})`]);
    expect(normalizeModule(undefined)).to.equal(undefined);
    expect(normalizeModule('uname')).to.equal('uname');
    expect(normalizeModule('smoker.server.plugins.uname')).to.equal('uname');
    expect(normalizeModule('smoker.server.plugins.mongo')).to.equal('smoker.server.plugins.mongo');
    expect(normalizeModule('./x.uname')).to.equal('./x.uname');
    expect(normalizeModule('a/b.uname')).to.equal('a/b.uname');
  });

  it("parsers: built-in names, Smoker's parser modules mapped to built-ins, unknown ones refused with a did-you-mean", () => {
    const set = load(`checks:
  a: { command: x, parser: smoker.util.parsers.nagiosparser }
  b: { command: x, parser: smoker.parsers.json }
  c: { command: x, parser: smoker.plugins.customparser }
  d: { command: x, parser: { type: regex, ok: up } }
`);
    expect(set.checks.map((c) => c.parser)).to.deep.equal(['nagios', 'json', 'smoker.plugins.customparser', { type: 'regex', ok: 'up' }]);
    expect(set.warnings).to.deep.equal(['checks.c: parser "smoker.plugins.customparser" is a Python module of the Smoker daemon; checks using it will report ERROR']);
    const [issue] = issuesOf('checks:\n  a: { command: x, parser: nagois }\n');
    expect(issue).to.match(/^2:28 checks\.a\.parser: .*\(did you mean "nagios"\?\)$/);
    const [path] = issuesOf('checks:\n  a: { command: x, parser: ./nagois.js }\n');
    expect(path).to.equal(`2:28 checks.a.parser: parser module ./nagois.js not found (looked for ${join(dir, 'nagois.js')})`);
  });

  it('actions: defaults, and an action a check names must exist', () => {
    const set = load('actions:\n  notify: { command: "send" }\n  fix: { module: ./fix.sh, on: [ERROR], where: controller, timeout: 5s, sudo: true }\nchecks:\n  a: { command: x, action: notify }\n');
    expect(set.actions.get('notify')).to.deep.equal({ name: 'notify', baseDir: dir, command: 'send', module: undefined, on: ['ERROR', 'WARN', 'UNKNOWN'], where: 'host', timeoutMs: 30_000, sudo: false });
    expect(set.actions.get('fix')).to.deep.equal({ name: 'fix', baseDir: dir, command: undefined, module: './fix.sh', on: ['ERROR'], where: 'controller', timeoutMs: 5000, sudo: true });
    expect(Object.isFrozen(set.actions.get('fix'))).to.equal(true);
    expect(set.checks[0]?.action).to.equal('notify');
    expect(issuesOf('actions:\n  notify: { command: x }\nchecks:\n  a: { command: x, action: notfy }\n')).to.deep.equal(['4:28 checks.a.action: undefined action "notfy" (did you mean "notify"?)']);
  });

  it('services: built with their defaults; a check may watch only a defined one', () => {
    const set = load('services:\n  kafka: { start: "s", logs: [/var/log/k/server.log] }\nchecks:\n  a: { command: x, watch: kafka }\n');
    expect(set.services.get('kafka')).to.deep.include({ name: 'kafka', start: 's', waitTimeoutMs: 60_000, logs: { 'server.log': '/var/log/k/server.log' } });
    expect(set.checks[0]?.watch).to.equal('kafka');
    expect(issuesOf('services:\n  kafka: { start: s }\nchecks:\n  a: { command: x, watch: kafak }\n')).to.deep.equal(['4:3 checks.a.watch: undefined service "kafak" (did you mean "kafka"?)']);
    expect(issuesOf('services:\n  kafka: { hosts: web }\n')).to.deep.equal(['2:3 services.kafka: a service needs at least one of start, stop, status, wait']);
  });

  it('issues come sorted by file, line and column; loadChecks throws them as one ConfigError', () => {
    const path = write('checks:\n  b: { command: x, timeout: later }\n  a: { command: x, retries: -1 }\n');
    const err = (() => {
      try {
        loadChecks([path]);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(err).to.be.instanceOf(ConfigError);
    expect((err as ConfigError).issues.map((i) => `${i.pos?.line}:${i.pos?.col} ${i.path}`)).to.deep.equal(['2:29 checks.b.timeout', '3:29 checks.a.retries']);
  });
});
