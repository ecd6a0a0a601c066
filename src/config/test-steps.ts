// Validates one YAML test step (`- exec: {...}`) into a StepDef; problems are issues at the step's position.
import { parseDuration } from './duration.js';
import { didYouMean } from './suggest.js';
import { EXPECT_KEYS, stepKeys } from './test-keys.js';
import { STEP_KINDS, type ExpectSpec, type StepDef, type StepKind, type WaitSpec } from './test-types.js';
import type { SourcePos } from '../errors.js';

/** Records a problem at a path inside the file (the path's key or value is located by the caller). */
export type Report = (path: readonly (string | number)[], message: string) => void;

type Path = readonly (string | number)[];
type Obj = Record<string, unknown>;

const SERVICE_OPS = ['start', 'stop', 'restart', 'bounce', 'clean', 'collect'] as const;
const WAIT_KINDS = ['check', 'exec', 'port', 'http', 'log'] as const;
/** Default timeout of `wait:`. */
export const DEFAULT_WAIT_MS = 60_000;
/** Default poll interval of `wait:`. */
export const DEFAULT_EVERY_MS = 1_000;

/** Validates one step; undefined (with issues reported) when it is not valid. */
export function parseStep(raw: unknown, path: Path, pos: (p: Path) => SourcePos, report: Report): StepDef | undefined {
  if (!isObj(raw)) return void report(path, `expected a step like { exec: "command" } (one of ${STEP_KINDS.join(', ')}), got ${describe(raw)}`);
  const keys = Object.keys(raw);
  const verbs = keys.filter((k) => (STEP_KINDS as readonly string[]).includes(k));
  if (verbs.length !== 1) {
    const unknown = keys.find((k) => !(STEP_KINDS as readonly string[]).includes(k));
    if (unknown !== undefined) return void report([...path, unknown], `unknown step "${unknown}"${didYouMean(unknown, STEP_KINDS)} (steps: ${STEP_KINDS.join(', ')})`);
    return void report(path, verbs.length ? `a step has one verb, got ${verbs.join(' and ')}` : `empty step (steps: ${STEP_KINDS.join(', ')})`);
  }
  const kind = verbs[0] as StepKind;
  const extra = keys.find((k) => k !== kind);
  if (extra !== undefined) return void report([...path, extra], `unknown key "${extra}" beside ${kind}: (put options inside ${kind}: { ... })`);
  const p = [...path, kind];
  const v = raw[kind];
  const at = pos(p);
  const bad = (msg: string, sub: Path = []) => void report([...p, ...sub], msg);
  switch (kind) {
    case 'start':
    case 'stop':
    case 'restart':
    case 'bounce':
    case 'clean':
    case 'collect': {
      if (typeof v === 'string' && v) return { kind, service: v, pos: at };
      if (!isObj(v) || typeof v.service !== 'string') return bad(`expected a service name or { service: NAME, on: PATTERN${kind === 'bounce' || kind === 'start' || kind === 'stop' || kind === 'restart' ? ', serial: N' : ''} }, got ${describe(v)}`);
      if (!onlyKeys(v, stepKeys(kind), p, report)) return undefined;
      const on = optString(v, 'on', p, report);
      const serial = v.serial;
      if (serial !== undefined && typeof serial !== 'number' && typeof serial !== 'string') return bad(`expected a number of hosts or N%, got ${describe(serial)}`, ['serial']);
      if (on === null) return undefined;
      return { kind, service: v.service, on, serial: serial as number | string | undefined, pos: at };
    }
    case 'exec': {
      if (typeof v === 'string' && v) return { kind, command: v, expect: {}, pos: at };
      if (!isObj(v) || typeof v.command !== 'string') return bad(`expected a command or { command: CMD, on, expect: { exit, stdout, stderr }, background: NAME, timeout }, got ${describe(v)}`);
      if (!onlyKeys(v, stepKeys(kind), p, report)) return undefined;
      const on = optString(v, 'on', p, report);
      const background = optString(v, 'background', p, report);
      const expect = parseExpect(v.expect, [...p, 'expect'], report);
      const timeoutMs = v.timeout === undefined ? undefined : parseDuration(v.timeout);
      if (v.timeout !== undefined && timeoutMs === undefined) return bad(`expected a duration like 30s, got ${describe(v.timeout)}`, ['timeout']);
      if (on === null || background === null || !expect) return undefined;
      return { kind, command: v.command, on, expect, background, timeoutMs, pos: at };
    }
    case 'join': {
      if (typeof v === 'string' && v) return { kind, name: v, expect: {}, pos: at };
      if (!isObj(v) || typeof v.name !== 'string') return bad(`expected a background name or { name: NAME, expect: { exit, stdout, stderr } }, got ${describe(v)}`);
      if (!onlyKeys(v, stepKeys(kind), p, report)) return undefined;
      const expect = parseExpect(v.expect, [...p, 'expect'], report);
      return expect ? { kind, name: v.name, expect, pos: at } : undefined;
    }
    case 'check': {
      if (typeof v === 'string' && v) return { kind, checks: [v], pos: at };
      if (Array.isArray(v) && v.length && v.every((c) => typeof c === 'string')) return { kind, checks: v as string[], pos: at };
      if (isObj(v) && Array.isArray(v.checks) && v.checks.every((c) => typeof c === 'string')) {
        if (!onlyKeys(v, stepKeys(kind), p, report)) return undefined;
        const on = optString(v, 'on', p, report);
        return on === null ? undefined : { kind, checks: v.checks as string[], on, pos: at };
      }
      return bad(`expected check names ([disk, uname]) or { checks: [..], on: PATTERN }, got ${describe(v)}`);
    }
    case 'wait': {
      if (!isObj(v)) return bad(`expected { check|exec|port|http|log: ..., timeout, every, on }, got ${describe(v)}`);
      if (!onlyKeys(v, stepKeys(kind), p, report)) return undefined;
      const kinds = WAIT_KINDS.filter((k) => v[k] !== undefined);
      if (kinds.length !== 1) return bad(`a wait polls exactly one of ${WAIT_KINDS.join(', ')}${kinds.length ? `, got ${kinds.join(' and ')}` : ''}`);
      const what = parseWait(kinds[0] as (typeof WAIT_KINDS)[number], v, p, report);
      const timeoutMs = v.timeout === undefined ? DEFAULT_WAIT_MS : parseDuration(v.timeout);
      const everyMs = v.every === undefined ? DEFAULT_EVERY_MS : parseDuration(v.every);
      if (timeoutMs === undefined) return bad(`expected a duration like 60s, got ${describe(v.timeout)}`, ['timeout']);
      if (everyMs === undefined) return bad(`expected a duration like 2s, got ${describe(v.every)}`, ['every']);
      const on = optString(v, 'on', p, report);
      if (!what || on === null) return undefined;
      return { kind, what, on, timeoutMs, everyMs, pos: at };
    }
    case 'kill':
    case 'signal': {
      const o: Obj = typeof v === 'string' && v ? { service: v } : isObj(v) ? v : {};
      if (!isObj(v) && typeof v !== 'string') return bad(`expected { service: NAME | pidFile: PATH | process: PATTERN, on, signal }, got ${describe(v)}`);
      if (!onlyKeys(o, stepKeys(kind), p, report)) return undefined;
      const targets = ['service', 'pidFile', 'process'].filter((k) => o[k] !== undefined);
      if (targets.length !== 1) return bad(`say what to ${kind}: exactly one of service, pidFile, process${targets.length ? `, got ${targets.join(' and ')}` : ''}`);
      const signal = o.signal === undefined ? (kind === 'kill' ? 'KILL' : undefined) : String(o.signal).toUpperCase().replace(/^SIG/, '');
      if (signal === undefined) return bad('a signal step needs signal: (e.g. HUP, STOP, CONT)');
      if (!/^([A-Z0-9]+|[0-9]+)$/.test(signal)) return bad(`expected a signal name like KILL or TERM, got ${describe(o.signal)}`, ['signal']);
      const service = optString(o, 'service', p, report);
      const pidFile = optString(o, 'pidFile', p, report);
      const proc = optString(o, 'process', p, report);
      const on = optString(o, 'on', p, report);
      if (service === null || pidFile === null || proc === null || on === null) return undefined;
      return { kind, service, pidFile, process: proc, on, signal, pos: at };
    }
    case 'copy':
    case 'fetch': {
      if (!isObj(v) || typeof v.src !== 'string' || typeof v.dest !== 'string') return bad(`expected { src: PATH, dest: PATH, on: PATTERN }, got ${describe(v)}`);
      if (!onlyKeys(v, stepKeys(kind), p, report)) return undefined;
      const on = optString(v, 'on', p, report);
      return on === null ? undefined : { kind, src: v.src, dest: v.dest, on, pos: at };
    }
    case 'sleep': {
      const ms = parseDuration(v);
      if (ms === undefined) return bad(`expected a duration like 2s, got ${describe(v)}`);
      return { kind, ms, pos: at };
    }
  }
}

