// Quote tracking of substituteCommand where one quote kind sits inside the other, checked through a real sh;
// value texts and host placeholders.

import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { hostPlaceholders, substituteCommand, substituteRaw, valueText } from '../../src/run/substitute.js';

/** What `printf '%s|'`-style commands print through /bin/sh. */
function sh(command: string): string {
  const r = spawnSync('/bin/sh', ['-c', command], { encoding: 'utf8', cwd: '/' });
  expect(r.status, `${command}\n${r.stderr}`).to.equal(0);
  return r.stdout;
}

const X = { x: "a b'c\"d$e\\f" };

describe('run/substitute quote tracking', () => {
  it('a backslash inside single quotes is literal and does not hide the closing quote', () => {
    expect(sh(substituteCommand("printf '%s|' 'a\\' {{ x }}", X))).to.equal(`a\\|${X.x}|`);
  });

  it('a double quote inside single quotes does not open a double-quoted string', () => {
    expect(sh(substituteCommand(`printf '%s|' '"' {{ x }}`, X))).to.equal(`"|${X.x}|`);
  });

  it('a single quote inside double quotes does not open a single-quoted string', () => {
    expect(sh(substituteCommand(`printf '%s|' "'" {{ x }}`, X))).to.equal(`'|${X.x}|`);
  });

  it('an escaped double quote inside double quotes does not close them', () => {
    expect(sh(substituteCommand('printf \'%s|\' "a\\"{{ x }}"', X))).to.equal(`a"${X.x}|`);
  });

  it('a name given exactly wins over one that differs only in case', () => {
    expect(substituteRaw('{{ Name }}/{{ name }}', { name: 'lower', Name: 'upper' })).to.equal('upper/lower');
  });

  it('null and undefined values are empty text; numbers and booleans their string', () => {
    expect([null, undefined, 0, false, 1.5, [1, null, 'x'], { a: 1 }].map(valueText)).to.deep.equal(['', '', '0', 'false', '1.5', '1  x', '{"a":1}']);
    expect(sh(substituteCommand("printf '%s|' {{ n }} {{ u }}", { n: null, u: undefined }))).to.equal('||');
  });

  it('host placeholders: inventory vars, then host, address, port (22 when unset) and user ("" when unset)', () => {
    expect(hostPlaceholders({ name: 'web1', address: '10.0.0.1', port: undefined, user: undefined, vars: { role: 'db', host: 'shadowed' } })).to.deep.equal({
      role: 'db', host: 'web1', address: '10.0.0.1', port: 22, user: '',
    });
    expect(hostPlaceholders({ name: 'w', address: 'a', port: 2222, user: 'u', vars: {} })).to.deep.equal({ host: 'w', address: 'a', port: 2222, user: 'u' });
  });
});
