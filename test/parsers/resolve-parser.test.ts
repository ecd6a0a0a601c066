import { expect } from 'chai';
import { resolve } from 'node:path';
import { resolveParser } from '../../src/parsers/resolve-parser.js';
import { runParser } from '../../src/parsers/run-parser.js';
import { FIXTURES, makeInput, runProgram } from './support.js';

const CHECKS_DIR = resolve(FIXTURES, 'modules');

describe('parsers/resolve-parser', () => {
  it('resolves built-in names case-insensitively, and no spec to auto', async () => {
    expect((await resolveParser('nagios', CHECKS_DIR)).name).to.equal('nagios');
    expect((await resolveParser('Nagios', CHECKS_DIR)).name).to.equal('nagios');
    expect((await resolveParser(undefined, CHECKS_DIR)).name).to.equal('auto');
    expect((await resolveParser('varnishparser', CHECKS_DIR)).name).to.equal('varnish');
  });

  it('binds the options of { type, ... } over the check params', async () => {
    const parser = await resolveParser({ type: 'regex', error: 'FATAL' }, CHECKS_DIR);
    const result = await runParser(parser, makeInput({ stdout: 'FATAL: out of memory', params: { Error: 'never' } }));
    expect(result.status).to.equal('ERROR');
    expect(result.messages.error).to.deep.equal(['matched error pattern: "FATAL: out of memory"']);
  });

  it('runs a built-in on a real command end to end', async () => {
    const parser = await resolveParser({ type: 'number', warn: '>1000000' }, CHECKS_DIR);
    const result = await runParser(parser, await runProgram('/bin/sh', ['-c', 'echo 12345']));
    expect(result.status).to.equal('OK');
    expect(result.metrics['value']?.value).to.equal(12345);
  });

  it('loads a module relative to the base dir and passes it params and spec options', async () => {
    const parser = await resolveParser('./good.mjs', CHECKS_DIR);
    expect(parser.name).to.equal('./good.mjs');
    const stdout = 'INFO a\nERROR b\nERROR c\n';
    const failed = await runParser(parser, makeInput({ stdout }));
    expect(failed.status).to.equal('ERROR');
    expect(failed.messages.error).to.deep.equal(['ERROR b', 'ERROR c']);
    expect(failed.metrics).to.deep.equal({ errors: { value: 2 } });
    const tolerant = await resolveParser({ type: './good.mjs', max: 5 }, CHECKS_DIR);
    const ok = await runParser(tolerant, makeInput({ stdout, exitCode: 0 }));
    expect(ok.status).to.equal('OK');
    expect(ok.messages.info).to.deep.equal(['exit 0, 2 errors']);
  });

  it('accepts async parsers returning Smoker componentResults, CommonJS and default exports', async () => {
    const components = await runParser(await resolveParser('./components.mjs', CHECKS_DIR), makeInput({ stdout: 'db=OK\ncache=WARN\n' }));
    expect(components.status).to.equal('ERROR');
    expect(components.components['cache']).to.deep.equal({ status: 'WARN', messages: { info: ['cache is WARN'], warn: [], error: [] } });
    const cjs = await runParser(await resolveParser('./commonjs.cjs', CHECKS_DIR), makeInput({ stdout: 'hi\n' }));
    expect(cjs.messages.warn).to.deep.equal(['cjs: hi']);
    const fallback = await runParser(await resolveParser(resolve(CHECKS_DIR, 'default-function.mjs'), '/'), makeInput({ stdout: 'x' }));
    expect(fallback.messages.info).to.deep.equal(['x']);
  });

  it('loads a TypeScript parser when running under tsx', async () => {
    const result = await runParser(await resolveParser('./typed.ts', CHECKS_DIR), makeInput({ stdout: 'ts\n' }));
    expect(result).to.deep.include({ status: 'OK' });
    expect(result.messages.info).to.deep.equal(['typed: ts']);
  });

  it('never rejects: a parser that throws, returns junk, cannot load or is unknown gives ERROR "parser failed: ..."', async () => {
    const cases: Array<[Parameters<typeof resolveParser>[0], RegExp]> = [
      ['./throws.mjs', /^parser failed: boom: unexpected output$/],
      ['./invalid-result.mjs', /^parser failed: invalid result: status: expected OK, WARN, ERROR or UNKNOWN, got nothing$/],
      ['./missing.mjs', /^parser failed: cannot load parser module .*missing\.mjs/],
      ['./syntax-error.mjs', /^parser failed: cannot load parser module/],
      ['./no-parse.mjs', /^parser failed: parser module .* exports no parse function$/],
      ['nagois', /^parser failed: unknown parser "nagois": expected one of auto, json, nagios/],
      [{ type: 'regex' }, /^parser failed: regex parser: expected at least one of ok, warn, error patterns$/],
    ];
    for (const [spec, message] of cases) {
      const parser = await resolveParser(spec, CHECKS_DIR);
      const result = await runParser(parser, makeInput({ stdout: 'raw output\n' }));
      expect(result.status, JSON.stringify(spec)).to.equal('ERROR');
      expect(result.messages.error[0], JSON.stringify(spec)).to.match(message);
      expect(result.messages.info, JSON.stringify(spec)).to.deep.equal(['raw output']);
    }
  });
});
