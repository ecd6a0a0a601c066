// Handler of `smoker checks`.
import type { CheckDef } from '../../config/check-types.js';
import { selectHostsStrict } from '../../config/patterns.js';
import { foldHosts } from '../../config/ranges.js';
import { detectColor, withColor } from '../../report/color.js';
import { terminalWidth } from '../../report/terminal-width.js';
import { renderTable } from '../../report/table.js';
import { unmatchedFilters, type CheckFilters } from '../../run/filters.js';
import { SelectionError } from '../../errors.js';
import { listChecks, type ResolvedCheck } from '../../run/list-checks.js';
import { filtersFrom, type FilterArgs } from '../filter-options.js';
import { hostUniverse } from '../host-universe.js';
import { selectFromLatest } from '../previous-results.js';
import { loadConfig } from './load-config.js';
import { renderServices, selectServices } from './services.js';

/** Options of the checks handler. */
export interface ChecksListOptions {
  inventory: string;
  checks: string[] | undefined;
  pattern: string | undefined;
  filters: FilterArgs;
  root: string;
  output: 'table' | 'json';
  strict?: boolean | undefined;
}

/** Prints the checks as run would resolve them, with the hosts each would run on, then the services (table output). */
export async function runChecksList(opts: ChecksListOptions): Promise<void> {
  const { inventory, checks } = await loadConfig(opts.inventory, opts.checks, { strict: opts.strict });
  for (const w of inventory.warnings) process.stderr.write(`warning: ${w}\n`);
  const names = opts.pattern ? new Set(selectHostsStrict(opts.pattern, hostUniverse(inventory))) : undefined;
  const hosts = inventory.hosts.filter((h) => !names || names.has(h.name));
  const filters = withLatestResults(filtersFrom(opts.filters), opts);
  const unmatched = unmatchedFilters(checks.checks, filters);
  if (unmatched.length > 0) throw new SelectionError(unmatched.join('\n'));
  const listed = listChecks(inventory, hosts, checks.checks, filters, names !== undefined || filters.only !== undefined);
  if (listed.length === 0 && filters.only === undefined && checks.checks.length > 0) throw new SelectionError('no check matched the hosts and filters given');
  if (opts.output === 'json') {
    process.stdout.write(`${JSON.stringify(listed.map(toJson), null, 2)}\n`);
    return;
  }
  const head = ['check', 'type', 'category', 'component', 'command / module', 'parser', 'timeout', 'hosts'];
  const table = withColor(detectColor(process.env, process.stdout.isTTY === true), () => renderTable(head, listed.map(row), { width: terminalWidth(process.env, process.stdout) }));
  process.stdout.write(`${table}${listed.length} check${listed.length === 1 ? '' : 's'}\n`);
  // The services too, unless check filters ask about particular checks.
  const services = Object.keys(filters).length === 0 ? selectServices(inventory, checks, opts.pattern) : [];
  if (services.length > 0) process.stdout.write(`\n${renderServices(services)}`);
}

// --error / --nook: as `run` would re-run them, from the latest session.
function withLatestResults(filters: CheckFilters, opts: ChecksListOptions): CheckFilters {
  if (!opts.filters.error && !opts.filters.nook) return filters;
  return { ...filters, only: selectFromLatest(opts.root, opts.filters.error ? 'error' : 'nook') };
}

function row({ def, hosts }: ResolvedCheck): string[] {
  const what = def.module !== undefined ? `module ${def.module}` : (def.command ?? '');
  return [
    def.enabled ? def.name : `${def.name} (disabled)`,
    def.type ?? '',
    def.category ?? '',
    def.component ?? '',
    clip(what, 48),
    parserName(def),
    formatTimeout(def.timeoutMs),
    hosts.length === 0 ? '(none)' : foldHosts(hosts),
  ];
}

function toJson({ def, hosts }: ResolvedCheck): Record<string, unknown> {
  const { hosts: pattern, baseDir: _baseDir, ...rest } = def;
  return { ...rest, parser: def.module !== undefined ? 'auto' : def.parser, hostPattern: pattern ?? null, hosts };
}

// Modules always report through the auto parser (SPEC §2).
function parserName(def: CheckDef): string {
  if (def.module !== undefined) return 'auto';
  return typeof def.parser === 'string' ? def.parser : def.parser.type;
}

// In the form a check file would say it: 500ms, 30s, 5m.
function formatTimeout(ms: number): string {
  if (ms % 60_000 === 0) return `${ms / 60_000}m`;
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
}

function clip(text: string, max: number): string {
  const oneLine = text.replace(/\s*\n\s*/g, ' ');
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}
