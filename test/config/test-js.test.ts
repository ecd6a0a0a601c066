// A code test file (`import { test } from 'smoker/test'`) loaded into test specs: its test() calls, their options,
// and each problem at the file:line of the call or of the error.
import { expect } from 'chai';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCodeTests } from '../../src/config/test-js.js';
import type { TestSpec } from '../../src/config/test-types.js';

describe('config: a code test file', () => {
  let dir: string;
  let n = 0;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'smoker-test-js-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const write = (text: string, ext = '.test.mjs') => {
    const p = join(dir, `f${++n}${ext}`);
    writeFileSync(p, text);
    return p;
  };
  const tests = async (text: string): Promise<TestSpec[]> => {
    const r = await loadCodeTests(write(text));
    if ('issues' in r) throw new Error(JSON.stringify(r.issues));
    return r.tests;
  };
  const issues = async (text: string, ext?: string): Promise<string[]> => {
    const file = write(text, ext);
    const r = await loadCodeTests(file);
    if (!('issues' in r)) throw new Error('accepted');
    return r.issues.map((i) => `${i.pos?.file === file ? 'F' : i.pos?.file}:${i.pos?.line}:${i.pos?.col} ${i.path}: ${i.message}`);
  };
  const HEAD = "import { test } from 'smoker/test';\n";

  it('each test() call is a test, with its options, functions and the place of the call', async () => {
    const [a, b] = await tests(`${HEAD}test('a', async () => {});\ntest('b', { needs: { kafka: 2 }, timeout: '5m', okToFail: true, setup: async () => {}, teardown: () => {} }, async () => {});\n`);
    const file = join(dir, `f${n}.test.mjs`);
    expect(a).to.deep.include({ name: 'a', file, pos: { file, line: 2, col: 1 }, needs: {}, timeoutMs: 1_800_000, okToFail: false, watchServices: [], setup: [], steps: [], teardown: [] });
    expect(a?.body).to.be.a('function');
    expect(a?.setupFn).to.equal(undefined);
    expect(b).to.deep.include({ name: 'b', needs: { kafka: 2 }, timeoutMs: 300_000, okToFail: true, pos: { file, line: 3, col: 1 } });
    expect(b?.setupFn).to.be.a('function');
    expect(b?.teardownFn).to.be.a('function');
  });

  it('a file that declares no test is an issue at 1:1', async () => {
    expect(await issues('export const x = 1;\n')).to.deep.equal(["F:1:1 : no tests: a test file calls test(name, options, fn) from 'smoker/test'"]);
  });

  it('a test needs a name and a function; options are checked by name, with a did-you-mean', async () => {
    expect(await issues(`${HEAD}test('', async () => {});\n`)).to.deep.equal(['F:2:1 : test(name, ...): expected a name']);
    expect(await issues(`${HEAD}test('x', { needs: { a: 1 } });\n`)).to.deep.equal(['F:2:1 x: test(name, options, fn): expected a function']);
    expect(await issues(`${HEAD}test('x', { neds: { a: 1 } }, async () => {});\n`)).to.deep.equal([
      'F:2:1 x.neds: unknown option "neds" (did you mean "needs"?) (options: description, needs, matrix, params, timeout, okToFail, ignore, watch, setup, teardown)',
    ]);
    expect(await issues(`${HEAD}test('x', { setup: 'start kafka', teardown: 3 }, async () => {});\n`)).to.deep.equal([
      'F:2:1 x.setup: expected a function (t) => ..., got string',
      'F:2:1 x.teardown: expected a function (t) => ..., got number',
    ]);
    expect(await issues(`${HEAD}test('x', { timeout: 'never' }, async () => {});\ntest('y', async () => {});\n`)).to.deep.equal(['F:2:1 x.timeout: expected a duration like 10m, got "never"']);
  });

  it('an import that throws: the line of the throw; a syntax error: its line; a missing import: what could not be found', async () => {
    expect(await issues(`${HEAD}\ntest('a', async () => {});\nthrow new TypeError('boom');\n`)).to.deep.equal(['F:4:7 : the test file throws at import: TypeError: boom']);
    const syntax = await issues(`${HEAD}test('a', async () => {\n`);
    expect(syntax).to.have.length(1);
    // Under plain Node the position is the line of the syntax error; under tsx (as here) its lexer reports 1:1.
    expect(syntax[0]).to.match(/^F:\d+:1 : the test file throws at import: \w*Error: /);
    const missing = await issues("import { x } from './not-there.mjs';\n");
    expect(missing).to.have.length(1);
    expect(missing[0]).to.match(/^F:1:1 : cannot import: Cannot find module .*not-there\.mjs/);
    const thrown = await issues("throw 'a string';\n");
    expect(thrown).to.deep.equal(['F:1:1 : the test file throws at import: Error: a string']);
  });

  it('loading a file again gives its tests again (no module cache between collections)', async () => {
    const file = write(`${HEAD}test('again', async () => {});\n`);
    const first = await loadCodeTests(file);
    const second = await loadCodeTests(file);
    expect('tests' in first && first.tests.map((t) => t.name)).to.deep.equal(['again']);
    expect('tests' in second && second.tests.map((t) => t.name)).to.deep.equal(['again']);
  });
});
