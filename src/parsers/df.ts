// The `df` parser: `df -P` (or -hP, -iP) output, each mount a component judged by its use%.
import type { Status } from '../results/status.js';
import type { ComponentResult, Metric, ParsedResult } from '../results/types.js';
import { toMessageLines } from './lines.js';
import { ParserError } from './parser-error.js';
import { describeValue, getParam, mergeLowerKeys } from './params.js';
import { checkPatterns, compilePatterns } from './pattern.js';
import { createResult, rollUp } from './result.js';
import { applyTermination } from './termination.js';
import { parseThreshold, THRESHOLD_FORMS } from './threshold.js';
import type { BuiltinParser, ParserInput } from './types.js';

/** One row of df output. */
export interface DfRow {
  filesystem: string;
  size: string;
  used: string;
  available: string;
  /** Use%, or undefined for pseudo filesystems that print "-". */
  percent: number | undefined;
  mount: string;
}

/** Default thresholds on use%: WARN above 80, ERROR above 90. */
export const DEFAULT_DF_WARN = 80;
export const DEFAULT_DF_ERROR = 90;

const ROW = /^(.+?)\s+(\S+)\s+(\S+)\s+(\S+)\s+(\d+%|-)\s+(.+)$/;

/** Reads df rows, joining a filesystem name that df wrapped onto its own line; also returns the size column's unit. */
export function readDfRows(stdout: string): { rows: DfRow[]; unit: string } {
  const rows: DfRow[] = [];
  let unit = '';
  let pending = '';
  for (const raw of stdout.replace(/\r\n/g, '\n').split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    if (/^Filesystem\s/.test(line)) {
      unit = describeSizeColumn(line.split(/\s+/)[1] ?? '');
      continue;
    }
    const match = ROW.exec(pending ? `${pending} ${line}` : line);
    if (!match) {
      pending = line;
      continue;
    }
    pending = '';
    const [, filesystem, size, used, available, percent, mount] = match as unknown as string[];
    rows.push({
      filesystem: filesystem!,
      size: size!,
      used: used!,
      available: available!,
      percent: percent === '-' ? undefined : Number(percent!.slice(0, -1)),
      mount: mount!,
    });
  }
  return { rows, unit };
}

/** Names the size column's unit for messages: "1024-blocks", "inodes", or nothing for -h sizes. */
function describeSizeColumn(header: string): string {
  if (/-blocks$/i.test(header)) return header;
  if (/^inodes$/i.test(header)) return 'inodes';
  return '';
}

/** Parses df output: use% over `error` (default 90) is ERROR, over `warn` (default 80) WARN; `ignore` skips mounts by regex. */
export function parseDf(input: ParserInput): ParsedResult {
  const problem = validateDfOptions(mergeLowerKeys(input.params));
  if (problem) throw new ParserError(problem);
  const warnSpec = getParam(input.params, 'warn') ?? DEFAULT_DF_WARN;
  const errorSpec = getParam(input.params, 'error') ?? DEFAULT_DF_ERROR;
  const warn = parseThreshold(warnSpec)!;
  const error = parseThreshold(errorSpec)!;
  const ignoreSpec = getParam(input.params, 'ignore');
  const ignore = ignoreSpec === undefined || ignoreSpec === null ? [] : compilePatterns(ignoreSpec);
  const { rows, unit } = readDfRows(input.stdout);
  const components: Record<string, ComponentResult> = {};
  const metrics: Record<string, Metric> = {};
  for (const row of rows) {
    if (row.percent === undefined || ignore.some((p) => p.test(row.mount))) continue;
    const status: Status = error.breaches(row.percent) ? 'ERROR' : warn.breaches(row.percent) ? 'WARN' : 'OK';
    const usage = `${row.percent}% used (${row.used} of ${row.size}${unit ? ` ${unit}` : ''}, ${row.available} available)`;
    const component: ComponentResult = { status, messages: { info: [], warn: [], error: [] } };
    if (status === 'ERROR') component.messages.error.push(`${row.percent}% used, error threshold ${error.text}`);
    if (status === 'WARN') component.messages.warn.push(`${row.percent}% used, warn threshold ${warn.text}`);
    component.messages.info.push(usage);
    components[row.mount] = component;
    metrics[row.mount] = { value: row.percent, uom: '%', warn: warn.text, crit: error.text, min: 0, max: 100 };
  }
  const failed = input.exitCode !== null && input.exitCode !== 0;
  if (Object.keys(components).length === 0 && !failed) {
    const result = createResult('ERROR');
    result.messages.error.push('no filesystems in df output', ...toMessageLines(input.stderr, 'stderr'));
    return applyTermination(result, input);
  }
  const result = rollUp(components, `${Object.keys(components).length} filesystems`);
  result.metrics = metrics;
  if (failed) {
    // df exits non-zero when one mount fails (stale NFS handle, missing path): that mount is an error.
    result.status = 'ERROR';
    result.messages.error.push(`df exited with code ${input.exitCode}`, ...toMessageLines(input.stderr, 'stderr'));
  }
  return applyTermination(result, input);
}

/** Returns an error message for bad df options, or undefined. */
export function validateDfOptions(options: Record<string, unknown>): string | undefined {
  for (const key of ['warn', 'error']) {
    const spec = options[key];
    if (spec !== undefined && spec !== null && !parseThreshold(spec)) {
      return `df parser: ${key}: expected a percentage, ${THRESHOLD_FORMS}, got ${describeValue(spec)}`;
    }
  }
  const ignore = options['ignore'];
  if (ignore !== undefined && ignore !== null) {
    const problem = checkPatterns(ignore);
    if (problem) return `df parser: ignore: ${problem}`;
  }
  return undefined;
}

/** The built-in `df` parser. */
export const dfParser: BuiltinParser = { name: 'df', params: ['warn', 'error', 'ignore'], parse: parseDf, validate: validateDfOptions };
