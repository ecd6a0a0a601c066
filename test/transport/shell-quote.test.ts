// shellQuote and exportEnv checked through real shells: every value must come out of sh as the one word it went in as.

import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { TransportError } from '../../src/errors.js';
import { exportEnv, shellQuote } from '../../src/transport/shell-quote.js';
import { thrownBy } from '../support/thrown.js';

const run = promisify(execFile);

/** Every character a POSIX shell treats specially, with a name for the test title. */
const SPECIAL: ReadonlyArray<[string, string]> = [
  ['dollar', '$'], ['backquote', '`'], ['double quote', '"'], ["single quote", "'"], ['backslash', '\\'],
  ['bang', '!'], ['star', '*'], ['question mark', '?'], ['open bracket', '['], ['close bracket', ']'],
  ['open brace', '{'], ['close brace', '}'], ['open paren', '('], ['close paren', ')'], ['less than', '<'],
  ['greater than', '>'], ['pipe', '|'], ['ampersand', '&'], ['semicolon', ';'], ['hash', '#'], ['tilde', '~'],
  ['space', ' '], ['tab', '\t'], ['newline', '\n'], ['carriage return', '\r'], ['equals', '='], ['percent', '%'],
  ['caret', '^'], ['comma', ','], ['colon', ':'], ['at', '@'], ['dash', '-'],
];

/** Values built from each special character alone, leading, inside a word, and doubled; plus the hard cases. */
const VALUES: readonly string[] = [
  ...SPECIAL.flatMap(([, c]) => [c, `${c}x`, `a${c}b`, `${c}${c}`]),
  '', "''", "'\\''", '$HOME', '${HOME}', '$(id)', '`id`', '$((1+1))', '~', '~/x', '~root', '*', 'a*b', 'a?b', '[ab]b',
  '{a,b}', 'a b  c', ' lead', 'trail ', '\n\nnewlines\n\n', '-n', '--', 'x=1 y=2', 'it\'s "quoted"', '\\$HOME',
  'é', '日本語 テキスト', 'emoji 🙂', 'ünïcödé$', 'A-Za-z0-9_@%+=:,./-', 'plain', '/usr/bin/env', 'key=value',
];

/** Shells a command may land in: the system sh, dash, bash and busybox sh where installed. */
const SHELLS = ['/bin/sh', '/usr/bin/dash', '/bin/bash', '/bin/busybox'].filter((s) => existsSync(s));

describe('transport/shell-quote through real shells', function () {
  let cwd: string;

  before(() => {
    // Files that an unquoted glob would expand to, so a missing quote changes the output.
    cwd = mkdtempSync(join(tmpdir(), 'smoker-quote-'));
    for (const name of ['ab', 'a1b', 'bb', 'x', 'ax', '$x', 'b']) writeFileSync(join(cwd, name), '');
  });

  after(() => rmSync(cwd, { recursive: true, force: true }));

  /** Prints each quoted value NUL-terminated through `shell`, returning the words the shell saw. */
  async function roundTrip(shell: string, values: readonly string[]): Promise<string[]> {
    const script = `printf '%s\\0' ${values.map(shellQuote).join(' ')}`;
    const argv = shell.endsWith('busybox') ? ['sh', '-c', script] : ['-c', script];
    const { stdout } = await run(shell, argv, { cwd, env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: '/home/nobody', x: 'EXPANDED' } });
    return stdout.split('\0').slice(0, -1);
  }

  for (const shell of SHELLS) {
    it(`${shell}: each value comes back as exactly one word, byte for byte`, async () => {
      const words = await roundTrip(shell, VALUES);
      expect(words).to.have.length(VALUES.length);
      for (const [i, value] of VALUES.entries()) expect(words[i], `value ${JSON.stringify(value)} quoted as ${shellQuote(value)}`).to.equal(value);
    });
  }

  for (const [name, c] of SPECIAL) {
    it(`quotes ${name} (${JSON.stringify(c)}) so that /bin/sh takes it literally`, async () => {
      const values = [c, `a${c}b`, `${c}x`];
      expect(await roundTrip('/bin/sh', values)).to.deep.equal(values);
    });
  }

  it('quotes $ even where the variable is set, so $x never reaches sh bare', async () => {
    expect(await roundTrip('/bin/sh', ['$x', 'a$x', '${x}', '$'])).to.deep.equal(['$x', 'a$x', '${x}', '$']);
  });

  it('quotes the empty string as an empty word instead of dropping it', async () => {
    expect(shellQuote('')).to.equal("''");
    expect(await roundTrip('/bin/sh', ['', 'x', ''])).to.deep.equal(['', 'x', '']);
  });

  it('leaves words of only safe characters as they are, so commands in logs stay readable', () => {
    for (const word of ['plain', '/usr/bin/env', 'key=value', 'a.b-c_d', 'user@host:22', '50%', 'a,b', '+1']) expect(shellQuote(word)).to.equal(word);
  });

  it('quotes every word that holds anything but the safe characters', () => {
    for (const word of ['a b', 'é', '$x', 'a\nb', '*', "it's", 'a;b']) expect(shellQuote(word)).to.not.equal(word);
  });

  it('exportEnv sets each variable to its exact value in the remote shell', async () => {
    const env = { A: 'one two', B: '$HOME `id` "q" \'s\'', C: '', D: 'line1\nline2', E: 'plain' };
    const script = `${exportEnv(env)}printf '%s\\0' "$A" "$B" "$C" "$D" "$E"; sh -c 'printf "%s" "$A"'`;
    const { stdout } = await run('/bin/sh', ['-c', script], { cwd, env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin' } });
    expect(stdout.split('\0')).to.deep.equal(['one two', env.B, '', 'line1\nline2', 'plain', 'one two']);
  });

  it('exportEnv of no variables is empty, so nothing is prepended', () => {
    expect(exportEnv({})).to.equal('');
  });

  it('exportEnv refuses a name that is not a shell variable name (it would be shell code before the =)', () => {
    expect(exportEnv({ A: 'x', _b1: 'y' })).to.equal('export A=x _b1=y; ');
    for (const name of ['A B', '1A', 'A;id', '', 'A=B', 'A-B', '$(id)']) {
      const err = thrownBy(() => exportEnv({ OK: 'x', [name]: 'v' }), TransportError);
      expect(err.code, name).to.equal('E_ENV_NAME');
      expect(err.message).to.equal(`refusing environment variable name ${JSON.stringify(name)}: expected [A-Za-z_][A-Za-z0-9_]*`);
    }
  });
});
