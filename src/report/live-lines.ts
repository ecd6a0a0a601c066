// exec --live (clush's default, pssh -i): each complete line as it arrives, prefixed `host: `, stdout and stderr apart.
import { StringDecoder } from 'node:string_decoder';
import type { RunReport } from '../results/types.js';
import { renderSummaryLine } from './summary-line.js';
import { escapeControls, terminalSafe } from './text.js';

/** Where live lines go. */
export interface LiveSinks {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** Splits each host's streams into lines and prints them prefixed; a host's unfinished last line is printed when it ends. */
export class LiveLines {
  private readonly partial = new Map<string, string>();
  /** One decoder per host and stream: a character split across SSH packets is decoded whole. */
  private readonly decoders = new Map<string, StringDecoder>();

  constructor(private readonly sinks: LiveSinks) {}

  /** A chunk of `host`'s stdout or stderr. */
  push(host: string, stream: 'stdout' | 'stderr', chunk: Buffer): void {
    const key = `${stream}\u0000${host}`;
    let decoder = this.decoders.get(key);
    if (!decoder) this.decoders.set(key, (decoder = new StringDecoder('utf8')));
    const text = (this.partial.get(key) ?? '') + decoder.write(chunk);
    const end = text.lastIndexOf('\n');
    if (end < 0) {
      this.partial.set(key, text);
      return;
    }
    this.partial.set(key, text.slice(end + 1));
    this.write(host, stream, text.slice(0, end));
  }

  /** The host finished: print what is left of its lines. */
  flush(host: string): void {
    for (const stream of ['stdout', 'stderr'] as const) {
      const key = `${stream}\u0000${host}`;
      const rest = (this.partial.get(key) ?? '') + (this.decoders.get(key)?.end() ?? '');
      this.partial.delete(key);
      this.decoders.delete(key);
      if (rest) this.write(host, stream, rest);
    }
  }

  private write(host: string, stream: 'stdout' | 'stderr', lines: string): void {
    const label = escapeControls(host);
    // Remote bytes reach the terminal only made safe; the session files keep them raw.
    const text = terminalSafe(lines)
      .split('\n')
      .map((l) => `${label}: ${l}\n`)
      .join('');
    this.sinks[stream](text);
  }
}

/** What --live prints at the end: non-OK hosts' reasons on stderr (`host: [exit code 1]`), the summary line on stdout. */
export function renderLiveEnd(report: RunReport, session: string | undefined): { stdout: string; stderr: string } {
  const notes = Object.entries(report.hosts).flatMap(([name, h]) => {
    const why = h.unreachable !== undefined ? `UNREACHABLE: ${h.unreachable}` : (h.checks.exec?.messages.error ?? []).map((m) => `[${m}]`).join(' ');
    return why ? [`${escapeControls(name)}: ${terminalSafe(why)}\n`] : [];
  });
  return { stdout: `${renderSummaryLine(report, session)}\n`, stderr: notes.join('') };
}
