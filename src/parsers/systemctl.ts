// The `systemctl` parser: `systemctl is-active UNIT...` or `systemctl status UNIT...`, one component per unit when several.
import type { Status } from '../results/status.js';
import type { ComponentResult, ParsedResult } from '../results/types.js';
import { splitLines, toMessageLines } from './lines.js';
import { getParam } from './params.js';
import { createResult, levelOf, rollUp } from './result.js';
import { applyTermination } from './termination.js';
import type { BuiltinParser, ParserInput } from './types.js';

/** One unit's state as systemctl printed it. */
export interface UnitState {
  /** Unit name, or undefined when `is-active` printed one unnamed word. */
  name: string | undefined;
  /** ActiveState: active, reloading, inactive, failed, activating, deactivating... */
  active: string;
  /** The rest of the Active: line, e.g. "(running) since Mon 2024-01-01 10:00:00 UTC; 2h ago". */
  detail: string;
  /** LoadState when known: loaded, not-found, masked... */
  loaded?: string;
  /** Main PID line and journal lines, shown when the unit is not OK. */
  extra: string[];
}

const ACTIVE_STATUS: Record<string, Status> = {
  active: 'OK',
  activating: 'WARN',
  reloading: 'WARN',
  refreshing: 'WARN',
  deactivating: 'WARN',
  maintenance: 'WARN',
  inactive: 'ERROR',
  failed: 'ERROR',
};
const UNIT_HEADER =
  /^(?:[●○×✗↻*]\s*)?(\S+\.(?:service|socket|target|timer|mount|automount|path|swap|slice|scope|device))(?:\s+-\s+.*)?$/;
const NOT_FOUND = /Unit\s+(\S+?)\.?\s+could not be found/;
const MAX_EXTRA = 10;

/** Returns the status of an ActiveState: active OK; activating, reloading, deactivating WARN; inactive, failed ERROR. */
export function statusOfActiveState(state: string): Status {
  return ACTIVE_STATUS[state.toLowerCase()] ?? 'UNKNOWN';
}

/** Reads unit states from `systemctl status` blocks, or from `is-active` lines named by `names`. */
export function readUnitStates(stdout: string, names: readonly string[] = []): UnitState[] {
  if (/^\s*Active:\s/m.test(stdout)) return readStatusBlocks(stdout);
  const lines = splitLines(stdout).map((line) => line.trim());
  return lines.map((word, i) => ({
    name: names.length === lines.length ? names[i] : lines.length > 1 ? `#${i + 1}` : names[0],
    active: word,
    detail: '',
    extra: [],
  }));
}

function readStatusBlocks(stdout: string): UnitState[] {
  const units: UnitState[] = [];
  let current: UnitState | undefined;
  let inJournal = false;
  for (const raw of stdout.replace(/\r\n/g, '\n').split('\n')) {
    const header = UNIT_HEADER.exec(raw);
    if (header) {
      current = { name: header[1]!, active: 'unknown', detail: '', extra: [] };
      units.push(current);
      inJournal = false;
      continue;
    }
    if (!current) continue;
    const line = raw.trim();
    if (line === '') {
      inJournal = true;
      continue;
    }
    const active = /^Active:\s*(\S+)\s*(.*)$/.exec(line);
    const loaded = /^Loaded:\s*(\S+)/.exec(line);
    if (!inJournal && active) {
      current.active = active[1]!;
      current.detail = active[2]!;
    } else if (!inJournal && loaded) {
      current.loaded = loaded[1]!;
    } else if (inJournal || /^Main PID:/.test(line)) {
      current.extra.push(line);
    }
  }
  return units;
}

/** Returns a unit's component: status from its ActiveState (not-found units are ERROR). */
export function judgeUnit(unit: UnitState): ComponentResult {
  const missing = unit.loaded === 'not-found';
  const status = missing ? 'ERROR' : statusOfActiveState(unit.active);
  const text = missing ? 'unit not found' : [unit.active, unit.detail].filter(Boolean).join(' ');
  const component: ComponentResult = { status, messages: { info: [], warn: [], error: [] } };
  component.messages[levelOf(status)].push(text);
  if (status !== 'OK') component.messages.info.push(...unit.extra.slice(-MAX_EXTRA));
  return component;
}

/** Parses systemctl output: active OK, activating/reloading WARN, inactive/failed ERROR; units named by `unit`/`units` for is-active. */
export function parseSystemctl(input: ParserInput): ParsedResult {
  const units = readUnitStates(input.stdout, readUnitNames(input.params));
  const warnings: string[] = [];
  for (const line of splitLines(input.stderr)) {
    const missing = NOT_FOUND.exec(line);
    if (missing) units.push({ name: missing[1]!, active: 'unknown', detail: '', loaded: 'not-found', extra: [] });
    else warnings.push(line.trim());
  }
  if (units.length === 0) return applyTermination(noUnitsResult(input), input);
  let result: ParsedResult;
  if (units.length === 1) {
    const [unit] = units as [UnitState];
    const component = judgeUnit(unit);
    result = { ...createResult(component.status), messages: component.messages };
    const lines = result.messages[levelOf(component.status)];
    if (unit.name && lines[0] !== undefined) lines[0] = `${unit.name}: ${lines[0]}`;
  } else {
    const components: Record<string, ComponentResult> = {};
    for (const [i, unit] of units.entries()) components[unit.name ?? `#${i + 1}`] = judgeUnit(unit);
    const active = units.filter((u) => statusOfActiveState(u.active) === 'OK' && u.loaded !== 'not-found').length;
    result = rollUp(components, `${units.length} units: ${active} active`);
  }
  result.messages.warn.push(...warnings);
  return applyTermination(result, input);
}

/** Returns the unit names given by the `units` (list or space/comma separated) or `unit` parameter. */
export function readUnitNames(params: Record<string, unknown>): string[] {
  const value = getParam(params, 'units') ?? getParam(params, 'unit');
  if (value === undefined || value === null) return [];
  const items = Array.isArray(value) ? value.map(String) : String(value).split(/[\s,]+/);
  return items.filter((name) => name !== '');
}

function noUnitsResult(input: ParserInput): ParsedResult {
  const result = createResult('ERROR');
  result.messages.error.push('no unit state in systemctl output');
  if (input.exitCode !== null && input.exitCode !== 0) result.messages.error.push(`systemctl exited with code ${input.exitCode}`);
  result.messages.error.push(...toMessageLines(input.stderr, 'stderr'));
  return result;
}

/** The built-in `systemctl` parser. */
export const systemctlParser: BuiltinParser = { name: 'systemctl', params: ['units', 'unit'], parse: parseSystemctl };
