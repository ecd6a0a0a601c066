// The `varnish` parser: `varnishadm debug.health` (Varnish 3-4) and `backend.list [-p]` (4.0 to 7.x), one component per backend.
import type { Status } from '../results/status.js';
import type { ComponentResult, Metric, ParsedResult } from '../results/types.js';
import { toMessageLines } from './lines.js';
import { describeValue, getParam } from './params.js';
import { createResult, rollUp } from './result.js';
import { applyTermination } from './termination.js';
import type { BuiltinParser, ParserInput } from './types.js';

/** What one backend's lines tell. */
export interface BackendHealth {
  name: string;
  /** `healthy`, `sick`, or undefined when the output does not say. */
  health: 'healthy' | 'sick' | undefined;
  /** Health forced with `backend.set_health` (admin column sick/healthy). */
  forced: boolean;
  probe?: string;
  good?: number;
  threshold?: number;
  window?: number;
  /** Average response time of good probes, seconds. */
  responseTime?: number;
  noProbe?: boolean;
}

/** Seconds above which a healthy backend is WARN, as in Smoker's varnishparser. */
export const DEFAULT_RESPONSE_TIME_WARN = 0.5;

const DEBUG_HEADER = /^Backend\s+(\S+)\s+is\s+(\w+)\s*$/;
const LIST_HEADER = /^Backend name\b/;
const ADMIN_STATES = new Set(['probe', 'auto', 'healthy', 'sick']);
const STATES = /good:\s*(\d+)\s+threshold:\s*(\d+)\s+window:\s*(\d+)/;
const RESPONSE = /^Average\s+response\s?time of good probes:\s*([\d.]+)/;

/** Parses varnishadm output into per-backend health, whichever of the two formats it is. */
export function readBackends(stdout: string): BackendHealth[] {
  const lines = stdout.replace(/\r\n/g, '\n').split('\n');
  const backends: BackendHealth[] = [];
  let current: BackendHealth | undefined;
  let listColumns: { refs: boolean } | undefined;
  for (const line of lines) {
    const debug = DEBUG_HEADER.exec(line);
    if (debug) {
      current = { name: debug[1]!, health: toHealth(debug[2]!), forced: false };
      backends.push(current);
      continue;
    }
    if (LIST_HEADER.test(line)) {
      listColumns = { refs: /\bRefs\b/.test(line) };
      current = undefined;
      continue;
    }
    const text = line.trim();
    if (text === '') continue;
    const row = listColumns && !/^\s/.test(line) ? readListRow(text, listColumns.refs) : undefined;
    if (row) {
      current = row;
      backends.push(current);
      continue;
    }
    if (current) readDetail(current, text);
  }
  return backends;
}

/** Reads a backend.list row; undefined for lines that are not rows (probe details printed flush left). */
function readListRow(text: string, refs: boolean): BackendHealth | undefined {
  const [name = '', ...rest] = text.split(/\s+/);
  const tokens = refs ? rest.slice(1) : rest;
  const admin = (tokens[0] ?? '').toLowerCase();
  if (!ADMIN_STATES.has(admin)) return undefined;
  const words = tokens.slice(1);
  const probeHealth = words.map((w) => toHealth(w)).find((h) => h !== undefined);
  const forced = admin === 'sick' || admin === 'healthy';
  const backend: BackendHealth = { name, health: forced ? toHealth(admin) : probeHealth, forced };
  const probe = words.find((w) => /^\d+\/\d+$/.test(w));
  if (probe) backend.probe = probe;
  if (/\(no probe\)/i.test(text)) backend.noProbe = true;
  return backend;
}

function readDetail(backend: BackendHealth, text: string): void {
  const states = STATES.exec(text);
  if (states) {
    backend.good = Number(states[1]);
    backend.threshold = Number(states[2]);
    backend.window = Number(states[3]);
    return;
  }
  const response = RESPONSE.exec(text);
  if (response) backend.responseTime = Number(response[1]);
}

function toHealth(word: string): 'healthy' | 'sick' | undefined {
  const lower = word.toLowerCase();
  return lower === 'healthy' ? 'healthy' : lower === 'sick' ? 'sick' : undefined;
}