function parseWait(kind: (typeof WAIT_KINDS)[number], v: Obj, p: Path, report: Report): WaitSpec | undefined {
  const x = v[kind];
  const bad = (msg: string) => void report([...p, kind], msg);
  switch (kind) {
    case 'check':
      return typeof x === 'string' && x ? { kind, check: x } : bad(`expected a check name, got ${describe(x)}`);
    case 'exec':
      return typeof x === 'string' && x ? { kind, command: x } : bad(`expected a command, got ${describe(x)}`);
    case 'port':
      return typeof x === 'number' && Number.isInteger(x) && x > 0 && x < 65536 ? { kind, port: x } : bad(`expected a port 1-65535, got ${describe(x)}`);
    case 'http':
      return typeof x === 'string' && /^https?:\/\//.test(x) ? { kind, url: x } : bad(`expected an http:// or https:// URL, got ${describe(x)}`);
    case 'log':
      return isObj(x) && typeof x.path === 'string' && typeof x.pattern === 'string' ? { kind, path: x.path, pattern: x.pattern } : bad(`expected { path: FILE, pattern: REGEX }, got ${describe(x)}`);
  }
}

/** Validates `expect: { exit, stdout, stderr }` (stdout/stderr regular expressions). */
export function parseExpect(raw: unknown, p: Path, report: Report): ExpectSpec | undefined {
  if (raw === undefined) return {};
  if (!isObj(raw)) return void report(p, `expected { exit: N, stdout: REGEX, stderr: REGEX }, got ${describe(raw)}`);
  if (!onlyKeys(raw, Object.keys(EXPECT_KEYS), p, report)) return undefined;
  if (raw.exit !== undefined && !(typeof raw.exit === 'number' && Number.isInteger(raw.exit))) return void report([...p, 'exit'], `expected an exit code, got ${describe(raw.exit)}`);
  for (const k of ['stdout', 'stderr'] as const) {
    const r = raw[k];
    if (r === undefined) continue;
    if (typeof r !== 'string') return void report([...p, k], `expected a regular expression, got ${describe(r)}`);
    try {
      new RegExp(r, 'm');
    } catch (err) {
      return void report([...p, k], `invalid regular expression: ${(err as Error).message}`);
    }
  }
  return { exit: raw.exit as number | undefined, stdout: raw.stdout as string | undefined, stderr: raw.stderr as string | undefined };
}

function onlyKeys(o: Obj, allowed: readonly string[], p: Path, report: Report): boolean {
  const bad = Object.keys(o).find((k) => !allowed.includes(k));
  if (bad === undefined) return true;
  report([...p, bad], `unknown key "${bad}"${didYouMean(bad, allowed)} (allowed: ${allowed.join(', ')})`);
  return false;
}

/** undefined when absent, null when present but not a string (reported). */
function optString(o: Obj, key: string, p: Path, report: Report): string | undefined | null {
  const v = o[key];
  if (v === undefined) return undefined;
  if (typeof v === 'string' && v !== '') return v;
  report([...p, key], `expected text, got ${describe(v)}`);
  return null;
}

/** Whether a value is a plain object. */
export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Describes a value for "got ..." in messages. */
export function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a map';
  return JSON.stringify(v);
}

export { SERVICE_OPS as SERVICE_STEP_KINDS };
