import { expect } from 'chai';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { smokerSync } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'smoker-bad-'));

/** Writes an inventory and runs `smoker validate` on it from the temp dir (so paths print relative). */
function validate(name: string, text: string) {
  writeFileSync(join(dir, name), text);
  return smokerSync(['validate', name], { cwd: dir });
}

// Each case: an inventory, and the exact first line expected on stderr.
const cases: [string, string, string][] = [
  ['bad yaml', 'hosts: { a: [1, 2 }\n', 'bad-yaml.yaml:1:19 invalid YAML'],
  ['wrong type for port', 'hosts:\n  web1:\n    port: 22a\n', 'wrong-type-for-port.yaml:3:11 hosts.web1.port: expected an integer 1-65535, got "22a"'],
  ['port out of range', 'hosts:\n  web1: { port: 70000 }\n', 'port-out-of-range.yaml:2:17 hosts.web1.port: expected an integer 1-65535, got 70000'],
  ['unknown top-level key', 'hsots: {}\n', 'unknown-top-level-key.yaml:1:1 hsots: unknown key "hsots" (did you mean "hosts"?)'],
  ['unknown host key', 'hosts:\n  web1: { adress: x }\n', 'unknown-host-key.yaml:2:11 hosts.web1.adress: unknown key "adress" (did you mean "address"?)'],
  ['bad host key policy', 'defaults: { hostKeyPolicy: yes }\nhosts: {}\n', 'bad-host-key-policy.yaml:1:28 defaults.hostKeyPolicy: expected one of strict, accept-new, off, got "yes"'],
  ['bad duration', 'defaults:\n  connectTimeout: 5 minutes\n', 'bad-duration.yaml:2:19 defaults.connectTimeout: expected a duration like 500ms, 30s or 5m, got "5 minutes"'],
  ['missing checks path', 'hosts: { a: }\nchecks:\n  - ./nowhere\n', 'missing-checks-path.yaml:3:5 checks[0]: no such file or folder: ./nowhere'],
  ['undefined child group', 'hosts: { a: }\ngroups:\n  g: { hosts: [a] }\n  p: { children: [g, gg] }\n', 'undefined-child-group.yaml:4:22 groups.p.children[1]: undefined group "gg" (did you mean "g"?)'],
  ['undefined host in group', 'hosts: { web1: }\ngroups:\n  g: { hosts: [web2] }\n', 'undefined-host-in-group.yaml:3:16 groups.g.hosts[0]: undefined host "web2" (did you mean "web1"?)'],
  ['group cycle', 'hosts: { a: }\ngroups:\n  x: { children: [y] }\n  y: { children: [z] }\n  z: { children: [x] }\n', 'group-cycle.yaml:3:19 groups.x.children[0]: group cycle: x → y → z → x'],
  ['backwards range', 'hosts:\n  web[3:1]: {}\n', 'backwards-range.yaml:2:3 hosts.web[3:1]: range start 3 is after its end 1'],
  ['bad regex in group', 'hosts: { a: }\ngroups:\n  g: { hosts: ["~a("] }\n', 'bad-regex-in-group.yaml:3:16 groups.g.hosts[0]: invalid regular expression "~a("'],
  ['duplicate host from range', 'hosts:\n  web[1:3]: {}\n  web2: {}\n', 'duplicate-host-from-range.yaml:3:3 hosts.web2: host "web2" is already defined by "web[1:3]"'],
  ['env not a map', 'defaults:\n  env: [A, B]\n', 'env-not-a-map.yaml:2:8 defaults.env: expected a map, got a list'],
  ['reserved group name', 'hosts: { a: }\ngroups:\n  all: { hosts: [a] }\n', 'reserved-group-name.yaml:3:3 groups.all: "all" is a reserved group name'],
  ['duplicate yaml key', 'hosts:\n  a: {}\n  a: {}\n', 'duplicate-yaml-key.yaml:3:3 invalid YAML: Map keys must be unique'],
  ['bad env var name', 'defaults: { passwordEnv: "MY-PASS" }\n', 'bad-env-var-name.yaml:1:26 defaults.passwordEnv: expected an environment variable name, got "MY-PASS"'],
  ['shell code as env name', 'hosts:\n  a:\n    env: { "A;touch /tmp/pwned;B": x }\n', 'shell-code-as-env-name.yaml:3:12 hosts.a.env["A;touch /tmp/pwned;B"]: expected an environment variable name ([A-Za-z_][A-Za-z0-9_]*) as key, got "A;touch /tmp/pwned;B"'],
  ['env name starting with a digit', 'defaults:\n  env:\n    1X: y\n', 'env-name-starting-with-a-digit.yaml:3:5 defaults.env.1X: expected an environment variable name ([A-Za-z_][A-Za-z0-9_]*) as key, got "1X"'],
  ['bad transport', 'hosts:\n  a: { transport: telnet }\n', 'bad-transport.yaml:2:19 hosts.a.transport: expected one of ssh, local, got "telnet"'],
  ['zero channels', 'defaults: { maxChannels: 0 }\n', 'zero-channels.yaml:1:26 defaults.maxChannels: expected an integer 1-64, got 0'],
  ['hosts is a list', 'hosts: [a, b]\n', 'hosts-is-a-list.yaml:1:8 hosts: expected a map, got a list'],
];

