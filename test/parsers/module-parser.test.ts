import { expect } from 'chai';
import { homedir } from 'node:os';
import { resolve } from 'node:path';
import { isModulePath, loadModuleParser, resolveModulePath } from '../../src/parsers/module-parser.js';
import { FIXTURES } from './support.js';

describe('parsers/module-parser', () => {
  it('tells module paths from built-in names', () => {
    for (const spec of ['./p.js', '../lib/p.mjs', '/opt/p.js', '~/p.js', 'parsers/p.ts', 'p.cjs', './p', '../lib/p', '/opt/p', '~/p']) {
      expect(isModulePath(spec), spec).to.equal(true);
    }
    // A slash inside a name is not a path: only a leading ./, ../, / or ~/ (or a module extension) makes one.
    for (const spec of ['nagios', 'varnish', 'my-parser', '', 'vendor/parser', 'a~/b', 'x../y']) expect(isModulePath(spec), spec).to.equal(false);
  });

  it('resolves relative paths against the base dir and ~/ against the home dir', () => {
    expect(resolveModulePath('./p.js', '/etc/smoker/checks')).to.equal('/etc/smoker/checks/p.js');
    expect(resolveModulePath('/abs/p.js', '/etc')).to.equal('/abs/p.js');
    expect(resolveModulePath('~/p.js', '/etc')).to.equal(resolve(homedir(), 'p.js'));
  });

  it('finds parse as a named export, a default function, or a CommonJS object (loaded in a worker thread)', async () => {
    for (const file of ['good.mjs', 'default-function.mjs', 'commonjs.cjs']) {
      const parser = await loadModuleParser(file, resolve(FIXTURES, 'modules', file));
      expect(parser.parse, file).to.be.a('function');
    }
  });

  it('rejects with a ParserError for a missing file, a syntax error, or no parse export', async () => {
    const cases: Array<[string, RegExp]> = [
      ['nope.mjs', /^cannot load parser module .*nope\.mjs: /],
      ['syntax-error.mjs', /^cannot load parser module .*syntax-error\.mjs: /],
      ['no-parse.mjs', /^parser module .*no-parse\.mjs exports no parse function$/],
    ];
    for (const [file, message] of cases) {
      const err = await loadModuleParser(file, resolve(FIXTURES, 'modules', file)).then(
        () => undefined,
        (e: unknown) => e as Error & { code?: string },
      );
      expect(err?.message, file).to.match(message);
      expect(err?.code, file).to.equal('E_PARSER');
    }
  });
});
