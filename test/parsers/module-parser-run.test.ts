// Custom parser modules at work: what they receive (params with spec options, no hidden secrets), their time limit,
// what they must return, and loading once per path (a failed load is tried again).
import { expect } from 'chai';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadModuleParser } from '../../src/parsers/module-parser.js';
import { ParserError } from '../../src/parsers/parser-error.js';
import { makeInput } from './support.js';

const ECHO = `export function parse(input) {
  return { status: 'OK', messages: [JSON.stringify(input.params), process.env.SMOKER_TEST_SECRET ?? 'no secret', process.env.SMOKER_TEST_VISIBLE ?? 'nothing visible', input.stdout] };
}\n`;

describe('parsers/module-parser: parsing', function () {
  this.timeout(30_000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'smoker-modparser-'));
  });
  after(() => {
    delete process.env['SMOKER_TEST_SECRET'];
    delete process.env['SMOKER_TEST_VISIBLE'];
    rmSync(dir, { recursive: true, force: true });
  });

  it('passes the check params with the spec options over them, and hides the named environment variables', async () => {
    process.env['SMOKER_TEST_SECRET'] = 's3cret';
    process.env['SMOKER_TEST_VISIBLE'] = 'shown';
    const path = join(dir, 'echo.mjs');
    writeFileSync(path, ECHO);
    const parser = await loadModuleParser('echo', path, { max: 5 }, ['SMOKER_TEST_SECRET']);
    expect(parser.name).to.equal('echo');
    const result = await parser.parse(makeInput({ stdout: 'out', params: { max: 0, other: 'x' } }));
    expect(result.messages.info).to.deep.equal(['{"max":5,"other":"x"}', 'no secret', 'shown', 'out']);
    expect(process.env['SMOKER_TEST_SECRET']).to.equal('s3cret');
  });

  it('without hidden names the module sees the whole environment', async () => {
    process.env['SMOKER_TEST_SECRET'] = 'seen';
    const path = join(dir, 'echo-all.mjs');
    writeFileSync(path, ECHO);
    const result = await (await loadModuleParser('echo', path)).parse(makeInput({ params: { a: 1 } }));
    expect(result.messages.info.slice(0, 2)).to.deep.equal(['{"a":1}', 'seen']);
  });

  it('loads a path once: a module changed after loading keeps its first version', async () => {
    const path = join(dir, 'once.mjs');
    writeFileSync(path, `export const parse = () => ({ status: 'OK', messages: 'first' });\n`);
    expect((await (await loadModuleParser('once', path)).parse(makeInput())).messages.info).to.deep.equal(['first']);
    writeFileSync(path, `export const parse = () => ({ status: 'OK', messages: 'second' });\n`);
    expect((await (await loadModuleParser('once', path)).parse(makeInput())).messages.info).to.deep.equal(['first']);
  });

  it('a failed load is not remembered: the file fixed, the next load works', async () => {
    const path = join(dir, 'later.mjs');
    const missing = await loadModuleParser('later', path).then(() => undefined, (e: Error) => e);
    expect(missing).to.be.instanceOf(ParserError);
    writeFileSync(path, `export const parse = () => ({ status: 'WARN', messages: 'now here' });\n`);
    const result = await (await loadModuleParser('later', path)).parse(makeInput());
    expect(result.status).to.equal('WARN');
    expect(result.messages.warn).to.deep.equal(['now here']);
  });

  it('rejects a result that breaks the contract with ParserError "invalid result: ..."', async () => {
    const path = join(dir, 'junk.mjs');
    writeFileSync(path, `export const parse = () => ({ status: 'FINE' });\n`);
    const err = await Promise.resolve((await loadModuleParser('junk', path)).parse(makeInput())).then(() => undefined, (e: Error) => e);
    expect(err).to.be.instanceOf(ParserError);
    expect(err?.message).to.equal('invalid result: status: expected OK, WARN, ERROR or UNKNOWN, got "FINE"');
  });

  it('stops a parse that runs past the check timeout', async () => {
    const path = join(dir, 'busy.mjs');
    writeFileSync(path, `export function parse() { for (;;) {} }\n`);
    const parser = await loadModuleParser('busy', path);
    const err = await Promise.resolve(parser.parse(makeInput({ timeoutMs: 300 }))).then(() => undefined, (e: Error) => e);
    expect(err).to.be.instanceOf(ParserError);
    expect(err?.message).to.equal('parser timed out after 300ms');
  });
});
