// Group resolution on its own: members from names, ranges, globs and ~regexes and children; precedence order;
// undefined names, reserved names and cycles reported where they are written.
import { expect } from 'chai';
import { resolveGroups } from '../../src/config/groups.js';

const at = (path: (string | number)[], key?: boolean) => ({ file: 'inv.yaml', line: path.length, col: key ? 1 : 3, path: path.join('.') });
const HOSTS = ['web01', 'web02', 'web03', 'db1', 'db2', 'cache'];
const issues = (raw: Parameters<typeof resolveGroups>[0], hosts = HOSTS) => resolveGroups(raw, hosts, at).issues.map((i) => [i.path, i.message]);

describe('config/groups', () => {
  it('takes members from names, ranges, globs and ~regexes, each group in inventory order', () => {
    const r = resolveGroups(
      { web: { hosts: ['web[01:02]', 'web03'] }, db: { hosts: ['db?'] }, any: { hosts: ['~^(cache|db2)$'] }, cls: { hosts: ['web0[!1]'] } },
      HOSTS,
      at,
    );
    expect(r.issues).to.deep.equal([]);
    expect(r.groups.get('web')?.hosts).to.deep.equal(['web01', 'web02', 'web03']);
    expect(r.groups.get('db')?.hosts).to.deep.equal(['db1', 'db2']);
    expect(r.groups.get('any')?.hosts).to.deep.equal(['db2', 'cache']);
    expect(r.groups.get('cls')?.hosts).to.deep.equal(['web02', 'web03']);
    expect(r.groups.get('all')?.hosts).to.deep.equal(HOSTS);
    expect(r.groups.get('ungrouped')?.hosts).to.deep.equal([]);
  });

  it('a child group adds its hosts to every ancestor; order is parents first, then by name', () => {
    const r = resolveGroups(
      { prod: { children: ['webs', 'dbs'] }, webs: { hosts: ['web01', 'web02'], children: ['canary'] }, dbs: { hosts: ['db1'] }, canary: { hosts: ['web01'] }, zeta: { hosts: ['web01'] } },
      HOSTS,
      at,
    );
    expect(r.issues).to.deep.equal([]);
    expect(r.groups.get('prod')?.hosts).to.deep.equal(['web01', 'web02', 'db1']);
    expect(r.groups.get('prod')?.children).to.deep.equal(['webs', 'dbs']);
    expect(r.allGroupsOf('web01')).to.deep.equal(['prod', 'zeta', 'webs', 'canary']);
    expect(r.allGroupsOf('db1')).to.deep.equal(['prod', 'dbs']);
    expect(r.allGroupsOf('cache')).to.deep.equal([]);
    expect(r.allGroupsOf('nobody')).to.deep.equal([]);
    expect(r.groups.get('ungrouped')?.hosts).to.deep.equal(['web03', 'db2', 'cache']);
  });

  it('a group reached by two paths takes its deepest place', () => {
    const r = resolveGroups({ a: { children: ['b', 'c'] }, b: { children: ['c'] }, c: { hosts: ['db1'] }, aa: { hosts: ['db1'] } }, HOSTS, at);
    expect(r.allGroupsOf('db1')).to.deep.equal(['a', 'aa', 'b', 'c']);
  });

  it('reports an undefined host (with a suggestion), an undefined child group, and a bad range or regex', () => {
    expect(issues({ g: { hosts: ['web1', 'db1'], children: ['prdo'] }, prod: {} })).to.deep.equal([
      ['groups.g.hosts[0]', 'undefined host "web1" (did you mean "web01"?)'],
      ['groups.g.children[0]', 'undefined group "prdo" (did you mean "prod"?)'],
    ]);
    expect(issues({ g: { hosts: ['web[09:1]'] } })[0]?.[0]).to.equal('groups.g.hosts[0]');
    expect(issues({ g: { hosts: ['~(unclosed'] } })).to.deep.equal([['groups.g.hosts[0]', 'invalid regular expression "~(unclosed": Invalid regular expression: /(unclosed/: Unterminated group']]);
    expect(issues({ g: { hosts: ['web[04:05]'] } })).to.deep.equal([['groups.g.hosts[0]', 'undefined host "web[04:05]"']]);
  });

  it('a pattern matching no host is a warning, not an error', () => {
    const r = resolveGroups({ g: { hosts: ['mail*', '~^x'] } }, HOSTS, at);
    expect(r.issues).to.deep.equal([]);
    expect(r.warnings).to.deep.equal(['groups.g.hosts[0]: pattern "mail*" matches no host', 'groups.g.hosts[1]: pattern "~^x" matches no host']);
    expect(r.groups.get('g')?.hosts).to.deep.equal([]);
  });

  it('refuses the reserved names all and ungrouped, at the key', () => {
    const r = resolveGroups({ all: { hosts: ['db1'] }, ungrouped: {} }, HOSTS, at);
    expect(r.issues.map((i) => [i.path, i.message, i.pos?.col])).to.deep.equal([
      ['groups.all', '"all" is a reserved group name (every host is in "all")', 1],
      ['groups.ungrouped', '"ungrouped" is a reserved group name (every host is in "all")', 1],
    ]);
    expect(r.groups.size).to.equal(0);
  });

  it('names a cycle from where it closes, pointing at the child entry that starts it', () => {
    const r = resolveGroups({ a: { children: ['x', 'b'] }, b: { children: ['c'] }, c: { children: ['a'] }, x: {} }, HOSTS, at);
    expect(r.issues.map((i) => [i.path, i.message])).to.deep.equal([['groups.a.children[1]', 'group cycle: a → b → c → a']]);
    expect(resolveGroups({ s: { children: ['s'] } }, HOSTS, at).issues.map((i) => i.message)).to.deep.equal(['group cycle: s → s']);
    expect(r.allGroupsOf('db1')).to.deep.equal([]);
  });
});
