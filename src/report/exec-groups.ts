// clush -b style output for `exec`: hosts with identical stdout and exit code shown once, names folded; stderr apart.
import { foldHosts } from '../config/ranges.js';
import type { RunReport } from '../results/types.js';
import { paintBold, paintDim, paintStatus, withColor } from './color.js';
import { cutOutput } from './output-cut.js';
import { renderSummaryLine } from './summary-line.js';
import { escapeControls, terminalSafe } from './text.js';

/** One host's output as exec captured it. */
export interface ExecOutput {
  stdout: string;
  stderr: string;
  exitCode: number | null;
  /** True when memory kept only the first MiB of a stream (the session file has all of it). */
  truncated?: boolean;
}

/** What exec prints: grouped stdout and the summary for stdout, host-labelled remote stderr for stderr. */
export interface ExecText {
  stdout: string;
  stderr: string;
}

interface Group {
  hosts: string[];
  body: string;
  failed: boolean;
}

/** Where each host's whole output is kept: `<dir>/stdout`, `<dir>/stderr`. */
export type OutputDirs = ReadonlyMap<string, string>;

/** Renders grouped outputs, unreachable hosts by error and the summary line; remote stderr grouped the same way, labelled with its hosts. */
export function renderExecGroups(report: RunReport, outputs: ReadonlyMap<string, ExecOutput>, opts: { color: boolean; session?: string; dirs?: OutputDirs }): ExecText {
  return withColor(opts.color, () => {
    const groups = new Map<string, Group>();
    const errGroups = new Map<string, Group>();
    for (const [name, h] of Object.entries(report.hosts)) {
      const out = outputs.get(name);
      const check = h.checks.exec;
      let key: string;
      let body: string;
      if (h.unreachable !== undefined || !out) {
        body = `UNREACHABLE: ${terminalSafe(stripHost(h.unreachable ?? 'no result', name))}`;
        key = `u\u0000${body}`;
      } else {
        const notes = [...(check?.messages.error ?? [])];
        const dir = opts.dirs?.get(name);
        // Remote bytes reach the terminal only made safe (no escape sequences): the session files keep them raw.
        const stdout = cutOutput(out.stdout, out.truncated === true, dir === undefined ? undefined : `${dir}/stdout`);
        body = [terminalSafe(stdout).replace(/\n$/, ''), notes.length ? `[${terminalSafe(notes.join('; '))}]` : ''].filter((x) => x !== '').join('\n');
        key = `o\u0000${out.exitCode}\u0000${out.stdout}\u0000${notes.join()}`;
        if (out.stderr !== '') {
          const stderr = terminalSafe(cutOutput(out.stderr, out.truncated === true, dir === undefined ? undefined : `${dir}/stderr`)).replace(/\n$/, '');
          const eg = errGroups.get(out.stderr) ?? { hosts: [], body: stderr, failed: false };
          eg.hosts.push(name);
          errGroups.set(out.stderr, eg);
        }
      }
      const g = groups.get(key) ?? { hosts: [], body, failed: h.status !== 'OK' };
      g.hosts.push(name);
      groups.set(key, g);
    }
    const rule = '-'.repeat(15);
    const blocks = [...groups.values()].map((g) => {
      const title = `${escapeControls(foldHosts(g.hosts))} (${g.hosts.length})`;
      const head = g.failed ? paintStatus('ERROR', title) : paintBold(title);
      return `${rule}\n${head}\n${rule}\n${g.body || paintDim('(no output)')}`;
    });
    // clush's labelling of stderr: every line prefixed with the (folded) hosts that wrote it.
    const errLines = [...errGroups.values()].flatMap((g) => {
      const label = escapeControls(foldHosts(g.hosts));
      return g.body.split('\n').map((line) => `${label}: ${line}\n`);
    });
    return { stdout: `${blocks.join('\n')}\n${renderSummaryLine(report, opts.session)}\n`, stderr: errLines.join('') };
  });
}

// Transport messages start with "host (user@addr:port): "; the group title already names the hosts.
function stripHost(message: string, host: string): string {
  return message.startsWith(`${host} `) || message.startsWith(`${host}:`) ? message.slice(message.indexOf(': ') + 2) : message;
}
