// An inventory file validated as a whole: every connection key, hosts defined twice, bad ranges, missing check paths,
// {{ templates }} in addresses and vars (filled per host, or reported where they were written), issue order.
import { expect } from 'chai';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { displayPath, loadInventory, sortIssues, validateInventory } from '../../src/config/inventory.js';
import { fillInventoryTemplate, fillVarTemplates, inventoryTemplateProblems, inventoryTemplateValues } from '../../src/config/inventory-templates.js';
import { loadAnyInventory } from '../../src/config/load-any-inventory.js';
import { parseYaml } from '../../src/config/yaml-file.js';
import { ConfigError } from '../../src/errors.js';
import { thrownBy } from '../support/thrown.js';

describe('config: an inventory file', () => {
  let dir: string;
  let n = 0;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'smoker-inventory-file-'));
    mkdirSync(join(dir, 'checks'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const write = (text: string) => {
    const p = join(dir, `i${++n}.yaml`);
    writeFileSync(p, text);
    return p;
  };
  const validate = (text: string, templates?: 'error' | 'warning') => {
    const parsed = parseYaml(text, 'inv.yaml');
    if ('issues' in parsed) throw new Error(JSON.stringify(parsed.issues));
    return validateInventory(parsed.file, join(dir, 'inv.yaml'), templates ? { templates } : {});
  };
  const issues = (text: string, templates?: 'error' | 'warning') => {
    const r = validate(text, templates);
    if (!('issues' in r)) throw new Error('accepted');
    return r.issues.map((i) => `${i.pos?.line}:${i.pos?.col} ${i.path}: ${i.message}`);
  };
  const inventory = (text: string, templates?: 'error' | 'warning') => {
    const r = validate(text, templates);
    if ('issues' in r) throw new Error(JSON.stringify(r.issues));
    return r.inventory;
  };

  it('every connection key reaches the host', () => {
    const inv = inventory(`hosts:
  h:
    address: 10.0.0.1
    port: 2222
    user: deploy
    identityFile: [~/.ssh/a, /k/b]
    passwordEnv: PW
    passphraseEnv: PP
    jump: "j1, j2"
    jumpIdentityFile: /k/j
    proxyCommand: "nc %h %p"
    hostKeyPolicy: accept-new
    knownHosts: /k/known
    connectTimeout: 3s
    transport: local
    sudo: yes
    sudoPasswordEnv: SP
    maxChannels: 4
    env: { LANG: C }
    vars: { role: db }
`);
    expect(inv.hosts[0]).to.deep.equal({
      name: 'h',
      address: '10.0.0.1',
      addressSet: true,
      port: 2222,
      user: 'deploy',
      identityFile: ['~/.ssh/a', '/k/b'],
      passwordEnv: 'PW',
      passphraseEnv: 'PP',
      jump: ['j1', 'j2'],
      jumpIdentityFile: ['/k/j'],
      proxyCommand: 'nc %h %p',
      hostKeyPolicy: 'accept-new',
      knownHosts: ['/k/known'],
      connectTimeoutMs: 3000,
      transport: 'local',
      sudo: true,
      sudoPasswordEnv: 'SP',
      maxChannels: 4,
      env: { LANG: 'C' },
      vars: { role: 'db' },
      groups: [],
    });
  });

  it('defaults for what no layer sets', () => {
    const [h] = inventory('hosts:\n  h:\n').hosts;
    expect(h).to.deep.include({ address: 'h', addressSet: false, port: undefined, user: undefined, hostKeyPolicy: undefined, transport: 'ssh', sudo: false, maxChannels: 8, connectTimeoutMs: 10_000 });
    expect(h?.identityFile).to.deep.equal([]);
    expect(h?.jump).to.deep.equal([]);
    expect(h?.jumpIdentityFile).to.deep.equal([]);
    expect(h?.knownHosts).to.deep.equal([]);
    expect(h?.env).to.deep.equal({});
    expect(Object.isFrozen(h?.env)).to.equal(true);
    expect(Object.isFrozen(h?.vars)).to.equal(true);
    const inv = inventory('vars: { env: staging }\nhosts: {}\n');
    expect(inv.vars).to.deep.equal({ env: 'staging' });
    expect(inv.hosts).to.deep.equal([]);
    expect(inv.checks).to.deep.equal([]);
    expect(inv.warnings).to.deep.equal([]);
    expect(inv.file).to.equal(join(dir, 'inv.yaml'));
    expect(Object.isFrozen(inv)).to.equal(true);
  });

  it('a host defined twice (by name or inside a range) and a bad range are issues at the key', () => {
    expect(issues('hosts:\n  web[1:3]: {}\n  web2: {}\n')).to.deep.equal(['3:3 hosts.web2: host "web2" is already defined by "web[1:3]"']);
    const [range] = issues('hosts:\n  web[3:1]: {}\n');
    expect(range).to.match(/^2:3 hosts\.web\[3:1\]: /);
  });

  it('hosts that fail validation are still checked for duplicates; schema problems and others come together, in order', () => {
    expect(issues('hosts:\n  a: { port: x }\n  a[1:1]: {}\n  a1: {}\n')).to.deep.equal(['2:14 hosts.a.port: expected an integer 1-65535, got "x"', '4:3 hosts.a1: host "a1" is already defined by "a[1:1]"']);
  });

  it('checks: paths relative to the inventory (~ expanded), each must exist', () => {
    writeFileSync(join(dir, 'one.yaml'), '');
    expect(inventory('hosts: {}\nchecks: [checks, one.yaml]\n').checks).to.deep.equal([join(dir, 'checks'), join(dir, 'one.yaml')]);
    expect(inventory('hosts: {}\nchecks: one.yaml\n').checks).to.deep.equal([join(dir, 'one.yaml')]);
    expect(issues('hosts: {}\nchecks: [checks, nope]\n')).to.deep.equal([`2:18 checks[1]: no such file or folder: nope (resolved to ${join(dir, 'nope')})`]);
  });

  it('templates in addresses and vars: {{ index }}, {{ host }} and {{ name }} filled per host, lists and maps too', () => {
    const inv = inventory('hosts:\n  web[1:2]:\n    address: "10.0.0.{{ index }}"\n    vars: { id: "{{ host }}-{{ INDEX }}", list: ["{{ name }}", 3], map: { k: "%(host)s" } }\n  db: { address: "{{ host }}.example" }\n');
    expect(inv.hosts.map((h) => h.address)).to.deep.equal(['10.0.0.1', '10.0.0.2', 'db.example']);
    expect(inv.hosts[1]?.vars).to.deep.equal({ id: 'web2-2', list: ['web2', 3], map: { k: 'web2' } });
  });

  it('a template that cannot be filled is reported where it was written (host, group or defaults), once, naming the first host', () => {
    expect(issues('defaults: { address: "{{ index }}.x" }\nhosts:\n  a: {}\n  b: {}\n')).to.deep.equal([
      '1:22 defaults.address: undefined variable "index" in {{ index }}; an inventory fills in {{ host }} ({{ index }} only for hosts named with a range) (host a)',
    ]);
    expect(issues('hosts:\n  w[1:2]: {}\ngroups:\n  g: { hosts: ["w*"], vars: { v: "{{ nope }}" } }\n')).to.deep.equal([
      '4:34 groups.g.vars.v: undefined variable "nope" in {{ nope }}; an inventory fills in {{ index }}, {{ host }} (host w1)',
    ]);
    expect(issues('vars: { top: "{{ zz }}" }\nhosts:\n  a: {}\n')).to.deep.equal(['1:14 vars.top: undefined variable "zz" in {{ zz }}; an inventory fills in {{ host }} ({{ index }} only for hosts named with a range) (host a)']);
    expect(issues('hosts:\n  a: { vars: { v: "{{ host | upper }}" } }\n')[0]).to.match(/^2:19 hosts\.a\.vars\.v: \{\{ host \| upper \}\} is an expression/);
  });

  it('converted inventories: template problems are warnings, the text kept as written', () => {
    const inv = inventory('hosts:\n  a: { vars: { v: "{{ lookup(\'env\', \'X\') }}", w: "{{ nope }}" } }\n', 'warning');
    expect(inv.hosts[0]?.vars).to.deep.equal({ v: "{{ lookup('env', 'X') }}", w: '{{ nope }}' });
    expect(inv.warnings).to.deep.equal([
      "inv.yaml:2:19 hosts.a.vars.v: {{ lookup('env', 'X') }} is an expression, which smoker does not evaluate (it fills in a plain {{ name }}); an inventory fills in {{ host }} ({{ index }} only for hosts named with a range) (host a)",
      'inv.yaml:2:50 hosts.a.vars.w: undefined variable "nope" in {{ nope }}; an inventory fills in {{ host }} ({{ index }} only for hosts named with a range) (host a)',
    ]);
    expect(issues('hosts:\n  a: { vars: { w: "{{ nope }}" } }\n', 'error')).to.have.length(1);
  });

  it('inventory template helpers', () => {
    expect(inventoryTemplateValues({ name: 'w1', index: 1 })).to.deep.equal({ host: 'w1', name: 'w1', index: 1 });
    expect(inventoryTemplateValues({ name: 'db', index: undefined })).to.deep.equal({ host: 'db', name: 'db' });
    expect(fillInventoryTemplate('plain', { host: 'x' })).to.equal('plain');
    expect(fillInventoryTemplate('{{ host }} {{ other }} %(HOST)s', { host: 'x' })).to.equal('x {{ other }} x');
    expect(fillInventoryTemplate('{{ index }}', { index: 0 })).to.equal('0');
    expect(fillVarTemplates(5, { host: 'x' })).to.equal(5);
    expect(fillVarTemplates(null, { host: 'x' })).to.equal(null);
    expect(fillVarTemplates({ a: ['{{ host }}', { b: '{{ host }}' }] }, { host: 'x' })).to.deep.equal({ a: ['x', { b: 'x' }] });
    expect(inventoryTemplateProblems('no template', { host: 'x' })).to.deep.equal([]);
    expect(inventoryTemplateProblems(['{{ a }}', { k: '{{ a }}', j: '%(b)s' }, 3], { host: 'x' })).to.deep.equal([
      'undefined variable "a" in {{ a }}; an inventory fills in {{ host }} ({{ index }} only for hosts named with a range)',
      'undefined variable "b" in %(b)s; an inventory fills in {{ host }} ({{ index }} only for hosts named with a range)',
    ]);
  });

  it('issues are sorted by file (in order of first appearance), line, column', () => {
    const i = (file: string | undefined, line: number, col: number) => ({ pos: file === undefined ? undefined : { file, line, col }, path: `${file}:${line}:${col}`, message: '' });
    const sorted = sortIssues([i('b', 2, 1), i('a', 9, 9), i('b', 1, 5), i('a', 9, 2), i('b', 1, 4), i(undefined, 0, 0)]);
    expect(sorted.map((s) => s.path)).to.deep.equal(['b:1:4', 'b:1:5', 'b:2:1', 'a:9:2', 'a:9:9', 'undefined:0:0']);
  });

  it('paths are shown relative to the working directory when inside it', () => {
    expect(displayPath(join(process.cwd(), 'inventories', 'a.yaml'))).to.equal(join('inventories', 'a.yaml'));
    expect(displayPath('/elsewhere/a.yaml')).to.equal(relative(process.cwd(), '/elsewhere/a.yaml').startsWith('..') ? '/elsewhere/a.yaml' : relative(process.cwd(), '/elsewhere/a.yaml'));
    expect(displayPath(process.cwd())).to.equal(process.cwd());
  });

  it('loadInventory: the same inventory from the fast and the exact parse; problems thrown with positions', () => {
    // Big enough for the fast parse (256 KiB) by a comment, so the test stays quick.
    const big = ['hosts:', ...Array.from({ length: 30 }, (_, i) => `  h${i}: { port: ${i + 1} }`), `# ${'x'.repeat(262_144)}`, ''].join('\n');
    const inv = loadInventory(write(big));
    expect(inv.hosts).to.have.length(30);
    expect(inv.hosts[29]).to.deep.include({ name: 'h29', port: 30 });
    const broken = write(big.replace('h15: { port: 16 }', 'h15: { port: x }'));
    const err = thrownBy(() => loadInventory(broken), ConfigError);
    expect(err.issues.map((i) => `${i.pos?.file}:${i.pos?.line}:${i.pos?.col}`)).to.deep.equal([`${displayPath(broken)}:17:16`]);
  });

  it('loadAnyInventory: a smoker file is a smoker inventory; a file nothing can read says what was tried', async () => {
    const smoker = await loadAnyInventory(write('hosts:\n  a: {}\n'));
    expect(smoker.kind).to.equal('smoker');
    expect(smoker.inventory.hosts.map((h) => h.name)).to.deep.equal(['a']);
    const missing = await loadAnyInventory(join(dir, 'nope.yaml')).catch((e: unknown) => e);
    expect(missing).to.be.instanceOf(ConfigError);
    expect((missing as ConfigError).issues[0]?.message).to.equal('file not found');
    const ini = join(dir, 'hosts.ini');
    writeFileSync(ini, '[web]\nw1 ansible_host=10.0.0.1\nw2\n\n[db]\nd1\n');
    const ansible = await loadAnyInventory(ini);
    expect(ansible.kind).to.equal('ansible');
    expect(ansible.inventory.hosts.map((h) => [h.name, h.address])).to.deep.equal([
      ['w1', '10.0.0.1'],
      ['w2', 'w2'],
      ['d1', 'd1'],
    ]);
    expect(ansible.inventory.groups.get('web')?.hosts).to.deep.equal(['w1', 'w2']);
    expect(ansible.inventory.file).to.equal(ini);
  });
});
