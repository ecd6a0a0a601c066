// Helpers shared by the lab integration tests (test/transport/*integration*, test/cli/exec*):
// a lab with an isolated HOME, inventories built from a lab, session files, polling.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { IPty } from 'node-pty';
import { parse, stringify } from 'yaml';
import { startLab, type Lab, type LabInventoryOptions, type LabOptions } from '../lab/index.js';
import { CLI, ROOT } from '../support/cli.js';

/** An inventory document as the lab renders it, to be edited before writing. */
export interface InventoryDoc {
  defaults: Record<string, unknown>;
  hosts: Record<string, Record<string, unknown>>;
  groups?: Record<string, unknown>;
  [key: string]: unknown;
}

/** The lab's inventory as an object (edit it, then writeInventoryDoc). */
export function labInventory(lab: Lab, opts?: LabInventoryOptions): InventoryDoc {
  return parse(lab.inventoryYaml(opts)) as InventoryDoc;
}

/** Writes an inventory document to `path` and returns the path. */
export function writeInventoryDoc(path: string, doc: InventoryDoc): string {
  writeFileSync(path, stringify(doc));
  return path;
}

/** A scratch dir with an empty `.ssh` inside, used as HOME so the user's ~/.ssh never leaks in. */
export function makeTempHome(prefix: string): string {
  const home = mkdtempSync(join(tmpdir(), prefix));
  mkdirSync(join(home, '.ssh'), { mode: 0o700 });
  return home;
}

/** A started lab, a scratch HOME beside it (see makeTempHome), and the lab's plain inventory written there. */
export interface LabHome {
  lab: Lab;
  home: string;
  /** `home`/inventory.yaml, as lab.writeInventory renders it. */
  inventory: string;
}

/** Starts a lab with `opts` and makes its HOME, for a describe block's before(); closeLabHome undoes it. */
export async function openLabHome(opts: LabOptions, homePrefix: string): Promise<LabHome> {
  const lab = await startLab(opts);
  try {
    const home = makeTempHome(homePrefix);
    return { lab, home, inventory: lab.writeInventory(join(home, 'inventory.yaml')) };
  } catch (err) {
    await lab.close();
    throw err;
  }
}

/** Closes a lab and removes its HOME; either may be unset when before() failed part way. */
export async function closeLabHome(lab: Lab | undefined, home: string | undefined): Promise<void> {
  await lab?.close();
  removeDir(home);
}

/** Environment for a CLI run: isolated HOME, no agent unless given, sessions under `results`. */
export function cliEnv(home: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { HOME: home, SSH_AUTH_SOCK: '', SMOKER_RESULTS: join(home, 'results'), ...extra };
}

/** The only session dir under a results root (the test ran one command there). */
export function onlySession(resultsRoot: string): string {
  const ids = readdirSync(resultsRoot).filter((n) => /^\d{4}-\d\d-\d\d--\d+$/.test(n));
  if (ids.length !== 1) throw new Error(`expected one session in ${resultsRoot}, found: ${ids.join(', ') || 'none'}`);
  return join(resultsRoot, ids[0] ?? '');
}

/** session.json of a session dir. */
export function readSessionMeta(dir: string): { state: string; [key: string]: unknown } {
  return JSON.parse(readFileSync(join(dir, 'session.json'), 'utf8')) as { state: string };
}

/** What `smoker exec -o json` prints. */
export interface ExecJson {
  hosts: Array<{ host: string; status: string; unreachable?: string; stdout?: string; stderr?: string; exitCode?: number | null; truncated?: boolean; timedOut?: boolean }>;
  counts: { unreachable: number; [key: string]: unknown };
  session: string | null;
}

/** Parses `smoker exec -o json` output, naming the output when it is not JSON. */
export function parseExecJson(stdout: string, stderr = ''): ExecJson {
  try {
    return JSON.parse(stdout) as ExecJson;
  } catch {
    throw new Error(`smoker exec -o json printed no JSON.\nstdout: ${stdout.slice(0, 2000)}\nstderr: ${stderr.slice(0, 2000)}`);
  }
}

/** One host of an exec JSON result; throws when missing. */
export function hostOf(out: ExecJson, name: string): ExecJson['hosts'][number] {
  const h = out.hosts.find((x) => x.host === name);
  if (!h) throw new Error(`no host ${name} in exec output (hosts: ${out.hosts.map((x) => x.host).join(', ')})`);
  return h;
}

/** Polls `probe` until it returns a truthy value or `timeoutMs` passes (then returns the last value). */
export async function waitFor<T>(probe: () => Promise<T>, timeoutMs: number, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v || Date.now() >= deadline) return v;
    await sleep(everyMs);
  }
}

/** Pids of processes on a lab host whose full command line matches the regex `pattern` (pgrep -f). */
export async function pgrepOnHost(lab: Lab, host: string, pattern: string): Promise<number[]> {
  const r = await lab.exec(host, `pgrep -f -- '${pattern.replace(/'/g, `'\\''`)}' || true`);
  return r.stdout.split('\n').filter(Boolean).map(Number);
}

/** A TCP server on 127.0.0.1 that accepts connections and never says a word (no SSH banner). */
export async function startSilentServer(): Promise<{ port: number; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((s) => {
    sockets.add(s);
    s.on('error', () => undefined);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A CLI run on a pseudo-terminal: everything it printed, and its exit. */
export interface PtyRun {
  pty: IPty;
  output: () => string;
  /** node-pty reports a death by signal as code 0 with `signal` set. */
  exited: Promise<{ exitCode: number; signal: number | undefined; at: number }>;
}

/** Spawns `smoker ARGS` on a new pty (node-pty is native: a load failure fails the test with its reason). */
export async function spawnOnPty(args: string[], env: NodeJS.ProcessEnv): Promise<PtyRun> {
  const { spawn } = await import('node-pty');
  // A terminal session as a person has it: no CI (which turns the spinner off), empty values unset.
  const entries = Object.entries({ ...process.env, ...env, CI: '', TERM: 'xterm' }).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== '');
  const pty = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env: Object.fromEntries(entries), cols: 120, rows: 40, name: 'xterm' });
  let text = '';
  pty.onData((d) => (text += d));
  const exited = new Promise<{ exitCode: number; signal: number | undefined; at: number }>((resolve) =>
    pty.onExit(({ exitCode, signal }) => resolve({ exitCode, signal, at: Date.now() })),
  );
  return { pty, output: () => text, exited };
}

/** Every file under `dir`, recursively. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = statSync(p, { throwIfNoEntry: false });
    if (st?.isDirectory()) out.push(...listFiles(p));
    else if (st?.isFile()) out.push(p);
  }
  return out;
}

/** Removes a scratch dir, ignoring errors. */
export function removeDir(dir: string | undefined): void {
  if (dir) rmSync(dir, { recursive: true, force: true });
}
