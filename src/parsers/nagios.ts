// The `nagios` parser: the Nagios plugin API (exit code, first line, long output, perfdata after `|`).
import type { Status } from '../results/status.js';
import type { ParsedResult } from '../results/types.js';
import { toMessageLines } from './lines.js';
import { parsePerfdata } from './perfdata.js';
import { createResult, levelOf } from './result.js';
import { applyTermination } from './termination.js';
import type { BuiltinParser, ParserInput } from './types.js';

const EXIT_STATUS: readonly Status[] = ['OK', 'WARN', 'ERROR', 'UNKNOWN'];

/** The parts of a plugin's output: first line, long output lines, and all perfdata text. */
export interface NagiosOutput {
  summary: string;
  longOutput: string[];
  perfdata: string;
}

/** Returns the status of a plugin exit code: 0 OK, 1 WARN, 2 ERROR, 3 and anything else UNKNOWN. */
export function statusOfExitCode(exitCode: number | null): Status {
  return (exitCode === null ? undefined : EXIT_STATUS[exitCode]) ?? 'UNKNOWN';
}

/** Splits plugin output: text before `|` on line one; long output until a line with `|`; perfdata after it to the end. */
export function splitNagiosOutput(stdout: string): NagiosOutput {
  const lines = stdout.replace(/\r\n/g, '\n').replace(/\n+$/, '').split('\n');
  const [first = '', ...rest] = lines;
  const [summary = '', ...firstPerf] = first.split('|');
  const perf = [firstPerf.join('|')];
  const longOutput: string[] = [];
  let inPerfdata = false;
  for (const line of rest) {
    if (inPerfdata) {
      perf.push(line);
      continue;
    }
    const bar = line.indexOf('|');
    if (bar === -1) {
      longOutput.push(line);
    } else {
      longOutput.push(line.slice(0, bar));
      perf.push(line.slice(bar + 1));
      inPerfdata = true;
    }
  }
  return {
    summary: summary.trim(),
    longOutput: longOutput.map((l) => l.trimEnd()).filter((l) => l.trim() !== ''),
    perfdata: perf.join(' ').trim(),
  };
}

/** Parses a Nagios plugin's output: status from the exit code, message, long output as info, perfdata as metrics. */
export function parseNagios(input: ParserInput): ParsedResult {
  const status = statusOfExitCode(input.exitCode);
  const output = splitNagiosOutput(input.stdout);
  const result = createResult(status);
  const level = levelOf(status);
  result.messages[level].push(output.summary || '(no output returned from plugin)');
  if (input.exitCode !== null && input.exitCode > 3) {
    result.messages.error.push(`plugin exited with code ${input.exitCode}, not a Nagios status (0-3)`);
  }
  result.messages.info.push(...output.longOutput);
  result.messages[level].push(...toMessageLines(input.stderr, 'stderr'));
  result.metrics = parsePerfdata(output.perfdata);
  return applyTermination(result, input);
}

/** The built-in `nagios` parser. */
export const nagiosParser: BuiltinParser = { name: 'nagios', parse: parseNagios };