describe('smoker validate: bad inputs (e2e)', () => {
  for (const [title, text, expected] of cases) {
    it(`${title} → ${expected.split(' ')[0]}, exit 2`, () => {
      const name = `${title.replaceAll(' ', '-')}.yaml`;
      const r = validate(name, text);
      expect(r.code, r.stderr).to.equal(2);
      expect(r.stderr.split('\n')[0]).to.satisfy((l: string) => l.startsWith(expected), `stderr was:\n${r.stderr}`);
      expect(r.stderr).to.match(/problems? found; nothing was run/);
      expect(r.stdout).to.equal('');
    });
  }

  it('reports every problem at once, in file order', () => {
    const r = validate(
      'many.yaml',
      'defaults: { user: 1, hostKeyPolicy: strct }\nhosts:\n  w1: { port: x }\ngroups:\n  g: { hosts: [w2], children: [nope] }\n',
    );
    expect(r.code).to.equal(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines.slice(0, 4).map((l) => l.split(' ')[0])).to.deep.equal(['many.yaml:1:37', 'many.yaml:3:15', 'many.yaml:5:16', 'many.yaml:5:32']);
    expect(lines[4]).to.equal('4 problems found; nothing was run.');
  });

  it('a missing inventory file is a config error at :1:1, exit 2', () => {
    const r = smokerSync(['validate', 'absent.yaml'], { cwd: dir });
    expect(r.code).to.equal(2);
    expect(r.stderr).to.match(/^absent\.yaml:1:1 file not found/);
  });

  it('a bad -H pattern exits 2 with a suggestion', () => {
    writeFileSync(join(dir, 'ok.yaml'), 'hosts: { web1: , web2: }\n');
    const r = smokerSync(['hosts', 'ok.yaml', '-H', 'wbe1'], { cwd: dir });
    expect(r.code).to.equal(2);
    expect(r.stderr).to.contain('no host or group matches "wbe1" (did you mean "web1"?)');
  });

  it('an unknown flag is a usage error, exit 2 (never yargs 1)', () => {
    const r = smokerSync(['hosts', '--frobnicate'], { cwd: dir });
    expect(r.code).to.equal(2);
    expect(r.stderr).to.match(/Unknown argument/i);
  });

  it('a valid file prints a one-line summary and exits 0', () => {
    writeFileSync(join(dir, 'good.yaml'), 'hosts:\n  web[1:3]:\ngroups: { web: { hosts: ["web*"] } }\n');
    const r = smokerSync(['validate', 'good.yaml'], { cwd: dir });
    expect(r.code, r.stderr).to.equal(0);
    expect(r.stdout).to.equal('good.yaml: OK · 3 hosts, 1 group\n');
  });
});
