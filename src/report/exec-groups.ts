// clush -b style output for `exec`: hosts with identical stdout, stderr and exit code shown once, names folded.
import { foldHosts } from '../config/ranges.js';
import type { RunReport } from '../results/types.js';
import { paintBold, paintDim, paintStatus, withColor } from './color.js';
import { renderSummaryLine } from './summary-line.js';
import { escapeControls, terminalSafe } from './text.js';

/** One host's output as exec captured it. */
export interface ExecOutput {
  stdout: string;
  stderr: string;
  exitCode: number | null;
}

interface Group {
  hosts: string[];
  body: string;
  failed: boolean;
}

/** Renders grouped outputs, unreachable hosts by error, then the summary line. */
export function renderExecGroups(report: RunReport, outputs: ReadonlyMap<string, ExecOutput>, opts: { color: boolean; session?: string }): string {
  return withColor(opts.color, () => {
    const groups = new Map<string, Group>();
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
        // Remote bytes reach the terminal only made safe (no escape sequences): the session files keep them raw.
        const stdout = terminalSafe(out.stdout).replace(/\n$/, '');
        const stderr = terminalSafe(out.stderr).replace(/\n$/, '');
        body = [stdout, stderr ? paintDim(stderr) : '', notes.length ? `[${terminalSafe(notes.join('; '))}]` : ''].filter((x) => x !== '').join('\n');
        key = `o\u0000${out.exitCode}\u0000${out.stdout}\u0000${out.stderr}\u0000${notes.join()}`;
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
    return `${blocks.join('\n')}\n${renderSummaryLine(report, opts.session)}\n`;
  });
}

// Transport messages start with "host (user@addr:port): "; the group title already names the hosts.
function stripHost(message: string, host: string): string {
  return message.startsWith(`${host} `) || message.startsWith(`${host}:`) ? message.slice(message.indexOf(': ') + 2) : message;
}
