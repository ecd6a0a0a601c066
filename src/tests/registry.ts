// Where `test()` calls of a code test file land while the file is imported (shared through globalThis,
// so the module a test file imports and the runner that imports the file agree whatever copy each loaded).

/** One `test(name, options, fn)` call. */
export interface Registration {
  name: string;
  options: Record<string, unknown>;
  fn: (t: never) => unknown;
  /** file:line:col of the call, from the stack. */
  at: { file: string; line: number; col: number } | undefined;
}

interface Registry {
  /** The file being imported, or undefined outside collection. */
  file: string | undefined;
  calls: Registration[];
}

const KEY = Symbol.for('smoker.test.registry');

/** The process-wide registry. */
export function registry(): Registry {
  const g = globalThis as unknown as Record<symbol, Registry | undefined>;
  g[KEY] ??= { file: undefined, calls: [] };
  return g[KEY];
}

/** The first stack frame inside `file` (or outside smoker's own code), as file:line:col. */
export function callSite(stack: string | undefined, file: string | undefined): Registration['at'] {
  const frames = (stack ?? '').split('\n').slice(1);
  for (const f of frames) {
    const m = /\(?((?:file:\/\/)?[^\s()]+):(\d+):(\d+)\)?\s*$/.exec(f);
    if (!m) continue;
    const path = (m[1] as string).replace(/^file:\/\//, '').replace(/\?.*$/, '');
    if (file ? decodeURIComponent(path) === file : !/\/(dist|src)\/tests\//.test(path)) return { file: decodeURIComponent(path), line: Number(m[2]), col: Number(m[3]) };
  }
  return undefined;
}
