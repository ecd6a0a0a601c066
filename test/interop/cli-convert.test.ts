import { expect } from 'chai';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { smokerSync as runCli, type CliResult } from '../support/cli.js';
import { fixturePath, readFixture } from './fixture.js';

const dir = mkdtempSync(join(tmpdir(), 'smoker-convert-'));

// The built CLI needs no loader: keep a test runner's NODE_OPTIONS (e.g. --import tsx) out of it.
function smokerSync(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {}): CliResult {
  return runCli(args, { ...opts, env: { NODE_OPTIONS: '', ...opts.env } });
}
let serial = 0;

type HostJson = Record<string, unknown> & { name: string };

/** `smoker inventory ARGS`, then the output saved, validated and listed with `smoker hosts -o json`. */
function roundTrip(args: string[], input?: string): { hosts: Map<string, HostJson>; convert: CliResult; file: string } {
  const convert = smokerSync(['inventory', ...args], input === undefined ? {} : { input });
  expect(convert.code, convert.stderr).to.equal(0);
  expect(() => parse(convert.stdout), 'stdout is YAML only').to.not.throw();
  const file = join(dir, `converted-${++serial}.yaml`);
  writeFileSync(file, convert.stdout);
  const validate = smokerSync(['validate', file]);
  expect(validate.code, validate.stderr).to.equal(0);
  expect(validate.stdout).to.match(/: OK · \d+ hosts?, \d+ groups?\n$/);
  const hosts = smokerSync(['hosts', file, '-o', 'json']);
  expect(hosts.code, hosts.stderr).to.equal(0);
  const list = JSON.parse(hosts.stdout) as HostJson[];
  return { hosts: new Map(list.map((h) => [h.name, h])), convert, file };
}

function host(hosts: Map<string, HostJson>, name: string): HostJson {
  const h = hosts.get(name);
  if (!h) expect.fail(`no host ${name} in ${[...hosts.keys()].join(', ')}`);
  return h;
}

const good = (kind: string) => readdirSync(fixturePath(kind)).filter((f) => !f.startsWith('bad') && f !== 'mixed-stderr.txt' && f !== 'with-vars');

