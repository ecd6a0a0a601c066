// Test support: runs a built-in module locally under a real shell, the way the runner does.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, mkdirSync, symlinkSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { buildModuleScript } from '../../src/modules/builtin.js';
import { paramEnvName, valueText } from '../../src/run/substitute.js';

export interface Messages {
  info: string[];
  warn: string[];
  error: string[];
}
export interface ComponentJson {
  status: string;
  messages: Messages;
}
/** Smoker's JSON contract, as the modules print it. */
export interface ModuleJson extends ComponentJson {
  componentResults: Record<string, ComponentJson>;
  metrics?: Record<string, { value: number; uom?: string }>;
}

export interface RunOptions {
  /** Extra environment (PATH etc.), merged over the test's own. */
  env?: Record<string, string>;
  /** Shell command to run the script with: default ["dash"]. */
  shell?: string[];
  /** Shell commands run as root in a private mount namespace before the module (unshare). */
  inMountNamespace?: string;
}

export interface ModuleRun {
  json: ModuleJson;
  stdout: string;
  stderr: string;
  exitCode: number | null;
}

const workDir = mkdtempSync(join(tmpdir(), 'smoker-modules-'));
process.on('exit', () => rmSync(workDir, { recursive: true, force: true }));

/** A fresh private directory for one test's files. */
export function makeTempDir(label: string): string {
  return mkdtempSync(join(workDir, `${label}-`));
}

/** Writes a built module to a file once and returns its path. */
function scriptFile(name: string): string {
  const path = join(workDir, `${name}.sh`);
  if (!existsSync(path)) writeFileSync(path, buildModuleScript(name), { mode: 0o755 });
  return path;
}

/** The test's environment without proxies, so local HTTP requests stay local. */
function baseEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v !== undefined && !/_proxy$/i.test(k) && !k.startsWith('SMOKER_PARAM_')) env[k] = v;
  }
  return env;
}

/** The variables the runner sets for module parameters (src/run/check-runner.ts). */
function paramEnv(params: Record<string, unknown>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) env[paramEnvName(k)] = valueText(v);
  return env;
}

/** Runs module `name` with `params` (env + stdin), parses stdout and checks the contract. */
export async function runModule(
  name: string,
  params: Record<string, unknown> = {},
  options: RunOptions = {},
): Promise<ModuleRun> {
  const script = scriptFile(name);
  const shell = options.shell ?? ['dash'];
  const [cmd, args] = options.inMountNamespace
    ? ['unshare', ['--mount', 'sh', '-c', `${options.inMountNamespace} && exec ${shell.join(' ')} "$0"`, script]]
    : [shell[0]!, [...shell.slice(1), script]];
  const env = { ...baseEnv(), ...paramEnv(params), ...options.env };
  const run = await new Promise<Omit<ModuleRun, 'json'>>((resolve, reject) => {
    const child = spawn(cmd, args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.stdin.on('error', () => {}); // the script may never read its stdin
    child.stdin.end(JSON.stringify(params));
    child.on('error', reject);
    child.on('close', (exitCode) => resolve({ stdout, stderr, exitCode }));
  });
  expect(run.exitCode, `exit code; stderr: ${run.stderr}`).to.equal(0);
  expect(run.stdout.endsWith('\n'), `one line on stdout: ${run.stdout}`).to.equal(true);
  expect(run.stdout.trimEnd().includes('\n'), `one line on stdout: ${run.stdout}`).to.equal(false);
  let json: unknown;
  try {
    json = JSON.parse(run.stdout);
  } catch (err) {
    throw new Error(`stdout is not JSON: ${run.stdout}\nstderr: ${run.stderr}`, { cause: err });
  }
  assertContract(json);
  return { ...run, json };
}

const STATUSES = ['OK', 'WARN', 'ERROR', 'UNKNOWN'];

/** Asserts a value is a status plus messages, as the top level and every component carry. */
function assertResult(value: unknown, where: string): void {
  expect(value, where).to.be.an('object');
  const r = value as ComponentJson;
  expect(STATUSES, `${where}.status`).to.include(r.status);
  expect(r.messages, `${where}.messages`).to.be.an('object');
  expect(Object.keys(r.messages).sort(), `${where}.messages`).to.deep.equal(['error', 'info', 'warn']);
  for (const level of ['info', 'warn', 'error'] as const) {
    expect(r.messages[level], `${where}.messages.${level}`).to.be.an('array');
    for (const m of r.messages[level]) expect(m, `${where}.messages.${level}[]`).to.be.a('string');
  }
}

/** Asserts Smoker's JSON contract: status, messages, componentResults, optional metrics. */
export function assertContract(value: unknown): asserts value is ModuleJson {
  assertResult(value, 'result');
  const r = value as ModuleJson;
  expect(r.componentResults, 'componentResults').to.be.an('object');
  for (const [name, comp] of Object.entries(r.componentResults)) assertResult(comp, `componentResults[${name}]`);
  if (r.metrics !== undefined) {
    for (const [name, m] of Object.entries(r.metrics)) {
      expect(m.value, `metrics[${name}].value`).to.be.a('number');
      if (m.uom !== undefined) expect(m.uom, `metrics[${name}].uom`).to.be.a('string');
    }
  }
  const statuses = [r.status, ...Object.values(r.componentResults).map((c) => c.status)];
  const rank = (s: string) => ['OK', 'WARN', 'UNKNOWN', 'ERROR'].indexOf(s);
  expect(rank(r.status), 'top status is at least every component status').to.equal(Math.max(...statuses.map(rank)));
}

/** Whether a command exists on this machine. */
export function hasCommand(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v "$1"`, 'sh', name], { stdio: 'ignore' }).status === 0;
}

/**
 * A PATH with only basic POSIX tools, to see a module degrade on a bare host: symlinks to
 * `tools` (those that exist) in a fresh directory.
 */
export function minimalPath(extra: string[] = []): string {
  const dir = makeTempDir('bin');
  const tools = ['sh', 'dash', 'awk', 'sed', 'grep', 'tr', 'cat', 'rm', 'mkdir', 'mktemp', 'ls', 'wc', 'head', 'tail', 'id', 'date', 'uname', 'sleep', ...extra];
  for (const tool of tools) {
    const found = spawnSync('sh', ['-c', 'command -v "$1"', 'sh', tool], { encoding: 'utf8' }).stdout.trim();
    if (found.startsWith('/')) symlinkSync(found, join(dir, tool));
  }
  return dir;
}

/** Writes an executable shell script (a fake tool) into `dir`. */
export function writeTool(dir: string, name: string, body: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, name), `#!/bin/sh\n${body}\n`, { mode: 0o755 });
}

/** All messages of a result and its components, for `include` assertions. */
export function allMessages(r: ComponentJson & { componentResults?: Record<string, ComponentJson> }): string[] {
  const own = [...r.messages.info, ...r.messages.warn, ...r.messages.error];
  return [...own, ...Object.values(r.componentResults ?? {}).flatMap((c) => allMessages(c))];
}
