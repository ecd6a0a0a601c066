import { expect } from 'chai';
import { fromAnsibleInventory, loadAnsibleInventory, detectAnsibleFormat } from '../../src/interop/ansible-inventory.js';
import type { Conversion } from '../../src/interop/inventory-doc.js';
import { configIssues, expectRoundTrip, fixturePath, readFixture } from './fixture.js';

function convert(name: string): Conversion {
  return fromAnsibleInventory(readFixture('ansible', name), name);
}

// Nine levels of nine aliases each: 9^9 strings when expanded.
const BILLION_LAUGHS = [
  'all:',
  '  vars:',
  '    a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]',
  ...Array.from({ length: 9 }, (_, i) => `    a${i + 1}: &a${i + 1} [${Array(9).fill(`*a${i}`).join(', ')}]`),
  '  hosts:',
  '    web1:',
  '',
].join('\n');

const BASIC_HOSTS = ['mail.example.com', 'foo.example.com', 'bar.example.com', 'one.example.com', 'two.example.com', 'three.example.com'];

describe('interop/ansible-inventory', () => {
  describe('the examples of "How to build your inventory"', () => {
    for (const name of ['basic.ini', 'basic.yaml', 'basic-all.yaml']) {
      it(`converts the basic inventory (${name})`, () => {
        const c = convert(name);
        expect(Object.keys(c.inventory.hosts)).to.deep.equal(BASIC_HOSTS);
        for (const h of BASIC_HOSTS) expect(c.inventory.hosts[h]).to.deep.equal({});
        expect(c.inventory.groups).to.deep.equal({
          webservers: { hosts: ['foo.example.com', 'bar.example.com'] },
          dbservers: { hosts: ['one.example.com', 'two.example.com', 'three.example.com'] },
        });
        expect(c.warnings).to.deep.equal([]);
        expectRoundTrip(c);
      });
    }

    it('converts the what/where/when example: hosts in several groups (multi-group.yaml)', () => {
      const c = convert('multi-group.yaml');
      const g = c.inventory.groups ?? {};
      expect(g.prod).to.deep.equal({ hosts: ['foo.example.com', 'one.example.com', 'two.example.com'] });
      expect(g.test).to.deep.equal({ hosts: ['bar.example.com', 'three.example.com'] });
      const groupsOf = (h: string): string[] => Object.entries(g).filter(([, e]) => e.hosts?.includes(h)).map(([n]) => n);
      expect(groupsOf('one.example.com')).to.deep.equal(['dbservers', 'east', 'prod']);
      expectRoundTrip(c);
    });

    for (const name of ['multi-group-children.yaml', 'multi-group-children.ini']) {
      it(`converts prod/test as parents of east/west (${name})`, () => {
        const c = convert(name);
        const g = c.inventory.groups ?? {};
        expect(g.prod).to.deep.equal({ children: ['east'] });
        expect(g.test).to.deep.equal({ children: ['west'] });
        expect(g.east).to.deep.equal({ hosts: ['foo.example.com', 'one.example.com', 'two.example.com'] });
        expect(g.west).to.deep.equal({ hosts: ['bar.example.com', 'three.example.com'] });
        expect(Object.keys(c.inventory.hosts)).to.deep.equal(BASIC_HOSTS);
        expectRoundTrip(c);
      });
    }

    for (const name of ['ranges.ini', 'ranges.yaml']) {
      it(`keeps www[01:50] and db-[a:f] as smoker ranges (${name})`, () => {
        const c = convert(name);
        expect(c.inventory.hosts).to.deep.equal({ 'www[01:50].example.com': {}, 'db-[a:f].example.com': {} });
        expect(c.inventory.groups).to.deep.equal({
          webservers: { hosts: ['www[01:50].example.com'] },
          databases: { hosts: ['db-[a:f].example.com'] },
        });
        expect(expectRoundTrip(c)).to.include('www[01:50].example.com: {}');
      });
    }

    for (const name of ['ranges-stride.ini', 'ranges-stride.yaml']) {
      it(`keeps a stride range www[01:50:2], which smoker expands alike (${name})`, () => {
        const c = convert(name);
        expect(c.inventory.hosts).to.deep.equal({ 'www[01:50:2].example.com': {} });
        expect(c.inventory.groups).to.deep.equal({ webservers: { hosts: ['www[01:50:2].example.com'] } });
        expectRoundTrip(c);
      });
    }

    for (const name of ['host-vars.ini', 'host-vars.yaml']) {
      it(`keeps host variables, typed as Ansible reads them (${name})`, () => {
        const c = convert(name);
        expect(c.inventory.hosts).to.deep.equal({
          host1: { vars: { http_port: 80, maxRequestsPerChild: 808 } },
          host2: { vars: { http_port: 303, maxRequestsPerChild: 909 } },
        });
        expect(c.inventory.groups).to.deep.equal({ atlanta: { hosts: ['host1', 'host2'] } });
        expectRoundTrip(c);
      });
    }

    it('maps the connection-variable examples, `host:port` and ansible_connection=local', () => {
      const c = convert('connection-vars.ini');
      expect(c.inventory.hosts).to.deep.equal({
        'badwolf.example.com': { port: 5309 },
        localhost: { transport: 'local' },
        'other1.example.com': { user: 'myuser', transport: 'ssh' },
        'other2.example.com': { user: 'myotheruser', transport: 'ssh' },
        some_host: { port: 2222, user: 'manager' },
        aws_host: { identityFile: '/home/example/.ssh/aws.pem' },
        freebsd_host: { vars: { ansible_python_interpreter: '/usr/local/bin/python' } },
        ruby_module_host: { vars: { ansible_ruby_interpreter: '/usr/bin/ruby.1.9.3' } },
      });
      expect(Object.keys(c.inventory.groups ?? {})).to.deep.equal(['targets', 'behavioral']);
      expect(c.warnings).to.deep.equal([]);
      expectRoundTrip(c);
    });

    for (const name of ['aliases.ini', 'aliases.yaml']) {
      it(`turns an alias into a host with address and port (${name})`, () => {
        const c = convert(name);
        expect(c.inventory).to.deep.equal({ hosts: { jumper: { address: '192.0.2.50', port: 5555 } } });
        expect(expectRoundTrip(c)).to.include('jumper: { address: 192.0.2.50, port: 5555 }');
      });
    }

    for (const name of ['group-vars.ini', 'group-vars.yaml']) {
      it(`keeps group variables on the group (${name})`, () => {
        const c = convert(name);
        expect(c.inventory.groups).to.deep.equal({
          atlanta: {
            hosts: ['host1', 'host2'],
            vars: { ntp_server: 'ntp.atlanta.example.com', proxy: 'proxy.atlanta.example.com' },
          },
        });
        expectRoundTrip(c);
      });
    }

    for (const name of ['children-vars.ini', 'children-vars.yaml']) {
      it(`converts nested groups with parent variables (${name})`, () => {
        const c = convert(name);
        const g = c.inventory.groups ?? {};
        expect(g.southeast).to.deep.equal({
          children: ['atlanta', 'raleigh'],
          vars: { some_server: 'foo.southeast.example.com', halon_system_timeout: 30, self_destruct_countdown: 60, escape_pods: 2 },
        });
        expect(g.usa?.children).to.have.members(['southeast', 'northeast', 'southwest', 'northwest']);
        expect(g.atlanta).to.deep.equal({ hosts: ['host1', 'host2'] });
        expect(g.raleigh).to.deep.equal({ hosts: ['host2', 'host3'] });
        expect(g.northeast).to.deep.equal({});
        expect(Object.keys(c.inventory.hosts)).to.deep.equal(['host1', 'host2', 'host3']);
        expectRoundTrip(c);
      });
    }

    it('warns, with positions, about INI children that are never declared (Ansible rejects them)', () => {
      const c = convert('children-vars.ini');
      expect(c.warnings).to.have.length(3);
      expect(c.warnings[0]).to.match(/^children-vars\.ini:21:1 group "northeast" is listed in \[usa:children\] but never declared/);
    });
  });

  describe('the examples of the ini inventory plugin', () => {
    it('reads inline comments, typed values, :vars, :children declared before their groups, and all:vars', () => {
      const c = convert('ini-plugin-examples.ini');
      expect(c.inventory.vars).to.deep.equal({ has_java: false });
      expect(c.inventory.defaults).to.equal(undefined);
      expect(c.inventory.hosts).to.deep.equal({
        host1: {},
        host2: { port: 222 },
        tomcat1: {},
        tomcat2: { vars: { myvar: 34 } },
        tomcat3: {},
        jenkins1: {},
      });
      expect(c.inventory.groups).to.deep.equal({
        web: { hosts: ['host1', 'host2'], children: ['apache', 'nginx'], vars: { http_port: 8080, myvar: 23 } },
        apache: { hosts: ['tomcat1', 'tomcat2', 'tomcat3'] },
        nginx: { hosts: ['jenkins1'], vars: { has_java: true } },
      });
      expect(c.warnings).to.deep.equal([
        'ini-plugin-examples.ini:17:9 host tomcat3: mysecret looks like a secret and was not copied; pass it through an environment variable instead',
      ]);
      expectRoundTrip(c);
    });

    it("leaves hosts outside any section to smoker's implicit ungrouped and merges a host listed in two groups", () => {
      const c = convert('ini-plugin-ungrouped.ini');
      expect(c.inventory.hosts).to.deep.equal({
        host1: {},
        host2: { address: '127.0.0.1', port: 44 },
        host3: { address: '127.0.0.1', port: 45 },
        host4: {},
      });
      expect(c.inventory.groups).to.deep.equal({
        g1: { hosts: ['host4'] },
        g2: { hosts: ['host4'] },
      });
      expectRoundTrip(c);
    });
  });

  describe('connection settings, jumps and secrets', () => {
    it('maps all vars to defaults, ProxyJump/-J/ProxyCommand to jump, and never copies secrets', () => {
      const c = convert('bastion.yaml');
      expect(c.inventory.defaults).to.deep.equal({ user: 'deploy', identityFile: '~/.ssh/id_ed25519', sudo: true });
      expect(c.inventory.vars).to.deep.equal({ ntp_server: 'ntp.example.com' });
      expect(c.inventory.hosts).to.deep.equal({
        app1: { address: '10.10.1.11' },
        app2: { address: '10.10.1.12' },
        db1: { address: '10.10.2.21', port: 2200, jump: 'bastion.example.com,inner-bastion' },
        old1: { address: '10.10.3.31', vars: { ansible_become_method: 'su' } },
        win1: { vars: { ansible_connection: 'winrm' } },
      });
      expect(c.inventory.groups).to.deep.equal({
        app: { hosts: ['app1', 'app2'], jump: 'ops@bastion.example.com:2222' },
        db: { hosts: ['db1'], jump: 'jump@gw.example.com', hostKeyPolicy: 'off' },
        legacy: { hosts: ['old1', 'win1'] },
      });
      const text = expectRoundTrip(c);
      expect(text).not.to.match(/hunter|ANSIBLE_VAULT|6231/);
      expect(c.warnings).to.deep.equal([
        'bastion.yaml:32:11 host old1: ssh arguments not converted: -C -o Ciphers=aes128-cbc',
        'bastion.yaml:29:11 host old1: ansible_ssh_pass is a secret and was not copied; export it and set passwordEnv: OLD1_PASSWORD',
        'bastion.yaml:30:11 host old1: ansible_become_pass is a secret and was not copied; export it and set sudoPasswordEnv: OLD1_SUDO_PASSWORD',
        'bastion.yaml:31:11 host old1: ansible_become_method su: smoker escalates with sudo only; kept in vars',
        'bastion.yaml:34:11 host win1: ansible_connection winrm: smoker connects over ssh or locally only; kept in vars',
        'bastion.yaml:35:11 host win1: ansible_password is vault-encrypted and was not copied; pass it through an environment variable instead',
      ]);
    });

    it('reads the output of ansible-inventory --list (groups as lists, _meta.hostvars)', () => {
      const c = convert('inventory-list.json');
      expect(c.inventory.hosts).to.deep.equal({
        'bar.example.com': { address: '10.0.0.12' },
        'foo.example.com': { address: '10.0.0.11', user: 'deploy' },
        'mail.example.com': {},
      });
      expect(c.inventory.groups).to.deep.equal({
        webservers: { hosts: ['foo.example.com', 'bar.example.com'] },
      });
      expectRoundTrip(c);
    });

    it('puts [ungrouped:vars] onto the hosts in no other group', () => {
      const c = fromAnsibleInventory('solo\nboth\n[g]\nboth\n[ungrouped:vars]\nansible_user=admin\nrole=misc\n', 'hosts');
      expect(c.inventory.hosts).to.deep.equal({ solo: { user: 'admin', vars: { role: 'misc' } }, both: {} });
      expect(c.inventory.groups).to.deep.equal({ g: { hosts: ['both'] } });
    });
  });

  describe('host_vars/ and group_vars/', () => {
    it('merges files and folders next to the inventory over its inline variables', async () => {
      const c = await loadAnsibleInventory(fixturePath('ansible', 'with-vars', 'hosts'));
      expect(c.inventory.defaults).to.deep.equal({ user: 'ops' });
      expect(c.inventory.vars).to.deep.equal({ ntp_server: 'ntp.example.org' });
      expect(c.inventory.hosts).to.deep.equal({
        'web1.example.com': {},
        'web2.example.com': { port: 2202 },
        'db1.example.com': { address: '10.0.5.21', vars: { http_port: 5433 } },
      });
      expect(c.inventory.groups).to.deep.equal({
        webservers: {
          hosts: ['web1.example.com', 'web2.example.com'],
          port: 2222,
          sudo: true,
          vars: { http_port: 8080, packages: ['nginx', 'certbot'] },
        },
        dbservers: { hosts: ['db1.example.com'] },
        production: { children: ['webservers', 'dbservers'], vars: { tier: 'prod' } },
      });
      expect(c.warnings).to.have.length(2);
      expect(c.warnings[0]).to.match(/group_vars\/staging\.yml: no group "staging" in the inventory; ignored$/);
      expect(c.warnings[1]).to.match(/group_vars\/production\.yaml:2:1 group production: database_password looks like a secret/);
      expectRoundTrip(c);
    });

    it('ignores variables files when none are passed (the pure converter does no I/O)', () => {
      const c = fromAnsibleInventory(readFixture('ansible', 'with-vars', 'hosts'), 'hosts');
      expect(c.inventory.defaults).to.equal(undefined);
      expect(c.inventory.hosts['db1.example.com']).to.deep.equal({ vars: { http_port: 5432 } });
    });

    it('reports a variables file that is not a mapping at its position', () => {
      const files = { hostVars: new Map([['h1', [{ file: 'host_vars/h1.yml', text: '- a\n- b\n' }]]]), groupVars: new Map() };
      expect(configIssues(() => fromAnsibleInventory('h1\n', 'hosts', files))).to.deep.equal(['1:1 expected a mapping of variables']);
    });
  });

  describe('format detection and errors', () => {
    it('takes YAML for a mapping or a .yml/.yaml/.json name, INI otherwise', () => {
      expect(detectAnsibleFormat(readFixture('ansible', 'basic.yaml'), 'inventory')).to.equal('yaml');
      expect(detectAnsibleFormat(readFixture('ansible', 'basic.ini'), 'inventory')).to.equal('ini');
      expect(detectAnsibleFormat('jumper ansible_port=5555', 'hosts')).to.equal('ini');
      expect(detectAnsibleFormat('badwolf.example.com:5309\n', 'hosts')).to.equal('ini');
    });

    it('reports an INI line "[bad" with file:line:col', () => {
      expect(configIssues(() => convert('bad-section.ini'))).to.deep.equal([
        '4:1 expected a section header such as [group], [group:vars] or [group:children], got "[bad"',
      ]);
    });

    it('reports every malformed INI line at once: bare words, open quotes, unknown section types', () => {
      expect(configIssues(() => convert('bad-lines.ini'))).to.deep.equal([
        '2:22 expected key=value host variable after host "web1", got "oops"',
        '3:11 no closing quotation for the " opened here',
        '4:6 section [web:nope] has an unknown type "nope"; expected vars or children',
      ]);
    });

    it('reports :vars lines without "=" and bad host ranges', () => {
      expect(configIssues(() => fromAnsibleInventory('[g]\nh1\n[g:vars]\n  novalue\n', 'x.ini'))).to.deep.equal([
        '4:3 expected key=value in [g:vars], got "novalue"',
      ]);
      expect(configIssues(() => fromAnsibleInventory('[g]\nweb[001:10]\nweb[1:b]\nhost:abc\n', 'x.ini'))).to.deep.equal([
        '2:1 host range in "web[001:10]" must give begin and end with the same number of digits',
        '3:1 host range in "web[1:b]" must be numeric (01:10) or alphabetic (a:f), got [1:b]',
        '4:1 expected a port number after ":" in host "host:abc", got "abc"',
      ]);
    });

    it('reports YAML syntax errors and malformed sections with positions', () => {
      expect(configIssues(() => convert('bad-indent.yaml'))[0]).to.match(/^\d+:\d+ /);
      expect(configIssues(() => convert('bad-vars.yaml'))).to.deep.equal(['4:3 expected a mapping of variables']);
      expect(configIssues(() => fromAnsibleInventory('hosts:\n  web1: {address: 10.0.0.1}\n', 'inv.yaml'))).to.deep.equal([
        '1:1 expected an Ansible YAML inventory: a mapping with all: or groups holding hosts:, children: or vars:',
      ]);
    });

    it('a YAML alias bomb fails fast at the first alias, not by expanding it', () => {
      expect(configIssues(() => fromAnsibleInventory(BILLION_LAUGHS, 'inv.yaml'))).to.deep.equal([
        '4:14 aliases expand too far (more than 100 times; an alias bomb?): Excessive alias count indicates a resource exhaustion attack',
      ]);
      // The same in a group_vars file.
      const groupVars = new Map([['all', [{ file: 'group_vars/all.yml', text: BILLION_LAUGHS.replace(/^all:\n {2}vars:\n/, '').replace(/^ {4}/gm, '').replace(/\n {2}hosts:[^]*$/, '\n') }]]]);
      expect(configIssues(() => fromAnsibleInventory('all:\n  hosts:\n    web1:\n', 'inv.yaml', { hostVars: new Map(), groupVars }))).to.deep.equal([
        '2:10 aliases expand too far (more than 100 times; an alias bomb?): Excessive alias count indicates a resource exhaustion attack',
      ]);
    });

    it('nesting 10,000 deep, or just deeper than 64 levels, is refused with its position', () => {
      const nested = (depth: number) => `all:\n  hosts:\n    web1:\n      deep: ${'['.repeat(depth)}${']'.repeat(depth)}\n`;
      expect(configIssues(() => fromAnsibleInventory(nested(10000), 'inv.yaml'))).to.have.lengthOf(1).and.to.match(/^4:\d+ invalid YAML: nesting deeper than 64 levels$/);
      expect(configIssues(() => fromAnsibleInventory(nested(100), 'inv.yaml'))).to.deep.equal(['4:73 nesting deeper than 64 levels']);
      // Block lists nest without indenting: `- - - x`.
      const block = `all:\n  hosts:\n    web1:\n      deep:\n        ${'- '.repeat(10000)}x\n`;
      expect(configIssues(() => fromAnsibleInventory(block, 'inv.yaml'))).to.have.lengthOf(1).and.to.match(/^\d+:\d+ (invalid YAML: )?nesting deeper than 64 levels$/);
    });

    it('warns about unexpected keys in a YAML group and about an inventory without hosts', () => {
      const c = fromAnsibleInventory('web:\n  hosts:\n    w1:\n  host: w2\n', 'inv.yaml');
      expect(c.warnings).to.deep.equal(['inv.yaml:4:3 web.host: skipped; a group holds only hosts, children and vars']);
      expect(fromAnsibleInventory('# nothing yet\n', 'hosts').warnings).to.deep.equal(['the inventory defines no hosts']);
    });
  });
});