/** Parses varnishadm output: each backend a component, sick → ERROR, slow healthy → WARN. */
export function parseVarnish(input: ParserInput): ParsedResult {
  const slow = readResponseTimeWarn(getParam(input.params, 'responseTimeWarn'));
  const backends = readBackends(input.stdout);
  if (backends.length === 0 || (input.exitCode !== null && input.exitCode !== 0)) {
    return applyTermination(failedResult(input, backends.length === 0), input);
  }
  const components: Record<string, ComponentResult> = {};
  const metrics: Record<string, Metric> = {};
  for (const backend of backends) {
    components[backend.name] = judgeBackend(backend, slow);
    if (backend.responseTime !== undefined) {
      metrics[`${backend.name}.response_time`] = { value: backend.responseTime, uom: 's', warn: String(slow) };
    }
  }
  const sick = backends.filter((b) => b.health === 'sick').length;
  const healthy = backends.filter((b) => b.health === 'healthy').length;
  const result = rollUp(components, `${backends.length} backends: ${healthy} healthy, ${sick} sick`);
  result.metrics = metrics;
  return applyTermination(result, input);
}

/** Returns a backend's component: its status and one line describing it. */
export function judgeBackend(backend: BackendHealth, responseTimeWarn = DEFAULT_RESPONSE_TIME_WARN): ComponentResult {
  const details: string[] = [];
  if (backend.probe) details.push(`probe ${backend.probe}`);
  if (backend.good !== undefined) details.push(`${backend.good}/${backend.window} good probes (threshold ${backend.threshold})`);
  if (backend.noProbe) details.push('no probe');
  if (backend.responseTime !== undefined) details.push(`response time ${backend.responseTime}s`);
  const state = backend.health ?? 'health unknown';
  const line = [`${state}${backend.forced ? ' (set by admin)' : ''}`, ...details].join(', ');
  const status: Status = backend.health === 'sick' ? 'ERROR' : backend.health === 'healthy' ? 'OK' : 'UNKNOWN';
  const component: ComponentResult = { status, messages: { info: [], warn: [], error: [] } };
  if (status === 'OK' && backend.responseTime !== undefined && backend.responseTime > responseTimeWarn) {
    component.status = 'WARN';
    component.messages.warn.push(`response time ${backend.responseTime}s over ${responseTimeWarn}s`);
    component.messages.info.push(line);
    return component;
  }
  component.messages[status === 'OK' ? 'info' : 'error'].push(line);
  return component;
}

function readResponseTimeWarn(value: unknown): number {
  if (value === undefined || value === null) return DEFAULT_RESPONSE_TIME_WARN;
  const number = typeof value === 'number' ? value : Number(String(value).replace(/s$/, ''));
  return Number.isFinite(number) && number >= 0 ? number : DEFAULT_RESPONSE_TIME_WARN;
}

function failedResult(input: ParserInput, noBackends: boolean): ParsedResult {
  const result = createResult('ERROR');
  if (input.exitCode !== null && input.exitCode !== 0) result.messages.error.push(`varnishadm exited with code ${input.exitCode}`);
  if (noBackends) result.messages.error.push('no backends found in varnishadm output');
  result.messages.error.push(...toMessageLines(input.stdout, 'stdout'), ...toMessageLines(input.stderr, 'stderr'));
  return result;
}

/** Returns an error message for bad varnish options, or undefined. */
export function validateVarnishOptions(options: Record<string, unknown>): string | undefined {
  const value = options['responsetimewarn'];
  if (value === undefined || value === null) return undefined;
  const number = typeof value === 'number' ? value : Number(String(value).replace(/s$/, ''));
  if (Number.isFinite(number) && number >= 0) return undefined;
  return `varnish parser: responseTimeWarn: expected seconds (a number >= 0), got ${describeValue(value)}`;
}

/** The built-in `varnish` parser. */
export const varnishParser: BuiltinParser = { name: 'varnish', params: ['responseTimeWarn'], parse: parseVarnish, validate: validateVarnishOptions };
