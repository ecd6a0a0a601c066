// {{ }} substitution: every value reaches /bin/sh as literal text, bare or inside quotes (run through a real sh).
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { paramEnvName, substituteCommand, substituteRaw, UnknownPlaceholderError } from '../../src/run/substitute.js';

const EVIL = [
  "'; rm -rf /tmp/x; '",
  '; touch /tmp/smoker-pwned; ',
  '$(touch /tmp/smoker-pwned)',
  '`touch /tmp/smoker-pwned`',
  '" ; touch /tmp/smoker-pwned ; "',
  'back\\slash \\" and \\\' quotes',
  'new\nline and $HOME and *',
  '',
];

function sh(command: string): string {
  const r = spawnSync('/bin/sh', ['-c', command], { encoding: 'utf8', cwd: '/' });
  expect(r.status, `${command}\n${r.stderr}`).to.equal(0);
  return r.stdout;
}

describe('run/substitute', () => {
  for (const value of EVIL) {
    const label = JSON.stringify(value);
    it(`bare {{ x }} is one literal argument: ${label}`, () => {
      expect(sh(substituteCommand("printf '[%s]\\n' {{ x }}", { x: value }))).to.equal(`[${value}]\n`);
    });
    it(`'{{ x }}' inside single quotes stays literal: ${label}`, () => {
      expect(sh(substituteCommand("printf '%s\\n' 'a {{ x }} b'", { x: value }))).to.equal(`a ${value} b\n`);
    });
    it(`"{{ x }}" inside double quotes stays literal: ${label}`, () => {
      expect(sh(substituteCommand('printf \'%s\\n\' "a {{ x }} b"', { x: value }))).to.equal(`a ${value} b\n`);
    });
  }

  it('follows quotes across the command: escaped quotes and mixed contexts', () => {
    const cmd = 'printf \'%s|\' "it\\"s {{ x }}" \'{{ x }}\' {{ x }} "\'{{ x }}\'"; echo';
    expect(sh(substituteCommand(cmd, { x: "a'b\"c$d" }))).to.equal(`it"s a'b"c$d|a'b"c$d|a'b"c$d|'a'b"c$d'|\n`);
  });

  it("Smoker's %(name)s works the same way", () => {
    expect(sh(substituteCommand("printf '%s\\n' %(JMXPort)s", { JMXPort: '50 15' }))).to.equal('50 15\n');
  });

  it('arrays join with spaces; objects become JSON; names match case-insensitively', () => {
    expect(sh(substituteCommand('printf "%s\\n" {{ list }} {{ OBJ }}', { list: ['a', 'b'], obj: { k: 1 } }))).to.equal('a b\n{"k":1}\n');
  });

  it('an unknown name throws UnknownPlaceholderError naming it', () => {
    expect(() => substituteCommand('echo {{ nope }}', { x: 1 })).to.throw(UnknownPlaceholderError, /unknown parameter "nope"/);
  });

  it('substituteRaw inserts text as it is (paths, params)', () => {
    expect(substituteRaw('/var/lock/{{ host }}.lock', { host: 'web 1' })).to.equal('/var/lock/web 1.lock');
  });

  it('paramEnvName: SMOKER_PARAM_<NAME>, other characters as _', () => {
    expect(paramEnvName('maxAge')).to.equal('SMOKER_PARAM_MAXAGE');
    expect(paramEnvName('jmx.port-x')).to.equal('SMOKER_PARAM_JMX_PORT_X');
  });
});
