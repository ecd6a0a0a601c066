// Pieces the commands share: what -H is evaluated against (names, groups, addresses), a hosts: pattern judged at load,
// the JSON Schemas `smoker schema` prints, the values {{ }} sees on a host, and loadProject's edge cases.
import { expect } from 'chai';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reviewHostPattern } from '../../src/config/host-pattern-review.js';
import { buildJsonSchema } from '../../src/config/json-schema.js';
import { loadProject } from '../../src/config/load-project.js';
import { patternUniverse } from '../../src/config/pattern-universe.js';
import { hostValueNames, TemplateReview } from '../../src/config/template-review.js';
import { hostPlaceholders, placeholderNames, templateProblems } from '../../src/config/templates.js';
import { stepKeys } from '../../src/config/test-keys.js';
import type { HostConfig } from '../../src/config/types.js';
import { ConfigError, UsageError } from '../../src/errors.js';

const host = (name: string, address = name, vars: Record<string, unknown> = {}) => ({ name, address, vars }) as unknown as HostConfig;

describe('config: shared pieces', () => {
  it('the pattern universe: host names, groups, and the hosts at an address (the given one or a resolved one)', () => {
    const hosts = [host('web1', '10.0.0.1'), host('web2', '10.0.0.1'), host('db', 'db'), host('alias', 'db1.example')];
    const groups = new Map([['web', { name: 'web', hosts: ['web1', 'web2'], children: [] }]]);
    const u = patternUniverse({ hosts, groups });
    expect(u.hosts).to.deep.equal(['web1', 'web2', 'db', 'alias']);
    expect(u.groups).to.equal(groups);
    expect(u.addressed?.('10.0.0.1')).to.deep.equal(['web1', 'web2']);
    expect(u.addressed?.('db1.example')).to.deep.equal(['alias']);
    // An address that is only the host's own name adds nothing; an unknown address selects nothing.
    expect(u.addressed?.('db')).to.deep.equal([]);
    expect(u.addressed?.('10.9.9.9')).to.deep.equal([]);
    const resolved = patternUniverse({ hosts, groups }, (h) => (h.name === 'db' ? '192.168.1.5' : h.address));
    expect(resolved.addressed?.('192.168.1.5')).to.deep.equal(['db']);
    expect(resolved.addressed?.('10.0.0.1')).to.deep.equal(['web1', 'web2']);
  });

  it('a hosts: pattern at load: hosts, a near miss as an error, nothing here as a warning, a bad pattern as an error', () => {
    const u = { hosts: ['web1', 'web2', 'db1'], groups: new Map([['web', { hosts: ['web1', 'web2'] }]]) };
    expect(reviewHostPattern('web', u)).to.deep.equal({ hosts: ['web1', 'web2'] });
    expect(reviewHostPattern('web,wbe', u)).to.deep.equal({ hosts: ['web1', 'web2'], problem: { level: 'error', message: 'no host or group matches "wbe" (did you mean "web"?)' } });
    expect(reviewHostPattern('kafka*', u)).to.deep.equal({ hosts: [], problem: { level: 'warning', message: '"kafka*" matches no host of this inventory, so this runs nowhere' } });
    expect(reviewHostPattern('zookeeper', u)).to.deep.equal({ hosts: [], problem: { level: 'warning', message: '"zookeeper" matches no host of this inventory, so this runs nowhere' } });
    const bad = reviewHostPattern('~(', u);
    expect(bad.hosts).to.deep.equal([]);
    expect(bad.problem?.level).to.equal('error');
    expect(bad.problem?.message).to.match(/invalid regular expression/);
  });

  it('JSON Schemas for editors: draft-07, an id and title per file kind, the keys of each', () => {
    const inv = buildJsonSchema('inventory');
    expect(inv).to.include({ $schema: 'http://json-schema.org/draft-07/schema#', $id: 'https://smoker.dev/schema/inventory.json', title: 'smoker inventory', type: 'object' });
    expect(Object.keys(inv.properties as object)).to.deep.equal(['defaults', 'vars', 'hosts', 'groups', 'checks']);
    const checks = buildJsonSchema('checks');
    expect(checks).to.include({ $id: 'https://smoker.dev/schema/checks.json', title: 'smoker checks file' });
    expect(Object.keys(checks.properties as object)).to.include.members(['checks', 'plugins', 'templates', 'actions', 'services']);
  });

  it('the values {{ }} sees on a host: its vars, then host, address, port (22 by default) and user', () => {
    expect(hostPlaceholders({ name: 'w', address: '10.0.0.1', port: undefined, user: undefined, vars: { host: 'shadowed', role: 'db' } })).to.deep.equal({ role: 'db', host: 'w', address: '10.0.0.1', port: 22, user: '' });
    expect(hostPlaceholders({ name: 'w', address: 'a', port: 2222, user: 'me', vars: {} })).to.deep.include({ port: 2222, user: 'me' });
    expect([...hostValueNames(host('w', 'a', { Role: 1 }))]).to.deep.equal(['role', 'host', 'address', 'port', 'user']);
    expect(placeholderNames('{{ a }} %(b)s {{a}} {{ c.d-e }} {{ 1x }} %(f)d')).to.deep.equal(['a', 'b', 'a', 'c.d-e']);
    expect(templateProblems('{{ a }} {{ a }}', {})).to.deep.equal(['undefined variable "a" in {{ a }}']);
    // {{ name <more> }} is ours when <more> starts with an operator or the name is known; otherwise another tool's template.
    expect(templateProblems('{{ x - 1 }} {{ y or z }} {{ w .Field }}', { w: 1 })).to.deep.equal([
      '{{ x - 1 }} is an expression, which smoker does not evaluate (it fills in a plain {{ name }})',
      '{{ y or z }} is an expression, which smoker does not evaluate (it fills in a plain {{ name }})',
      '{{ w .Field }} is an expression, which smoker does not evaluate (it fills in a plain {{ name }})',
    ]);
    expect(templateProblems('{{ range .Items }} {{ orange }}', { orange: 1 })).to.deep.equal([]);
  });

  it('a template review: one issue per place and problem, naming the first host and how many more', () => {
    const review = new TemplateReview();
    expect(review.empty).to.equal(true);
    review.add('no template', true, { pos: undefined, path: 'a' });
    review.add(3, true, { pos: undefined, path: 'b' });
    expect(review.empty).to.equal(true);
    review.add('echo {{ role }} {{ p }}', true, { pos: { file: 'f', line: 1, col: 2 }, path: 'checks.x.command' });
    review.add('%(p)s', false, { pos: { file: 'f', line: 3, col: 4 }, path: 'checks.x.v' });
    expect(review.empty).to.equal(false);
    for (const h of [host('a'), host('b', 'b', { role: 'x' }), host('c'), host('d')]) review.checkHost(h, new Set(['p']));
    expect(review.issues()).to.deep.equal([
      { pos: { file: 'f', line: 1, col: 2 }, path: 'checks.x.command', message: 'undefined variable "role" in {{ role }} (on host a and 2 more)' },
      { pos: { file: 'f', line: 3, col: 4 }, path: 'checks.x.v', message: 'undefined variable "p" in %(p)s (on host a and 3 more)' },
    ]);
    const one = new TemplateReview();
    one.add('{{ nope }}', false, { pos: undefined, path: 'p' });
    one.checkHost(host('only'));
    expect(one.issues()).to.deep.equal([{ pos: undefined, path: 'p', message: 'undefined variable "nope" in {{ nope }} (on host only)' }]);
  });

  it('the keys of each step verb', () => {
    expect(stepKeys('exec')).to.deep.equal(['command', 'on', 'expect', 'background', 'timeout']);
    expect(stepKeys('sleep')).to.deep.equal([]);
    expect(stepKeys('kill')).to.deep.equal(['service', 'pidFile', 'process', 'on', 'signal']);
  });

  describe('loadProject', () => {
    let dir: string;
    before(() => {
      dir = mkdtempSync(join(tmpdir(), 'smoker-project-pieces-'));
    });
    after(() => rmSync(dir, { recursive: true, force: true }));
    const write = (name: string, text: string) => {
      writeFileSync(join(dir, name), text);
      return join(dir, name);
    };
    const failure = async (p: Promise<unknown>) => p.then(() => expect.fail('no error'), (e: unknown) => e);

    it('--checks replaces the inventory list; an empty --checks keeps it', async () => {
      const inv = write('inv.yaml', 'hosts:\n  a: { transport: local }\nchecks: [listed.yaml]\n');
      write('listed.yaml', 'checks:\n  listed: { command: x }\n');
      const other = write('other.yaml', 'checks:\n  other: { command: x }\n');
      expect((await loadProject({ inventory: inv, checks: [other] })).checks?.checks.map((c) => c.name)).to.deep.equal(['other']);
      expect((await loadProject({ inventory: inv, checks: [] })).checks?.checks.map((c) => c.name)).to.deep.equal(['listed']);
      const loaded = await loadProject({ inventory: inv });
      expect(loaded.kind).to.equal('smoker');
      expect(loaded.summaries).to.deep.equal([]);
      expect(loaded.extras.size).to.equal(0);
    });

    it("a broken inventory's check files are still validated, from its checks: list as written", async () => {
      const inv = write('broken.yaml', 'hosts:\n  a: { port: x }\nchecks: [bad-checks.yaml, missing.yaml, 3]\n');
      write('bad-checks.yaml', 'checks:\n  c: { command: x, timeout: soon }\n');
      const err = (await failure(loadProject({ inventory: inv }))) as ConfigError;
      expect(err).to.be.instanceOf(ConfigError);
      expect(err.issues.map((i) => `${i.pos?.file?.split('/').pop()}:${i.pos?.line}:${i.pos?.col} ${i.path}`)).to.deep.equal(['broken.yaml:2:14 hosts.a.port', 'broken.yaml:3:27 checks[1]', 'broken.yaml:3:41 checks[2]', 'bad-checks.yaml:2:29 checks.c.timeout']);
      const unreadable = (await failure(loadProject({ inventory: join(dir, 'none.yaml') }))) as ConfigError;
      expect(unreadable.issues.map((i) => i.message)).to.deep.equal(['file not found']);
    });

    it('requireChecks: no check file is a usage error, worded for an Ansible inventory too', async () => {
      const bare = write('bare.yaml', 'hosts:\n  a: {}\n');
      const err = (await failure(loadProject({ inventory: bare, requireChecks: true }))) as Error;
      expect(err).to.be.instanceOf(UsageError);
      expect(err.message).to.equal(`no check files: ${bare} has no checks: list and --checks was not given`);
      const ini = write('hosts.ini', '[web]\nw1\n');
      const ansible = (await failure(loadProject({ inventory: ini, requireChecks: true }))) as Error;
      expect(ansible).to.be.instanceOf(UsageError);
      expect(ansible.message).to.match(/^no check files: .*hosts\.ini is an Ansible inventory, which has no checks: list; pass --checks FILE_OR_FOLDER$/);
      expect((await loadProject({ inventory: ini })).kind).to.equal('ansible');
    });

    it('loaders get strict, their warnings join the others (errors under --strict), a loader without summary adds none', async () => {
      const inv = write('ok.yaml', 'hosts:\n  a: { transport: local }\n');
      const seen: boolean[] = [];
      const loader = { name: 'x', load: ({ strict }: { strict: boolean }) => (seen.push(strict), { issues: [], warnings: ['loader says'] }) };
      const ok = await loadProject({ inventory: inv, loaders: [loader] });
      expect(ok.warnings).to.deep.equal(['loader says']);
      expect(ok.summaries).to.deep.equal([]);
      expect(ok.extras.has('x')).to.equal(true);
      const strict = (await failure(loadProject({ inventory: inv, loaders: [loader], strict: true }))) as ConfigError;
      expect(strict.issues).to.deep.equal([{ pos: undefined, path: '', message: 'loader says (an error with --strict)' }]);
      expect(seen).to.deep.equal([false, true]);
    });

    it('an error that is not a config problem is not swallowed', async () => {
      const inv = write('fine.yaml', 'hosts:\n  a: {}\n');
      const boom = { name: 'boom', load: () => Promise.reject(new TypeError('bug')) };
      const err = await failure(loadProject({ inventory: inv, loaders: [boom] }));
      expect(err).to.be.instanceOf(TypeError);
    });
  });
});
