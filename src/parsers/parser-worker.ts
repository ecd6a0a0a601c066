// Custom parser modules run in worker threads: a busy or hung parser is stopped at its timeout, the run goes on.
import { Worker } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';
import { formatDuration } from './termination.js';
import { ParserError } from './parser-error.js';
import type { ParserInput } from './types.js';

/** A parser's time when its check sets no timeout. */
export const DEFAULT_PARSER_TIMEOUT_MS = 10_000;
/** Workers per parser module: parses of one module on several hosts run side by side, up to this many. */
const WORKERS_PER_MODULE = 2;

/**
 * The worker's code, run as a CommonJS script (`eval`), so it needs no file of its own next to the bundle.
 * It imports the module once, then answers one request at a time. `import (` keeps its space: the bundler
 * rewrites `import(` of computed specifiers in src/ to the launcher's import, which a worker does not have.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
// What a parser prints is a debugging aid, never part of smoker's stdout (-o json stays JSON).
process.stdout.write = process.stderr.write.bind(process.stderr);
const pick = (mod) => {
  if (typeof mod.parse === 'function') return mod.parse;
  const d = mod.default;
  if (typeof d === 'function') return d;
  if (d && typeof d === 'object' && typeof d.parse === 'function') return d.parse.bind(d);
  return undefined;
};
// A TypeScript module needs tsx: the main thread's loader hooks do not reach a worker, so register tsx
// here when it can be found from the module's folder (a project with tsx installed, or smoker's own tree).
const tsx = () => {
  if (!/\.[cm]?ts$/.test(workerData.path)) return Promise.resolve();
  let api;
  try {
    // Its ESM entry, from its exports map: require.resolve would give the CommonJS one.
    const pkg = require('node:module').createRequire(workerData.path).resolve('tsx/package.json');
    const entry = JSON.parse(require('node:fs').readFileSync(pkg, 'utf8')).exports['./esm/api'].import;
    api = require('node:path').join(pkg, '..', typeof entry === 'string' ? entry : entry.default);
  } catch {
    return Promise.resolve();
  }
  return import (require('node:url').pathToFileURL(api).href).then((m) => m.register(), () => undefined);
};
const loaded = tsx().then(() => import (workerData.url)).then(
  (mod) => pick(mod) || Promise.reject(Object.assign(new Error('exports no parse function'), { code: 'E_NO_PARSE' })),
);
loaded.then(() => parentPort.postMessage({ kind: 'ready' }), (err) => parentPort.postMessage({ kind: 'load-error', message: String(err && err.message || err), code: err && err.code }));
parentPort.on('message', async ({ id, input }) => {
  try {
    const parse = await loaded;
    parentPort.postMessage({ kind: 'result', id, value: await parse(input) });
  } catch (err) {
    parentPort.postMessage({ kind: 'error', id, message: String(err && err.message || err) });
  }
});
`;

type Reply = { kind: 'ready' } | { kind: 'load-error'; message: string; code?: string } | { kind: 'result'; id: number; value: unknown } | { kind: 'error'; id: number; message: string };

/** One worker with the module loaded: runs one parse at a time; a timed-out parse ends the worker. */
class ParserThread {
  private readonly worker: Worker;
  private nextId = 0;
  private pending: { id: number; settle: (r: Reply | Error) => void } | undefined;
  readonly ready: Promise<void>;
  dead = false;

  constructor(path: string, env: NodeJS.ProcessEnv) {
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { url: pathToFileURL(path).href, path }, env });
    this.worker.unref();
    this.ready = new Promise((resolve, reject) => {
      this.worker.on('message', (m: Reply) => {
        if (m.kind === 'ready') resolve();
        else if (m.kind === 'load-error') reject(loadError(path, m));
        else if (this.pending?.id === m.id) this.pending.settle(m);
      });
      const fail = (err: Error) => {
        this.dead = true;
        reject(err);
        this.pending?.settle(err);
      };
      this.worker.on('error', fail);
      this.worker.on('exit', (code) => fail(new ParserError(`parser worker exited (code ${code})`)));
    });
    // An unref() before the thread is up does not hold: say it again once it is (unless a parse began).
    this.ready.then(
      () => this.pending === undefined && this.worker.unref(),
      () => undefined,
    );
  }

  /** Runs one parse; rejects with "parser timed out after …" and stops the worker when it (or loading) takes longer than `timeoutMs`. */
  async parse(input: ParserInput, timeoutMs: number): Promise<unknown> {
    const id = this.nextId++;
    this.worker.ref();
    try {
      const reply = await new Promise<Reply | Error>((resolve) => {
        const timer = setTimeout(() => resolve(new ParserError(`parser timed out after ${formatDuration(timeoutMs)}`)), timeoutMs);
        this.pending = {
          id,
          settle: (r) => {
            clearTimeout(timer);
            resolve(r);
          },
        };
        this.ready.then(
          () => this.worker.postMessage({ id, input }),
          (err: Error) => this.pending?.settle(err),
        );
      });
      if (reply instanceof Error) {
        // Timed out, failed to load or died: this worker takes no more parses.
        this.stop();
        throw reply;
      }
      if (reply.kind === 'error') throw new Error(reply.message);
      return reply.kind === 'result' ? reply.value : undefined;
    } finally {
      this.pending = undefined;
      if (!this.dead) this.worker.unref();
    }
  }

  /** Ends the worker, busy or not (terminate() stops even a synchronous loop). */
  stop(): void {
    this.dead = true;
    void this.worker.terminate();
  }
}

/** The workers of one parser module: up to WORKERS_PER_MODULE parses at once, the rest wait their turn. */
export class ParserPool {
  private readonly idle: ParserThread[] = [];
  private busy = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    private readonly path: string,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  /** Loads the module in a first worker: its load errors (missing file, no parse export) surface here. */
  async load(timeoutMs: number): Promise<void> {
    const t = new ParserThread(this.path, this.env);
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([t.ready, new Promise((_, reject) => (timer = setTimeout(() => reject(new ParserError(`parser module load timed out after ${formatDuration(timeoutMs)}`)), timeoutMs)))]);
    } catch (err) {
      t.stop();
      throw err;
    } finally {
      clearTimeout(timer);
    }
    this.idle.push(t);
  }

  /** Runs one parse in a free worker (starting one if fewer than the maximum run). */
  async parse(input: ParserInput, timeoutMs: number): Promise<unknown> {
    while (this.busy >= WORKERS_PER_MODULE) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.busy++;
    let t = this.idle.pop();
    // A worker that died while idle (out of memory, its own process.exit) is replaced.
    while (t?.dead) t = this.idle.pop();
    t ??= new ParserThread(this.path, this.env);
    try {
      return await t.parse(input, timeoutMs);
    } finally {
      if (!t.dead) this.idle.push(t);
      this.busy--;
      this.waiting.shift()?.();
    }
  }
}

function loadError(path: string, m: { message: string; code?: string | undefined }): ParserError {
  if (m.code === 'E_NO_PARSE') return new ParserError(`parser module ${path} exports no parse function`);
  const hint = m.code === 'ERR_UNKNOWN_FILE_EXTENSION' ? ' (a TypeScript parser needs smoker run under tsx, or compile it to .js)' : '';
  return new ParserError(`cannot load parser module ${path}: ${m.message}${hint}`);
}
