import { expect } from 'chai';
import { BUILTIN_PARSERS } from '../../src/parsers/builtins.js';
import { validateParserSpec } from '../../src/parsers/validate-spec.js';
import { FIXTURES } from './support.js';

describe('parsers/validate-spec', () => {
  it('lists the built-in parser names', () => {
    expect(BUILTIN_PARSERS).to.deep.equal(['auto', 'json', 'nagios', 'regex', 'number', 'varnish', 'systemctl', 'df']);
  });

  it('accepts every built-in that needs no options, no spec at all, and module paths', () => {
    for (const name of ['auto', 'json', 'nagios', 'varnish', 'systemctl', 'df', 'NAGIOS', './x.js', '/opt/p.mjs']) {
      expect(validateParserSpec(name), name).to.equal(undefined);
    }
    expect(validateParserSpec(undefined)).to.equal(undefined);
  });

  it('reports unknown names, saying what was expected', () => {
    expect(validateParserSpec('nagois')).to.equal(
      'unknown parser "nagois": expected one of auto, json, nagios, regex, number, varnish, systemctl, df, or a path to a parser module such as ./parser.js',
    );
    expect(validateParserSpec({ type: 'xml' })).to.match(/^unknown parser "xml"/);
    expect(validateParserSpec({ error: 'x' })).to.match(/^parser type: expected one of .* got nothing$/);
    expect(validateParserSpec(42)).to.match(/^parser: expected a name, a module path or \{ type: ... \}, got 42$/);
    expect(validateParserSpec('')).to.match(/^unknown parser ""/);
  });

  it('checks options given in the spec or in the check params', () => {
    expect(validateParserSpec({ type: 'regex', ok: 'UP' })).to.equal(undefined);
    expect(validateParserSpec('regex', { params: { Error: 'Exception' } })).to.equal(undefined);
    expect(validateParserSpec('regex')).to.match(/regex parser: expected at least one of ok, warn, error/);
    expect(validateParserSpec({ type: 'number', warn: '>80', error: '>90' })).to.equal(undefined);
    expect(validateParserSpec('number', { params: { warn: 'lots' } })).to.match(/^number parser: warn: expected/);
    expect(validateParserSpec({ type: 'df', ignore: '[' })).to.match(/^df parser: ignore: invalid regular expression/);
    expect(validateParserSpec({ type: 'varnish', responseTimeWarn: 'slow' })).to.match(/^varnish parser: responseTimeWarn/);
  });

  it('checks that a module exists when given the base dir', () => {
    expect(validateParserSpec('./modules/good.mjs', { baseDir: FIXTURES })).to.equal(undefined);
    expect(validateParserSpec('./modules/gone.mjs', { baseDir: FIXTURES })).to.match(
      /^parser module \.\/modules\/gone\.mjs not found \(looked for .*fixtures\/parsers\/modules\/gone\.mjs\)$/,
    );
  });
});
