// Checking and normalising a result given as data (Smoker's JSON contract, a custom parser's return value).
import type { Status } from '../results/status.js';
import { emptyMessages, type ComponentResult, type Messages, type Metric, type ParsedResult } from '../results/types.js';
import { describeValue } from './params.js';
import { parsePerfdata } from './perfdata.js';
import { levelOf } from './result.js';

const STATUS_ALIASES: Record<string, Status> = {
  OK: 'OK',
  WARN: 'WARN',
  WARNING: 'WARN',
  ERROR: 'ERROR',
  CRITICAL: 'ERROR',
  UNKNOWN: 'UNKNOWN',
};
const LEVEL_ALIASES: Record<string, keyof Messages> = { info: 'info', warn: 'warn', warning: 'warn', error: 'error' };
/** Components nest this deep below the result, as in Smoker (the type allows one more level). */
const MAX_COMPONENT_DEPTH = 2;

/** Returns a well-formed result from untrusted data; throws an Error naming the offending path. */
export function normalizeResult(value: unknown): ParsedResult {
  const object = expectObject(value, '');
  const status = normalizeStatus(object['status'], 'status');
  return {
    status,
    messages: normalizeMessages(object['messages'], status, 'messages'),
    components: normalizeComponents(object, '', 1),
    metrics: normalizeMetrics(object['metrics'], 'metrics'),
  };
}

/** Returns the status named by a string, case-insensitively (WARNING and CRITICAL accepted); throws otherwise. */
export function normalizeStatus(value: unknown, path: string): Status {
  const status = typeof value === 'string' ? STATUS_ALIASES[value.trim().toUpperCase()] : undefined;
  if (!status) throw new Error(`${path}: expected OK, WARN, ERROR or UNKNOWN, got ${describeValue(value)}`);
  return status;
}

function normalizeMessages(value: unknown, status: Status, path: string): Messages {
  const messages = emptyMessages();
  if (value === undefined || value === null) return messages;
  if (typeof value === 'string' || Array.isArray(value)) {
    // Shortcut: a bare string or list is filed at the level of the status.
    messages[levelOf(status)].push(...normalizeLines(value, path));
    return messages;
  }
  const object = expectObject(value, path);
  for (const [key, lines] of Object.entries(object)) {
    const level = LEVEL_ALIASES[key.toLowerCase()];
    if (!level) throw new Error(`${path}.${key}: expected info, warn or error`);
    messages[level].push(...normalizeLines(lines, `${path}.${key}`));
  }
  return messages;
}

function normalizeLines(value: unknown, path: string): string[] {
  if (value === undefined || value === null) return [];
  const items = Array.isArray(value) ? value : [value];
  return items.map((item, i) => {
    if (typeof item === 'string') return item;
    if (typeof item === 'number' || typeof item === 'boolean') return String(item);
    const where = Array.isArray(value) ? `${path}[${i}]` : path;
    throw new Error(`${where}: expected a string, got ${describeValue(item)}`);
  });
}

function normalizeComponents(parent: Record<string, unknown>, path: string, depth: number): Record<string, ComponentResult> {
  const key = pickComponentKey(parent, path);
  const value = key === undefined ? undefined : parent[key];
  if (value === undefined || value === null) return {};
  const where = `${path}${key}`;
  if (depth > MAX_COMPONENT_DEPTH) throw new Error(`${where}: components nest at most ${MAX_COMPONENT_DEPTH} levels deep`);
  const object = expectObject(value, where);
  const components: Record<string, ComponentResult> = {};
  for (const [name, raw] of Object.entries(object)) {
    const componentPath = `${where}.${name}`;
    const component = expectObject(raw, componentPath);
    const status = normalizeStatus(component['status'], `${componentPath}.status`);
    const result: ComponentResult = {
      status,
      messages: normalizeMessages(component['messages'], status, `${componentPath}.messages`),
    };
    const children = normalizeComponents(component, `${componentPath}.`, depth + 1);
    if (Object.keys(children).length > 0) result.components = children;
    components[name] = result;
  }
  return components;
}

function pickComponentKey(object: Record<string, unknown>, path: string): string | undefined {
  const hasSmoker = object['componentResults'] !== undefined && object['componentResults'] !== null;
  const hasOwn = object['components'] !== undefined && object['components'] !== null;
  if (hasSmoker && hasOwn) throw new Error(`${path}componentResults: give either componentResults or components, not both`);
  return hasSmoker ? 'componentResults' : hasOwn ? 'components' : undefined;
}

function normalizeMetrics(value: unknown, path: string): Record<string, Metric> {
  if (value === undefined || value === null) return {};
  if (typeof value === 'string') return parsePerfdata(value);
  const object = expectObject(value, path);
  const metrics: Record<string, Metric> = {};
  for (const [name, raw] of Object.entries(object)) metrics[name] = normalizeMetric(raw, `${path}.${name}`);
  return metrics;
}

function normalizeMetric(value: unknown, path: string): Metric {
  if (typeof value === 'number') return { value: expectNumber(value, path) };
  const object = expectObject(value, path);
  const metric: Metric = { value: expectNumber(object['value'], `${path}.value`) };
  if (object['uom'] !== undefined) metric.uom = expectText(object['uom'], `${path}.uom`);
  if (object['warn'] !== undefined) metric.warn = expectText(object['warn'], `${path}.warn`);
  if (object['crit'] !== undefined) metric.crit = expectText(object['crit'], `${path}.crit`);
  if (object['min'] !== undefined) metric.min = expectNumber(object['min'], `${path}.min`);
  if (object['max'] !== undefined) metric.max = expectNumber(object['max'], `${path}.max`);
  return metric;
}

function expectObject(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`${path || 'result'}: expected an object, got ${describeValue(value)}`);
  }
  return value as Record<string, unknown>;
}

function expectNumber(value: unknown, path: string): number {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  throw new Error(`${path}: expected a number, got ${describeValue(value)}`);
}

function expectText(value: unknown, path: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  throw new Error(`${path}: expected a string, got ${describeValue(value)}`);
}