describe('smoker inventory from-* (e2e): convert, validate, list', () => {
  describe('every good fixture converts, validates and lists', () => {
    for (const f of good('vagrant')) {
      it(`vagrant/${f} (stdin)`, () => {
        const { hosts } = roundTrip(['from-vagrant', '-'], readFixture('vagrant', f));
        expect(hosts.size).to.be.greaterThan(0);
        for (const h of hosts.values()) expect(h).to.deep.include({ user: 'vagrant', hostKeyPolicy: 'off', addressSet: true });
      });
    }
    for (const f of good('ansible')) {
      it(`ansible/${f}`, () => void roundTrip(['from-ansible', fixturePath('ansible', f)]));
    }
    for (const f of good('ducktape')) {
      it(`ducktape/${f}`, () => {
        const { hosts } = roundTrip(['from-ducktape', fixturePath('ducktape', f)]);
        for (const h of hosts.values()) expect(h.hostKeyPolicy).to.equal('off');
      });
    }
  });

  describe('the settings come through', () => {
    it('vagrant: VirtualBox forwarded ports and identity paths with spaces', () => {
      const { hosts } = roundTrip(['from-vagrant', fixturePath('vagrant', 'virtualbox-3.txt')]);
      expect([...hosts.keys()]).to.deep.equal(['zookeeper', 'kafka1', 'kafka2']);
      expect(host(hosts, 'zookeeper')).to.deep.include({ address: '127.0.0.1', port: 2222 });
      expect(host(hosts, 'zookeeper').identityFile).to.deep.equal(['/Users/jane/VirtualBox VMs/kafka lab/.vagrant/machines/zookeeper/virtualbox/private_key']);
      expect(host(hosts, 'kafka2')).to.deep.include({ port: 2201 });
    });

    it('vagrant: libvirt addresses and the shared insecure keys', () => {
      const { hosts } = roundTrip(['from-vagrant', '-'], readFixture('vagrant', 'libvirt-3.txt'));
      expect(host(hosts, 'control')).to.deep.include({ address: '192.168.121.10', port: 22 });
      expect(host(hosts, 'worker2').identityFile).to.have.length(2);
    });

    it('ansible: connection variables (ports, users, keys, local connection)', () => {
      const { hosts } = roundTrip(['from-ansible', fixturePath('ansible', 'connection-vars.ini')]);
      expect(host(hosts, 'badwolf.example.com')).to.deep.include({ port: 5309 });
      expect(host(hosts, 'localhost')).to.deep.include({ transport: 'local' });
      expect(host(hosts, 'other1.example.com')).to.deep.include({ user: 'myuser', transport: 'ssh' });
      expect(host(hosts, 'some_host')).to.deep.include({ port: 2222, user: 'manager' });
      expect(host(hosts, 'aws_host').identityFile).to.deep.equal(['/home/example/.ssh/aws.pem']);
      expect(host(hosts, 'freebsd_host').vars).to.deep.include({ ansible_python_interpreter: '/usr/local/bin/python' });
    });

    it('ansible: group_vars/ and host_vars/ beside an extensionless INI file', () => {
      const { hosts } = roundTrip(['from-ansible', fixturePath('ansible', 'with-vars', 'hosts')]);
      expect(host(hosts, 'web1.example.com')).to.deep.include({ port: 2222, user: 'ops', sudo: true });
      expect(host(hosts, 'web2.example.com')).to.deep.include({ port: 2202 });
      expect(host(hosts, 'db1.example.com')).to.deep.include({ address: '10.0.5.21', sudo: false });
      expect(host(hosts, 'db1.example.com').groups).to.include.members(['dbservers', 'production']);
    });

    it('ansible: ssh args become jump hosts and host key settings (bastion.yaml)', () => {
      const { hosts, convert } = roundTrip(['from-ansible', fixturePath('ansible', 'bastion.yaml')]);
      expect(host(hosts, 'app1')).to.deep.include({ address: '10.10.1.11', user: 'deploy', sudo: true, jump: ['ops@bastion.example.com:2222'] });
      expect(host(hosts, 'db1')).to.deep.include({ port: 2200, hostKeyPolicy: 'off' });
      expect(host(hosts, 'old1').passwordEnv).to.equal(undefined);
      // Secrets are never copied: the warning says so, on stderr only.
      expect(convert.stderr).to.match(/^warning: .*bastion\.yaml:\d+:\d+ .*secret/m);
      expect(convert.stdout).to.not.match(/^warning/m);
    });

    it('ducktape: the JsonCluster docstring example', () => {
      const { hosts } = roundTrip(['from-ducktape', fixturePath('ducktape', 'vagrant-cluster.json')]);
      expect(host(hosts, 'worker1')).to.deep.include({ address: '127.0.0.1', port: 2222, user: 'vagrant', hostKeyPolicy: 'off' });
      expect(host(hosts, 'worker1').identityFile).to.deep.equal(['/path/to/private_key']);
      expect(host(hosts, 'worker2').vars).to.deep.equal({ externally_routable_ip: '192.168.50.151' });
    });

    it('--checks adds a checks: list, relative to where the file is saved', () => {
      mkdirSync(join(dir, 'with-checks', 'checks'), { recursive: true });
      writeFileSync(join(dir, 'with-checks', 'checks', 'c.yaml'), 'checks:\n  up: { command: "true" }\n');
      const r = smokerSync(['inventory', 'from-ducktape', fixturePath('ducktape', 'vagrant-cluster.json'), '--checks', 'checks']);
      expect(r.code, r.stderr).to.equal(0);
      expect(parse(r.stdout).checks).to.deep.equal(['checks']);
      writeFileSync(join(dir, 'with-checks', 'inventory.yaml'), r.stdout);
      expect(smokerSync(['validate', join(dir, 'with-checks', 'inventory.yaml')]).code).to.equal(0);
    });
  });

  describe('from-vagrant runs vagrant ssh-config', () => {
    // A stand-in `vagrant` on PATH: prints a fixture when run in a folder with a Vagrantfile, like vagrant does.
    const bin = join(dir, 'bin');
    const project = join(dir, 'project');
    before(() => {
      mkdirSync(bin, { recursive: true });
      mkdirSync(project, { recursive: true });
      writeFileSync(join(project, 'Vagrantfile'), '# test\n');
      writeFileSync(join(project, 'ssh-config.txt'), readFixture('vagrant', 'virtualbox-2.txt'));
      writeFileSync(
        join(bin, 'vagrant'),
        [
          '#!/bin/sh',
          '[ "$1" = ssh-config ] || { echo "unexpected arguments: $*" >&2; exit 64; }',
          '[ "$VAGRANT_CWD" = "$PWD" ] || { echo "VAGRANT_CWD=$VAGRANT_CWD but PWD=$PWD" >&2; exit 65; }',
          'if [ ! -f Vagrantfile ]; then echo "A Vagrant environment or target machine is required to run this" >&2; echo "command. Run \\`vagrant init\\` to create a new Vagrant environment." >&2; exit 1; fi',
          'cat ssh-config.txt',
          '',
        ].join('\n'),
      );
      chmodSync(join(bin, 'vagrant'), 0o755);
    });
    const withFake = { PATH: `${bin}:/usr/bin:/bin` };

    it('in the folder given', () => {
      const r = smokerSync(['inventory', 'from-vagrant', project], { env: withFake });
      expect(r.code, r.stderr).to.equal(0);
      expect(Object.keys(parse(r.stdout).hosts)).to.have.length(2);
      expect(r.stdout).to.match(/^# smoker inventory converted from vagrant ssh-config\./);
    });

    it('in the current folder by default', () => {
      const r = smokerSync(['inventory', 'from-vagrant'], { env: withFake, cwd: project });
      expect(r.code, r.stderr).to.equal(0);
      expect(Object.keys(parse(r.stdout).hosts)).to.have.length(2);
    });

    it("vagrant's own failure: exit 2 with its message and what to try", () => {
      const empty = join(dir, 'no-vagrantfile');
      mkdirSync(empty, { recursive: true });
      const r = smokerSync(['inventory', 'from-vagrant', empty], { env: withFake });
      expect(r.code).to.equal(2);
      expect(r.stdout).to.equal('');
      expect(r.stderr).to.include(`smoker: vagrant ssh-config failed in ${empty} (exit 1):`);
      expect(r.stderr).to.include('A Vagrant environment or target machine is required');
      expect(r.stderr).to.include('vagrant up');
    });

    it('no vagrant binary: exit 2, suggests piping its output in', () => {
      const r = smokerSync(['inventory', 'from-vagrant', project], { env: { PATH: join(dir, 'nothing-here') } });
      expect(r.code).to.equal(2);
      expect(r.stdout).to.equal('');
      expect(r.stderr).to.match(/^smoker: vagrant not found on PATH\./);
      expect(r.stderr).to.include('vagrant ssh-config | smoker inventory from-vagrant -');
    });

    it('a folder that does not exist is a usage error', () => {
      const r = smokerSync(['inventory', 'from-vagrant', join(dir, 'nope')], { env: withFake });
      expect(r.code).to.equal(2);
      expect(r.stderr).to.include('from-vagrant: no such folder');
    });
  });

  describe('bad input: exit 2, positions on stderr, nothing on stdout', () => {
    const cases: [string, string[], string | undefined, RegExp][] = [
      ['vagrant: a bad port', ['from-vagrant', '-'], readFixture('vagrant', 'bad-port.txt'), /^vagrant ssh-config:\d+:\d+ hosts\.\w+\.port: expected an integer 1-65535/],
      ['vagrant: its stderr mixed in', ['from-vagrant', '-'], readFixture('vagrant', 'mixed-stderr.txt'), /^vagrant ssh-config:\d+:\d+ expected an ssh_config line/],
      ['vagrant: empty input', ['from-vagrant', '-'], '', /^vagrant ssh-config:1:1 no "Host NAME" blocks found/],
      ['ansible: a bad INI line', ['from-ansible', fixturePath('ansible', 'bad-lines.ini')], undefined, /bad-lines\.ini:\d+:\d+ /],
      ['ansible: bad YAML indentation', ['from-ansible', fixturePath('ansible', 'bad-indent.yaml')], undefined, /bad-indent\.yaml:\d+:\d+ /],
      ['ansible: missing file', ['from-ansible', 'nope.ini'], undefined, /^nope\.ini:1:1 file not found/],
      ['ducktape: invalid JSON', ['from-ducktape', fixturePath('ducktape', 'bad-syntax.json')], undefined, /bad-syntax\.json:\d+:\d+ /],
      ['ducktape: a node without ssh_config', ['from-ducktape', fixturePath('ducktape', 'bad-nodes.json')], undefined, /bad-nodes\.json:\d+:\d+ nodes\[\d+\]/],
    ];
    for (const [title, args, input, expected] of cases) {
      it(title, () => {
        const r = smokerSync(['inventory', ...args], input === undefined ? {} : { input });
        expect(r.code, r.stderr).to.equal(2);
        expect(r.stdout).to.equal('');
        expect(r.stderr.split('\n')[0]).to.match(expected);
        expect(r.stderr).to.match(/problems? found; nothing was run/);
      });
    }

    it('ansible: a YAML alias bomb and 10,000 levels of nesting fail fast with exit 2, as from-ansible and when used directly', () => {
      const bomb = join(dir, 'bomb-hosts');
      writeFileSync(bomb, ['all:', '  vars:', '    a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]', ...Array.from({ length: 9 }, (_, i) => `    a${i + 1}: &a${i + 1} [${Array(9).fill(`*a${i}`).join(', ')}]`), '  hosts:', '    web1:', ''].join('\n'));
      const deep = join(dir, 'deep-hosts');
      writeFileSync(deep, `all:\n  hosts:\n    web1:\n      deep: ${'['.repeat(10000)}${']'.repeat(10000)}\n`);
      for (const [file, message] of [
        [bomb, /^\S*bomb-hosts:4:14 aliases expand too far/],
        [deep, /^\S*deep-hosts:4:\d+ invalid YAML: nesting deeper than 64 levels$/],
      ] as const) {
        for (const args of [['inventory', 'from-ansible', file], ['validate', file]]) {
          const r = smokerSync(args);
          expect(r.code, `${args.join(' ')}: ${r.stderr}`).to.equal(2);
          expect(r.stdout).to.equal('');
          expect(r.stderr.split('\n')[0]).to.match(message);
          expect(r.stderr).not.to.include('internal error');
        }
      }
    });

    it('no converter named: a usage error', () => {
      const r = smokerSync(['inventory']);
      expect(r.code).to.equal(2);
      expect(r.stderr).to.include('from-vagrant, from-ansible or from-ducktape');
    });
  });
});

describe('Ansible inventories used directly (e2e)', () => {
  const withVars = fixturePath('ansible', 'with-vars', 'hosts');

  it('validate says it read an Ansible inventory', () => {
    const r = smokerSync(['validate', withVars]);
    expect(r.code, r.stderr).to.equal(0);
    expect(r.stdout).to.match(/with-vars\/hosts \(Ansible inventory\): OK · 3 hosts, 3 groups\n$/);
  });

  it('hosts lists what from-ansible would give', () => {
    const direct = smokerSync(['hosts', withVars, '-o', 'json']);
    expect(direct.code, direct.stderr).to.equal(0);
    const { hosts } = roundTrip(['from-ansible', withVars]);
    const strip = (h: HostJson) => ({ ...h, groups: [...(h.groups as string[])].sort() });
    expect((JSON.parse(direct.stdout) as HostJson[]).map(strip)).to.deep.equal([...hosts.values()].map(strip));
  });

  it('hosts -H selects by Ansible group', () => {
    const r = smokerSync(['hosts', withVars, '-H', 'webservers', '-o', 'json']);
    expect(r.code, r.stderr).to.equal(0);
    expect((JSON.parse(r.stdout) as HostJson[]).map((h) => h.name)).to.deep.equal(['web1.example.com', 'web2.example.com']);
  });

  it('YAML Ansible inventories too', () => {
    const r = smokerSync(['validate', fixturePath('ansible', 'group-vars.yaml')]);
    expect(r.code, r.stderr).to.equal(0);
    expect(r.stdout).to.include('(Ansible inventory): OK');
  });

  it('run without --checks: exit 2, says an Ansible inventory needs --checks', () => {
    const r = smokerSync(['run', withVars, '--no-results']);
    expect(r.code).to.equal(2);
    expect(r.stderr).to.match(/is an Ansible inventory, which has no checks: list; pass --checks/);
  });

  it('errors in an Ansible file point into that file', () => {
    const r = smokerSync(['validate', fixturePath('ansible', 'bad-section.ini')]);
    expect(r.code).to.equal(2);
    expect(r.stderr.split('\n')[0]).to.match(/bad-section\.ini:\d+:\d+ /);
  });
});
