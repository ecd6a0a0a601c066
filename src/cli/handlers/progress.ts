// Progress on stderr: a spinner when stderr is a TTY (ora is loaded only then), else periodic plain lines.
import type { HostResult } from '../../results/types.js';
import { onPromptStart } from '../../transport/prompt.js';
import { onInterruptNotice } from '../interrupt.js';
import { formatProgressLine, progressLineDue } from './progress-lines.js';

/** A running progress display. */
export interface Progress {
  tick(h: HostResult): void;
  /** Writes text to stdout without garbling the spinner: it is cleared first and drawn again after. */
  print(text: string): void;
  stop(): void;
}

/**
 * Starts a spinner counting finished hosts on a TTY, else progress lines (every 10% or 5 s, once the command has lasted 5 s).
 * `plain`: lines even on a TTY, for when other lines go to stderr as well (-v), which a spinner's redraw would garble.
 */
export async function startProgress(total: number, label: string, opts: { plain?: boolean } = {}): Promise<Progress | undefined> {
  if (!process.stderr.isTTY || process.env.CI || opts.plain) return startProgressLines(total, label);
  const { default: ora } = await import('ora');
  let done = 0;
  let failed = 0;
  const spinner = ora({ text: `${label}: 0/${total} hosts`, stream: process.stderr }).start();
  // A passphrase prompt ends the spinner: its next frame would erase the question.
  const offPrompt = onPromptStart(() => spinner.stop());
  // Ctrl-C ends it too: the run goes on only to stop remote work, and the notice must not sit under a stale frame.
  const offInterrupt = onInterruptNotice(() => spinner.stop());
  return {
    tick: (h) => {
      done++;
      if (h.status !== 'OK') failed++;
      spinner.text = `${label}: ${done}/${total} hosts${failed ? `, ${failed} not OK` : ''}`;
    },
    print: (text) => {
      // stdout and stderr share the terminal: the spinner's frame is erased so no line starts behind it.
      const spinning = spinner.isSpinning;
      if (spinning) spinner.clear();
      process.stdout.write(text);
      if (spinning) spinner.render();
    },
    stop: () => {
      offPrompt();
      offInterrupt();
      spinner.stop();
    },
  };
}

/** Progress as plain lines on stderr, for logs and pipes: no escape sequences, no carriage returns. */
function startProgressLines(total: number, label: string): Progress {
  const startedAt = Date.now();
  let done = 0;
  let failed = 0;
  let lastAt: number | undefined;
  let lastDone = 0;
  const maybePrint = () => {
    const now = Date.now();
    if (done >= total || !progressLineDue({ now, startedAt, lastAt, done, total, lastDone })) return;
    lastAt = now;
    lastDone = done;
    process.stderr.write(formatProgressLine(label, done, total, failed, now - startedAt));
  };
  const timer = setInterval(maybePrint, 1_000);
  timer.unref();
  return {
    tick: (h) => {
      done++;
      if (h.status !== 'OK') failed++;
      maybePrint();
    },
    print: (text) => process.stdout.write(text),
    stop: () => clearInterval(timer),
  };
}
