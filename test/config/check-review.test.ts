// Check and service files judged against an inventory at load: keys that are typos or unused, module parameters,
// hosts: patterns and every {{ template }} resolved per host. Each problem as file:line:col with its path.
import { expect } from 'chai';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateCheckFiles } from '../../src/config/checks.js';
import { loadInventory } from '../../src/config/inventory.js';
import type { Inventory } from '../../src/config/types.js';

const INVENTORY = 'hosts:\n  web1: { transport: local }\n  web2: { transport: local }\n  db1: { transport: local, vars: { role: primary } }\ngroups:\n  web: { hosts: ["web*"], vars: { port80: 80 } }\n';

describe('config: checks and services reviewed against the inventory', () => {
  let dir: string;
  let inventory: Inventory;
  let n = 0;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'smoker-check-review-'));
    writeFileSync(join(dir, 'inventory.yaml'), INVENTORY);
    inventory = loadInventory(join(dir, 'inventory.yaml'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  /** Errors ("line:col path: message") and warnings of a check file read with the inventory. */
  const review = (text: string, withInventory = true): { errors: string[]; warnings: string[] } => {
    const path = join(dir, `c${++n}.yaml`);
    writeFileSync(path, text);
    const r = validateCheckFiles([path], withInventory ? { inventory } : {});
    if ('issues' in r) return { errors: r.issues.map((i) => `${i.pos?.line}:${i.pos?.col} ${i.path}: ${i.message}`), warnings: [] };
    return { errors: [], warnings: r.set.warnings.map((w) => w.replace(`${path}:`, '')) };
  };
  const clean = { errors: [], warnings: [] };

  describe('keys that became parameters', () => {
    it('one slip from a check key is an error; a key nothing uses is a warning; a key the command uses is a parameter', () => {
      expect(review('checks:\n  up: { command: uptime, timout: 5s }\n').errors).to.deep.equal(['2:26 checks.up.timout: unknown key "timout" (did you mean "timeout"?); a parameter would need {{ timout }} in the command']);
      expect(review('checks:\n  g: { command: "echo {{ greeting }}", greeting: hi, colour: blue }\n')).to.deep.equal({
        errors: [],
        warnings: ['2:54 checks.g.colour: "colour" is not a check key and nothing uses it (no {{ colour }} in the command, not a parameter of the parser); it is passed as a parameter'],
      });
      // %(name)s is Smoker's placeholder; the maintenance lock path counts as a use.
      expect(review('checks:\n  g: { command: "echo %(greeting)s", greeting: hi, maintenanceLock: "/l/{{ lockname }}", lockname: x }\n')).to.deep.equal(clean);
      // Keys under params: are meant as parameters: never a typo or a warning.
      expect(review('checks:\n  g: { command: uptime, params: { timout: 1, colour: 2 } }\n')).to.deep.equal(clean);
    });

    it("a template's key counts as used when some check inheriting it uses it; else its problem is reported once, at the template", () => {
      expect(review('templates:\n  T: { url: "http://{{ host }}" }\nchecks:\n  a: { template: T, command: "curl {{ url }}" }\n  b: { template: T, command: uptime }\n')).to.deep.equal(clean);
      expect(review('templates:\n  T: { colour: red }\nchecks:\n  a: { template: T, command: uptime }\n  b: { template: T, command: df }\n').warnings).to.deep.equal([
        '2:8 templates.T.colour: "colour" is not a check key and nothing uses it (no {{ colour }} in the command, not a parameter of the parser); it is passed as a parameter',
      ]);
      expect(review('templates:\n  T: { timout: 3 }\nchecks:\n  a: { template: T, command: uptime }\n').errors).to.deep.equal(['2:8 templates.T.timout: unknown key "timout" (did you mean "timeout"?); a parameter would need {{ timout }} in the command']);
    });

    it("a built-in module's parameters: unknown ones and bad values are errors; values with a template are judged at run time", () => {
      expect(review('checks:\n  root: { module: disk, path: / }\n').errors).to.deep.equal(['2:25 checks.root.path: module disk has no parameter "path" (did you mean "paths"?); it takes paths, warn, error, inodeWarn, inodeError']);
      expect(review('checks:\n  t: { module: tcp, host: 127.0.0.1, port: 22 }\n')).to.deep.equal(clean);
      const bad = review('checks:\n  t: { module: tcp, port: 22, tool: netcat }\n').errors;
      expect(bad).to.have.length(1);
      expect(bad[0]).to.match(/^2:37 checks\.t\.tool: .*expected one of auto, nc/);
      expect(review('checks:\n  t: { module: tcp, host: 127.0.0.1, port: 22, tool: "{{ port80 }}", hosts: web }\n')).to.deep.equal(clean);
      const missing = review('checks:\n  t: { module: tcp }\n').errors;
      expect(missing).to.have.length.greaterThan(0);
      expect(missing[0]).to.match(/^2:3 checks\.t: /);
    });

    it('parser parameters are not typos (df warn/error); a parser module takes any', () => {
      expect(review('checks:\n  d: { command: df -P /, parser: df, warn: 80, error: 90 }\n')).to.deep.equal(clean);
      writeFileSync(join(dir, 'p.mjs'), 'export function parse() { return { status: "OK" }; }\n');
      expect(review('checks:\n  d: { command: x, parser: ./p.mjs, colour: 1 }\n')).to.deep.equal(clean);
    });
  });

  describe('hosts: patterns', () => {
    it('a typo of a host or group is an error; a pattern matching nothing here is a warning', () => {
      expect(review('checks:\n  up: { command: uptime, hosts: wbe }\n').errors).to.deep.equal(['2:33 checks.up.hosts: no host or group matches "wbe" (did you mean "web"?)']);
      expect(review('checks:\n  up: { command: uptime, hosts: "kafka*" }\n')).to.deep.equal({ errors: [], warnings: ['2:33 checks.up.hosts: "kafka*" matches no host of this inventory, so this runs nowhere'] });
      expect(review('checks:\n  up: { command: uptime, hosts: "~(" }\n').errors[0]).to.match(/^2:33 checks\.up\.hosts: /);
      expect(review('checks:\n  up: { command: uptime, hosts: web }\n')).to.deep.equal(clean);
    });

    it("a template's hosts: is reported at the template", () => {
      expect(review('templates:\n  T: { hosts: wbe }\nchecks:\n  up: { template: T, command: uptime }\n').errors).to.deep.equal(['2:15 templates.T.hosts: no host or group matches "wbe" (did you mean "web"?)']);
    });

    it('a disabled check, or a file read without an inventory, is not judged against hosts', () => {
      expect(review('checks:\n  up: { command: "echo {{ nope }}", hosts: wbe, enabled: false }\n')).to.deep.equal(clean);
      expect(review('checks:\n  up: { command: "echo {{ nope }}", hosts: wbe }\n', false)).to.deep.equal(clean);
    });

    it('a service hosts: typo is an error, at the service', () => {
      expect(review('services:\n  app:\n    hosts: dbb1\n    status: "true"\n').errors).to.deep.equal(['3:12 services.app.hosts: no host or group matches "dbb1" (did you mean "db1"?)']);
      expect(review('services:\n  app: { hosts: "nothing*", status: "true" }\n').warnings).to.deep.equal(['2:17 services.app.hosts: "nothing*" matches no host of this inventory, so this runs nowhere']);
    });
  });

  describe('templates resolved on every host', () => {
    it('an undefined variable in a command names the first host and how many more', () => {
      expect(review('checks:\n  x: { command: "echo {{ undefinedvar }}" }\n').errors).to.deep.equal(['2:17 checks.x.command: undefined variable "undefinedvar" in {{ undefinedvar }} (on host web1 and 2 more)']);
      expect(review('checks:\n  x: { command: "nc -z {{ host }} {{ port80 }}" }\n').errors).to.deep.equal(['2:17 checks.x.command: undefined variable "port80" in {{ port80 }} (on host db1)']);
      expect(review('checks:\n  x: { command: "nc -z {{ address }} {{ port80 }} {{ user }} {{ port }}", hosts: web }\n')).to.deep.equal(clean);
      expect(review('checks:\n  x: { command: "echo {{ ROLE }}", hosts: db1 }\n')).to.deep.equal(clean);
    });

    it('only the hosts the check runs on count', () => {
      expect(review('checks:\n  x: { command: "echo {{ role }}", hosts: "web1,db1" }\n').errors).to.deep.equal(['2:17 checks.x.command: undefined variable "role" in {{ role }} (on host web1)']);
    });

    it('the maintenance lock path and parameter values are filled too; parameter values only from the host', () => {
      expect(review('checks:\n  x: { command: uptime, maintenanceLock: "/l/{{ lck }}" }\n').errors).to.deep.equal(['2:42 checks.x.maintenanceLock: undefined variable "lck" in {{ lck }} (on host web1 and 2 more)']);
      expect(review('checks:\n  x: { command: "echo {{ a }}", a: "{{ b }}", b: 1 }\n').errors).to.deep.equal(['2:36 checks.x.a: undefined variable "b" in {{ b }} (on host web1 and 2 more)']);
      expect(review('checks:\n  x: { command: "echo {{ a }}", params: { a: "%(zz)s" } }\n').errors).to.deep.equal(['2:46 checks.x.params.a: undefined variable "zz" in %(zz)s (on host web1 and 2 more)']);
    });

    it("a template's command is reported at the template", () => {
      expect(review('templates:\n  T: { command: "echo {{ nope }}" }\nchecks:\n  a: { template: T }\n').errors).to.deep.equal(['2:17 templates.T.command: undefined variable "nope" in {{ nope }} (on host web1 and 2 more)']);
    });

    it('expressions are not evaluated: an error; Go templates of other tools pass', () => {
      expect(review('checks:\n  x: { command: "echo {{ host | upper }}" }\n').errors).to.deep.equal([
        '2:17 checks.x.command: {{ host | upper }} is an expression, which smoker does not evaluate (it fills in a plain {{ name }}) (on host web1 and 2 more)',
      ]);
      expect(review("checks:\n  d: { command: \"docker ps --format '{{.Names}}' {{ json .Config }}\" }\n")).to.deep.equal(clean);
    });

    it('services: commands, wait conditions, logs and env are filled per host; hosts and watcher patterns are not', () => {
      expect(review('services:\n  app:\n    start: "systemctl start {{ unit }}"\n').errors).to.deep.equal(['3:12 services.app.start: undefined variable "unit" in {{ unit }} (on host web1 and 2 more)']);
      expect(review('services:\n  app:\n    hosts: web\n    start: "x"\n    wait: [{ http: "http://{{ address }}:{{ port80 }}/" }, { log: { path: "/l/{{ nope }}", pattern: "x" } }]\n').errors).to.deep.equal([
        '5:75 services.app.wait.1.log.path: undefined variable "nope" in {{ nope }} (on host web1 and 1 more)',
      ]);
      expect(review('services:\n  app:\n    start: x\n    env: { A: "{{ zz }}" }\n').errors).to.deep.equal(['4:15 services.app.env.A: undefined variable "zz" in {{ zz }} (on host web1 and 2 more)']);
      expect(review('services:\n  app:\n    start: x\n    watch: { path: /l, patterns: ["{{ not a template }}"] }\n')).to.deep.equal(clean);
      expect(review('services:\n  app:\n    start: x\n    logs: ["/l/{{ host }}.log"]\n')).to.deep.equal(clean);
    });
  });
});
