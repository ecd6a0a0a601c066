// A progress spinner on stderr, only when stderr is a TTY (ora is loaded only then).
import type { HostResult } from '../../results/types.js';
import { onPromptStart } from '../../transport/prompt.js';

/** A running progress display. */
export interface Progress {
  tick(h: HostResult): void;
  stop(): void;
}

/** Starts a spinner counting finished hosts, or returns undefined when not on a TTY. */
export async function startProgress(total: number, label: string): Promise<Progress | undefined> {
  if (!process.stderr.isTTY || process.env.CI) return undefined;
  const { default: ora } = await import('ora');
  let done = 0;
  let failed = 0;
  const spinner = ora({ text: `${label}: 0/${total} hosts`, stream: process.stderr }).start();
  // A passphrase prompt ends the spinner: its next frame would erase the question.
  const offPrompt = onPromptStart(() => spinner.stop());
  return {
    tick: (h) => {
      done++;
      if (h.status !== 'OK') failed++;
      spinner.text = `${label}: ${done}/${total} hosts${failed ? `, ${failed} not OK` : ''}`;
    },
    stop: () => {
      offPrompt();
      spinner.stop();
    },
  };
}
