// Loads a code test file (.mjs/.js/.ts): imports it and turns its `test()` calls into TestSpecs.
import { register } from 'node:module';
import { extname } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ConfigIssue, SourcePos } from '../errors.js';
import { callSite, registry, type Registration } from '../tests/registry.js';
import { displayPath } from './inventory.js';
import { didYouMean } from './suggest.js';
import { OPTION_KEYS, parseTestOptions } from './test-options.js';
import type { TestSpec } from './test-types.js';

const CODE_KEYS = [...OPTION_KEYS, 'setup', 'teardown'];
let hooked = false;

/** Makes `import 'smoker/test'` resolve to this smoker's module from any folder (no install beside the tests needed). */
function hookSmokerTest(): void {
  if (hooked) return;
  hooked = true;
  // Resolved by the next resolver (from sources, tsx maps define.js to define.ts).
  const target = new URL('../tests/define.js', import.meta.url).href;
  const hooks = `export async function resolve(s, c, next) { return next(s === 'smoker/test' ? ${JSON.stringify(target)} : s, c); }`;
  register(`data:text/javascript,${encodeURIComponent(hooks)}`);
}

/** Imports a code test file and validates its tests; an import that throws is an issue at the stack's file:line. */
export async function loadCodeTests(absPath: string): Promise<{ tests: TestSpec[] } | { issues: ConfigIssue[] }> {
  const file = displayPath(absPath);
  hookSmokerTest();
  const r = registry();
  r.file = absPath;
  r.calls = [];
  try {
    // `?smoker=N` re-imports a file collected before (--repeat in one process, tests of the runner).
    const url = `${pathToFileURL(absPath).href}?smoker=${Date.now()}-${Math.random()}`;
    await import(url);
  } catch (err) {
    return { issues: [importIssue(err, absPath, file)] };
  } finally {
    r.file = undefined;
  }
  const calls = r.calls;
  r.calls = [];
  if (calls.length === 0) return { issues: [{ pos: { file, line: 1, col: 1 }, path: '', message: "no tests: a test file calls test(name, options, fn) from 'smoker/test'" }] };
  const issues: ConfigIssue[] = [];
  const tests = calls.flatMap((c) => specOf(c, file, issues));
  return issues.length ? { issues } : { tests };
}

function specOf(c: Registration, file: string, issues: ConfigIssue[]): TestSpec[] {
  const pos: SourcePos = c.at ? { file: displayPath(c.at.file), line: c.at.line, col: c.at.col } : { file, line: 1, col: 1 };
  const report = (p: readonly (string | number)[], message: string) => issues.push({ pos, path: [c.name, ...p].join('.'), message });
  if (typeof c.name !== 'string' || c.name === '') {
    report([], 'test(name, ...): expected a name');
    return [];
  }
  if (typeof c.fn !== 'function') {
    report([], 'test(name, options, fn): expected a function');
    return [];
  }
  const o = c.options;
  const unknown = Object.keys(o).filter((k) => !CODE_KEYS.includes(k));
  for (const k of unknown) report([k], `unknown option "${k}"${didYouMean(k, CODE_KEYS)} (options: ${CODE_KEYS.join(', ')})`);
  for (const k of ['setup', 'teardown'] as const) if (o[k] !== undefined && typeof o[k] !== 'function') report([k], `expected a function (t) => ..., got ${typeof o[k]}`);
  const options = parseTestOptions(o, report);
  if (!options || unknown.length) return [];
  return [
    {
      name: c.name,
      file,
      pos,
      ...options,
      watchServices: [],
      setup: [],
      steps: [],
      teardown: [],
      body: c.fn as never,
      setupFn: o.setup as never,
      teardownFn: o.teardown as never,
    },
  ];
}

function importIssue(err: unknown, absPath: string, file: string): ConfigIssue {
  const e = err as NodeJS.ErrnoException;
  const ts = ['.ts', '.mts'].includes(extname(absPath));
  if (e?.code === 'ERR_UNKNOWN_FILE_EXTENSION' && ts) {
    return { pos: { file, line: 1, col: 1 }, path: '', message: `Node ${process.version} cannot load TypeScript test files by itself: rename it .mjs, or name it .mts and run smoker under a TypeScript loader (NODE_OPTIONS="--import tsx")` };
  }
  if (ts && /smoker\/test/.test(e?.message ?? '')) {
    // A .ts file outside an ES module package is CommonJS to the loader; its require() does not see smoker/test.
    return { pos: { file, line: 1, col: 1 }, path: '', message: `cannot import smoker/test from a CommonJS .ts file: name it .mts` };
  }
  if (e?.code === 'ERR_MODULE_NOT_FOUND' || e?.code === 'ERR_PACKAGE_PATH_NOT_EXPORTED') {
    return { pos: { file, line: 1, col: 1 }, path: '', message: `cannot import: ${firstLine(e.message)}` };
  }
  // A syntax error's position is in its stack's first line (`file:line`), other errors' in a frame.
  const at = callSite(e?.stack, absPath) ?? syntaxSite(e?.stack, absPath);
  const pos = at ? { file: displayPath(at.file), line: at.line, col: at.col } : { file, line: 1, col: 1 };
  return { pos, path: '', message: `the test file throws at import: ${e?.name ?? 'Error'}: ${firstLine(e?.message ?? String(err))}` };
}

function syntaxSite(stack: string | undefined, absPath: string): { file: string; line: number; col: number } | undefined {
  const first = (stack ?? '').split('\n')[0] ?? '';
  const m = /^(?:file:\/\/)?(.+?)(?:\?[^:]*)?:(\d+)$/.exec(first);
  return m && decodeURIComponent(m[1] as string) === absPath ? { file: absPath, line: Number(m[2]), col: 1 } : undefined;
}

function firstLine(s: string): string {
  return s.split('\n')[0] ?? s;
}
