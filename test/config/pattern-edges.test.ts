// Host pattern edges, as `ansible PATTERN --list-hosts` reads them: how a pattern splits into terms (addresses with
// ports, IPv6), globs, subscripts at their bounds, empty terms, and the hints -H gives.
import { expect } from 'chai';
import { globToRegExp, selectHosts, selectHostsStrict, splitPattern } from '../../src/config/patterns.js';
import { PatternError } from '../../src/errors.js';

const hosts = ['web01', 'web02', 'web03', 'db1', 'db2', 'a.b', 'x-y'];
const groups = new Map<string, { hosts: readonly string[] }>([
  ['web', { hosts: ['web01', 'web02', 'web03'] }],
  ['db', { hosts: ['db1', 'db2'] }],
  ['ungrouped', { hosts: ['a.b', 'x-y'] }],
]);
const u = { hosts, groups };
const sel = (p: string) => selectHosts(p, u).hosts;

describe('config/patterns: edges', () => {
  it('splits at commas first, else at colons, unless the whole is one address', () => {
    expect(splitPattern(' web , db ,, ')).to.deep.equal(['web', 'db']);
    expect(splitPattern('web:db:!web01')).to.deep.equal(['web', 'db', '!web01']);
    expect(splitPattern('web[0]:db')).to.deep.equal(['web[0]', 'db']);
    expect(splitPattern('web[01,03],db')).to.deep.equal(['web[01,03]', 'db']);
    expect(splitPattern('a[1,[2],b')).to.deep.equal(['a[1,[2],b']);
    expect(splitPattern('x],y')).to.deep.equal(['x]', 'y']);
    // One address, with or without a port: a host name, IPv4, IPv6 (bracketed with a port), with ranges.
    expect(splitPattern('db1.example.com:2222')).to.deep.equal(['db1.example.com:2222']);
    expect(splitPattern('10.0.0.1:22')).to.deep.equal(['10.0.0.1:22']);
    expect(splitPattern('10.0.[1:3].1')).to.deep.equal(['10.0.[1:3].1']);
    expect(splitPattern('[fe80::1]:22')).to.deep.equal(['[fe80::1]:22']);
    expect(splitPattern('2001:db8::1')).to.deep.equal(['2001:db8::1']);
    expect(splitPattern('1:2:3:4:5:6:7:8')).to.deep.equal(['1:2:3:4:5:6:7:8']);
    expect(splitPattern('::ffff:10.0.0.1')).to.deep.equal(['::ffff:10.0.0.1']);
    expect(splitPattern('web[a:c]')).to.deep.equal(['web[a:c]']);
    // Not one address: split at the colons.
    expect(splitPattern('1:2:3')).to.deep.equal(['1', '2', '3']);
    expect(splitPattern('1::2::3')).to.deep.equal(['1', '2', '3']);
    expect(splitPattern('web-:db')).to.deep.equal(['web-', 'db']);
    expect(splitPattern('10.0.0.256:db')).to.deep.equal(['10.0.0.256', 'db']);
    expect(splitPattern('   ')).to.deep.equal([]);
    expect(splitPattern('')).to.deep.equal([]);
  });

  it('globs: * ? [abc] [!abc] [a-c], everything else literal, anchored', () => {
    const m = (g: string, s: string) => globToRegExp(g).test(s);
    expect(m('web*', 'web01')).to.equal(true);
    expect(m('web*', 'xweb01')).to.equal(false);
    expect(m('web0?', 'web01')).to.equal(true);
    expect(m('web0?', 'web012')).to.equal(false);
    expect(m('web0[12]', 'web02')).to.equal(true);
    expect(m('web0[!12]', 'web02')).to.equal(false);
    expect(m('web0[!12]', 'web03')).to.equal(true);
    expect(m('web0[1-3]', 'web03')).to.equal(true);
    expect(m('a.b', 'axb')).to.equal(false);
    expect(m('a.b', 'a.b')).to.equal(true);
    expect(m('a+b(c)|d^$', 'a+b(c)|d^$')).to.equal(true);
    expect(m('x-y', 'x-y')).to.equal(true);
    expect(m('a]b', 'a]b')).to.equal(true);
    expect(m('a\\b', 'a\\b')).to.equal(true);
    expect(m('a/b', 'a/b')).to.equal(true);
    expect(m('[\\]x', '\\x')).to.equal(true);
    expect(m('*', 'line\nbreak')).to.equal(true);
  });

  it('a literal name with a dot or dash selects that host; a glob selects hosts and groups', () => {
    expect(sel('a.b')).to.deep.equal(['a.b']);
    expect(sel('x-y')).to.deep.equal(['x-y']);
    // Groups first (ungrouped, as an implicit group, before the others), then hosts by name: Ansible's order.
    expect(sel('*')).to.deep.equal(['a.b', 'x-y', 'web01', 'web02', 'web03', 'db1', 'db2']);
    expect(sel('all')).to.deep.equal(hosts);
    expect(sel('ungrouped')).to.deep.equal(['a.b', 'x-y']);
    expect(sel('d?')).to.deep.equal(['db1', 'db2']);
    expect(sel('~d')).to.deep.equal(['db1', 'db2']);
    expect(sel('~b')).to.deep.equal([]);
  });

  it('subscripts: the old [0-1] form, an end of 0, bounds, and errors naming the group size', () => {
    expect(sel('web[0-1]')).to.deep.equal(['web01', 'web02']);
    expect(sel('web[2:0]')).to.deep.equal(['web03']);
    expect(sel('web[2:]')).to.deep.equal(['web03']);
    expect(sel('web[-3]')).to.deep.equal(['web01']);
    expect(sel('web[2]')).to.deep.equal(['web03']);
    expect(() => sel('web[3]')).to.throw(PatternError, 'no hosts matched the subscripted pattern "web[3]" (web has 3)');
    expect(() => sel('web[-4]')).to.throw(PatternError, 'no hosts matched the subscripted pattern "web[-4]" (web has 3)');
    expect(() => sel('web[5:0]')).to.throw(PatternError, 'no hosts matched the subscripted pattern "web[5:0]" (web has 3)');
    expect(sel('web[1:9]')).to.deep.equal(['web02', 'web03']);
    expect(sel('!web[0]')).to.deep.equal(['web02', 'web03', 'db1', 'db2', 'a.b', 'x-y']);
    expect(sel('db,&web[0:1],web01')).to.deep.equal(['web01']);
    expect(sel('~web0[12]')).to.deep.equal(['web01', 'web02']);
  });

  it('folded names: hosts and groups named inside, unknown names dropped; a regex with a comma is a regex', () => {
    expect(sel('web[01,03]')).to.deep.equal(['web01', 'web03']);
    expect(sel('web0[1,9]')).to.deep.equal(['web01']);
    expect(sel('!web[01,02]')).to.deep.equal(['web03', 'db1', 'db2', 'a.b', 'x-y']);
  });

  it('empty patterns and empty terms are errors', () => {
    expect(() => sel('')).to.throw(PatternError, 'empty host pattern ""');
    expect(() => sel(' , ')).to.throw(PatternError, 'empty host pattern " , "');
    expect(() => sel('web,!')).to.throw(PatternError, 'empty term in host pattern "web,!"');
    expect(() => sel('web,&')).to.throw(PatternError, 'empty term in host pattern "web,&"');
  });

  it('unmatched terms are named without their ! or & (& terms are applied before ! terms); -H says so, with a did-you-mean or a subscript hint', () => {
    expect(selectHosts('web,!nope,&zip', u)).to.deep.equal({ hosts: [], unmatched: ['zip', 'nope'] });
    expect(selectHosts('web,web01', u).hosts).to.deep.equal(['web01', 'web02', 'web03']);
    expect(() => selectHostsStrict('web,dbb', u)).to.throw(PatternError, 'host pattern "web,dbb": no host or group matches "dbb" (did you mean "db1"?)');
    expect(() => selectHostsStrict('node[1:3]', u)).to.throw(
      PatternError,
      'host pattern "node[1:3]": no host or group matches "node[1:3]" ("node[…]" is a subscript of group "node", as in Ansible; to name several hosts, list them with commas or use a glob)',
    );
    expect(() => selectHostsStrict('zzzzzz', u)).to.throw(PatternError, /^host pattern "zzzzzz": no host or group matches "zzzzzz"$/);
    expect(selectHostsStrict('web', u)).to.deep.equal(['web01', 'web02', 'web03']);
  });

  it('a pattern naming no group called all still selects every host for all', () => {
    const bare = { hosts: ['h1', 'h2'], groups: new Map() };
    expect(selectHosts('all', bare).hosts).to.deep.equal(['h1', 'h2']);
    expect(selectHosts('!h1', bare).hosts).to.deep.equal(['h2']);
    expect(selectHosts('h*', bare).hosts).to.deep.equal(['h1', 'h2']);
    expect(selectHosts('a*', bare).hosts).to.deep.equal([]);
  });
});
