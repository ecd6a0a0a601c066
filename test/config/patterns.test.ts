import { expect } from 'chai';
import { selectHosts, selectHostsStrict, splitPattern } from '../../src/config/patterns.js';
import { PatternError } from '../../src/errors.js';

const hosts = ['web01', 'web02', 'web03', 'db1', 'db2', 'cache1'];
const groups = new Map([
  ['web', { hosts: ['web01', 'web02', 'web03'] }],
  ['db', { hosts: ['db1', 'db2'] }],
  ['prod', { hosts: ['web01', 'web02', 'db1'] }],
  ['all', { hosts }],
]);
const u = { hosts, groups };
const sel = (p: string) => selectHosts(p, u).hosts;

describe('config/patterns', () => {
  it('selects by host name and by group name', () => {
    expect(sel('db1')).to.deep.equal(['db1']);
    expect(sel('web')).to.deep.equal(['web01', 'web02', 'web03']);
  });
  it('selects all with "all" and "*"', () => {
    expect(sel('all')).to.deep.equal(hosts);
    expect(sel('*')).to.deep.equal(hosts);
  });
  it('unions comma- or colon-separated terms in the order given, as Ansible does', () => {
    expect(sel('db2,web01')).to.deep.equal(['db2', 'web01']);
    expect(sel('db:web')).to.deep.equal(['db1', 'db2', 'web01', 'web02', 'web03']);
    expect(sel('web:&prod')).to.deep.equal(['web01', 'web02']);
    expect(sel('web:!web02')).to.deep.equal(['web01', 'web03']);
    expect(sel('all:!web')).to.deep.equal(['db1', 'db2', 'cache1']);
  });
  it('reads group subscripts as Ansible does: [0], [-1], [1:], [0:1] (inclusive)', () => {
    expect(sel('web[0]')).to.deep.equal(['web01']);
    expect(sel('web[-1]')).to.deep.equal(['web03']);
    expect(sel('web[1:]')).to.deep.equal(['web02', 'web03']);
    expect(sel('web[0:1]')).to.deep.equal(['web01', 'web02']);
    expect(sel('web[02:03]')).to.deep.equal(['web03']);
    expect(() => sel('web[5]')).to.throw(PatternError, /subscripted pattern/);
  });
  it('selects nothing for a subscript of a group that does not exist, even when it looks like a host range', () => {
    expect(sel('web0[0:2]')).to.deep.equal([]);
    expect(() => selectHostsStrict('web0[1:3]', u)).to.throw(PatternError, /subscript of group "web0"/);
  });
  it('keeps a colon inside an address or a range as one term', () => {
    expect(splitPattern('web[01:03]')).to.deep.equal(['web[01:03]']);
    expect(splitPattern('fe80::1')).to.deep.equal(['fe80::1']);
    expect(splitPattern('web:db')).to.deep.equal(['web', 'db']);
  });
  it('matches globs on hosts and groups', () => {
    expect(sel('web0?')).to.deep.equal(['web01', 'web02', 'web03']);
    expect(sel('d*')).to.deep.equal(['db1', 'db2']);
    expect(sel('pro*')).to.deep.equal(['web01', 'web02', 'db1']);
  });
  it('accepts folded names with a comma in the brackets (clush nodesets, which Ansible cannot express)', () => {
    expect(sel('web[01,03],db[1,2]')).to.deep.equal(['web01', 'web03', 'db1', 'db2']);
  });
  it('treats a bracket that is no subscript as a glob character class', () => {
    expect(sel('web0[!1]')).to.deep.equal(['web02', 'web03']);
    expect(sel('web0[13]')).to.deep.equal([]); // a subscript of group "web0", as in Ansible
  });
  it('matches ~regex', () => {
    expect(sel('~^(web|cache)0?1$')).to.deep.equal(['web01', 'cache1']);
  });
  it('excludes with !term', () => {
    expect(sel('web,!web02')).to.deep.equal(['web01', 'web03']);
    expect(sel('!db')).to.deep.equal(['web01', 'web02', 'web03', 'cache1']);
  });
  it('intersects with &term', () => {
    expect(sel('web,&prod')).to.deep.equal(['web01', 'web02']);
    expect(sel('all,&db,!db2')).to.deep.equal(['db1']);
  });
  it('applies & and ! after all unions regardless of order (Ansible semantics)', () => {
    expect(sel('!web01,web')).to.deep.equal(['web02', 'web03']);
    expect(sel('&prod,web,db')).to.deep.equal(['web01', 'web02', 'db1']);
    expect(sel('!web01:web')).to.deep.equal(['web02', 'web03']);
  });
  it('does not split inside brackets', () => {
    expect(splitPattern('web[01:02],db1')).to.deep.equal(['web[01:02]', 'db1']);
  });
  it('reports unmatched terms; strict mode suggests a fix', () => {
    expect(selectHosts('web01,nope', u).unmatched).to.deep.equal(['nope']);
    expect(() => selectHostsStrict('wbe01', u)).to.throw(PatternError, /did you mean "web01"/);
  });
  it('rejects a bad regex', () => {
    expect(() => sel('~web(')).to.throw(PatternError, /invalid regular expression/);
  });
  it('selects by address too (-H 10.0.0.5): every host at that address (all of them when several share it), with names, !exclusion and &intersection', () => {
    const at: Record<string, string[]> = { '10.0.0.5': ['db1', 'db2'], '10.0.0.1': ['web01'], 'web02': ['cache1'] };
    const ua = { ...u, addressed: (a: string) => at[a] ?? [] };
    expect(selectHostsStrict('10.0.0.1', ua)).to.deep.equal(['web01']);
    expect(selectHostsStrict('10.0.0.5', ua)).to.deep.equal(['db1', 'db2']);
    expect(selectHostsStrict('web03,10.0.0.5', ua)).to.deep.equal(['web03', 'db1', 'db2']);
    expect(selectHostsStrict('all:!10.0.0.5', ua)).to.deep.equal(['web01', 'web02', 'web03', 'cache1']);
    expect(selectHostsStrict('prod:&10.0.0.5', ua)).to.deep.equal(['db1']);
    // A host or group name means that host or group, even when it is another host's address.
    expect(selectHostsStrict('web02', ua)).to.deep.equal(['web02']);
    // Globs and regexes match names only.
    expect(selectHosts('10.0.0.*', ua).hosts).to.deep.equal([]);
    expect(() => selectHostsStrict('10.0.0.9', ua)).to.throw(PatternError, /no host or group matches "10.0.0.9"/);
  });
});
