// Silent greens of configuration (issue 15 items 1, 3, 4): validate loads every file run would, and typos, unused keys,
// hosts: that match nothing and templates that cannot resolve fail at load with file:line:col and exit 2.
import { expect } from 'chai';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from '../results/workspace.js';

const dir = mkdtempSync(join(tmpdir(), 'smoker-validate-checks-'));
const INVENTORY = 'hosts:\n  web1: { transport: local }\n  web2: { transport: local }\n  db1: { transport: local }\ngroups:\n  web: { hosts: ["web*"] }\nchecks: [checks.yaml]\n';

/** Writes the inventory and a check file, then runs `smoker ARGS` in the folder. */
function withChecks(checks: string, args: string[] = ['validate', 'inventory.yaml'], inventory = INVENTORY) {
  writeFileSync(join(dir, 'inventory.yaml'), inventory);
  writeFileSync(join(dir, 'checks.yaml'), checks);
  return cli(args, { cwd: dir });
}

function expectProblem(r: ReturnType<typeof cli>, line: string) {
  expect(r.code, `stdout: ${r.stdout}\nstderr: ${r.stderr}`).to.equal(2);
  expect(r.stderr.split('\n'), r.stderr).to.include(line);
  expect(r.stdout).to.equal('');
}

describe('smoker validate: check and service files (e2e)', () => {
  describe('item 1: validate loads the check files run would load', () => {
    const cases: [string, string, string][] = [
      ['comand: uptime', 'checks:\n  up: { comand: uptime }\n', 'checks.yaml:2:17 checks.up.comand: expected exactly one of command, module, got neither ("comand" is not a check key: did you mean "command"?)'],
      ['parser: nagois', 'checks:\n  up: { command: uptime, parser: nagois }\n', 'checks.yaml:2:34 checks.up.parser: unknown parser "nagois": expected one of auto, json, nagios, regex, number, varnish, systemctl, df, or a path to a parser module such as ./parser.js (did you mean "nagios"?)'],
      ['timeout: 10 sec', 'checks:\n  up: { command: uptime, timeout: 10 sec }\n', 'checks.yaml:2:35 checks.up.timeout: expected a duration like 500ms, 30s or 5m, got "10 sec"'],
      ['module: dsik', 'checks:\n  up: { module: dsik }\n', 'checks.yaml:2:17 checks.up.module: unknown module "dsik" (did you mean "disk"?); expected a built-in (fsmount, uname, uptime, disk, memory, tcp, http, process, systemd, file, package) or a ./path'],
    ];
    for (const [title, checks, line] of cases) {
      it(`${title} → exit 2 at file:line:col`, () => expectProblem(withChecks(checks), line));
    }

    it('every problem of every file at once, inventory first', () => {
      const r = withChecks('checks:\n  a: { comand: uptime }\n  b: { command: uptime, parser: nagois }\n  c: { command: uptime, timeout: 10 sec }\n  d: { module: dsik }\n', undefined, INVENTORY.replace('db1: { transport: local }', 'db1: { transport: local, port: x }'));
      expect(r.code).to.equal(2);
      expect(r.stderr.split('\n').map((l) => l.split(' ')[0])).to.deep.equal(['inventory.yaml:4:34', 'checks.yaml:2:16', 'checks.yaml:3:33', 'checks.yaml:4:34', 'checks.yaml:5:16', '5', '']);
    });

    it('--checks PATH is validated instead of the inventory list', () => {
      writeFileSync(join(dir, 'other.yaml'), 'checks:\n  x: { command: uptime, timeout: 10 sec }\n');
      const r = withChecks('checks:\n  fine: { command: uptime }\n', ['validate', '--checks', 'other.yaml', 'inventory.yaml']);
      expectProblem(r, 'other.yaml:2:34 checks.x.timeout: expected a duration like 500ms, 30s or 5m, got "10 sec"');
    });

    it('a valid project: one line with hosts, groups, checks, services and files', () => {
      const r = withChecks('checks:\n  up: { command: uptime }\nservices:\n  app: { hosts: web, status: "true" }\n');
      expect(r.code, r.stderr).to.equal(0);
      expect(r.stdout).to.equal('inventory.yaml: OK · 3 hosts, 1 group · 1 check, 1 service in 1 file\n');
    });
  });

  describe('item 3: typos in check keys are not silently parameters', () => {
    it('timout: 5s → error with did-you-mean', () => {
      expectProblem(withChecks('checks:\n  up: { command: uptime, timout: 5s }\n'), 'checks.yaml:2:26 checks.up.timout: unknown key "timout" (did you mean "timeout"?); a parameter would need {{ timout }} in the command');
    });
    it('parsr: nagios → error with did-you-mean', () => {
      expectProblem(withChecks('checks:\n  up: { command: uptime, parsr: nagios }\n'), 'checks.yaml:2:26 checks.up.parsr: unknown key "parsr" (did you mean "parser"?); a parameter would need {{ parsr }} in the command');
    });
    it('path: / for a module that wants paths → error naming its parameters', () => {
      expectProblem(withChecks('checks:\n  root: { module: disk, path: / }\n'), 'checks.yaml:2:25 checks.root.path: module disk has no parameter "path" (did you mean "paths"?); it takes paths, warn, error, inodeWarn, inodeError');
    });
    it('hosts: wbe (matches nothing) → error; smoker checks fails the same way', () => {
      const line = 'checks.yaml:2:33 checks.up.hosts: no host or group matches "wbe" (did you mean "web"?)';
      expectProblem(withChecks('checks:\n  up: { command: uptime, hosts: wbe }\n'), line);
      expectProblem(withChecks('checks:\n  up: { command: uptime, hosts: wbe }\n', ['checks', 'inventory.yaml']), line);
    });
    it('a service hosts: typo → error', () => {
      expectProblem(withChecks('services:\n  app:\n    hosts: dbb1\n    status: "true"\n'), 'checks.yaml:3:12 services.app.hosts: no host or group matches "dbb1" (did you mean "db1"?)');
    });
    it('a key the command uses as {{ key }} is a parameter; an unused one is a warning, an error with --strict', () => {
      const checks = 'checks:\n  greet: { command: "echo {{ greeting }}", greeting: hi, colour: blue }\n';
      const ok = withChecks(checks);
      expect(ok.code, ok.stderr).to.equal(0);
      expect(ok.stderr).to.equal('warning: checks.yaml:2:58 checks.greet.colour: "colour" is not a check key and nothing uses it (no {{ colour }} in the command, not a parameter of the parser); it is passed as a parameter\n');
      const strict = withChecks(checks, ['validate', 'inventory.yaml', '--strict']);
      expect(strict.code).to.equal(2);
      expect(strict.stderr).to.contain('checks.yaml:2:58 checks.greet.colour: "colour" is not a check key').and.contain('(an error with --strict)');
      expect(withChecks(checks, ['run', 'inventory.yaml', '--strict', '--no-results']).code).to.equal(2);
    });
    it("a template's key counts as used when some check inheriting it uses it", () => {
      const r = withChecks('templates:\n  T: { url: "http://{{ host }}" }\nchecks:\n  a: { template: T, command: "curl {{ url }}" }\n  b: { template: T, command: uptime }\n');
      expect(r.code, r.stderr).to.equal(0);
      expect(r.stderr).to.equal('');
    });
    it('parser and module parameters are not typos (df warn/error, tcp host)', () => {
      const r = withChecks('checks:\n  d: { command: df -P /, parser: df, warn: 80, error: 90 }\n  t: { module: tcp, host: 127.0.0.1, port: 22 }\n');
      expect(r.code, r.stderr).to.equal(0);
      expect(r.stderr).to.equal('');
    });
  });

  describe('item 4: templates resolved at load for every host', () => {
    it('{{ undefinedvar }} in a command → error naming the host', () => {
      expectProblem(withChecks('checks:\n  x: { command: "echo {{ undefinedvar }}" }\n'), 'checks.yaml:2:17 checks.x.command: undefined variable "undefinedvar" in {{ undefinedvar }} (on host web1 and 2 more)');
    });
    it('a var only some hosts have → error for the others', () => {
      const inv = INVENTORY.replace('web: { hosts: ["web*"] }', 'web: { hosts: ["web*"], vars: { port80: 80 } }');
      expectProblem(withChecks('checks:\n  x: { command: "nc -z {{ host }} {{ port80 }}" }\n', undefined, inv), 'checks.yaml:2:17 checks.x.command: undefined variable "port80" in {{ port80 }} (on host db1)');
    });
    it('{{ undefinedvar }} in a service command → error', () => {
      expectProblem(withChecks('services:\n  app:\n    start: "systemctl start {{ unit }}"\n'), 'checks.yaml:3:12 services.app.start: undefined variable "unit" in {{ unit }} (on host web1 and 2 more)');
    });
    it('{{ index + 1 }} in an address → error (it reached DNS as a literal before)', () => {
      expectProblem(
        withChecks('checks:\n  up: { command: uptime }\n', undefined, 'hosts:\n  web[1:3]: { address: "10.0.0.{{ index + 1 }}" }\n'),
        'inventory.yaml:2:24 hosts.web[1:3].address: {{ index + 1 }} is an expression, which smoker does not evaluate (it fills in a plain {{ name }}); an inventory fills in {{ index }}, {{ host }} (host web1)',
      );
    });
    it('{{ index }} in a var is filled in for ranged hosts; for a host without a range it is an error', () => {
      const ok = withChecks('checks:\n  slot: { command: "echo {{ slot }}" }\n', ['run', 'inventory.yaml', '-o', 'json', '--no-results'], 'hosts:\n  web[1:2]: { transport: local, vars: { slot: "s{{ index }}" } }\nchecks: [checks.yaml]\n');
      expect(ok.code, ok.stderr).to.equal(0);
      const report = JSON.parse(ok.stdout) as { hosts: Record<string, { checks: Record<string, { messages: { info: string[] } }> }> };
      expect(report.hosts.web2?.checks.slot?.messages.info).to.deep.equal(['s2']);
      expectProblem(
        withChecks('checks:\n  up: { command: uptime }\n', undefined, 'hosts:\n  solo: { vars: { slot: "s{{ index }}" } }\n'),
        'inventory.yaml:2:25 hosts.solo.vars.slot: undefined variable "index" in {{ index }}; an inventory fills in {{ host }} ({{ index }} only for hosts named with a range) (host solo)',
      );
    });
    it("Go templates in a command pass unchanged ({{.Names}}, {{ json .Config }})", () => {
      const r = withChecks('checks:\n  d: { command: "docker ps --format \'{{.Names}}\' {{ json .Config }}" }\n');
      expect(r.code, r.stderr).to.equal(0);
    });
  });
});
