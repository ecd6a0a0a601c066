// Asks the person at the terminal for a secret without echoing it.
import { createInterface } from 'node:readline';

/** Prompts on the TTY (stderr) and reads a line from stdin with echo off; undefined without a TTY. */
export async function promptSecret(question: string): Promise<string | undefined> {
  if (!process.stdin.isTTY) return undefined;
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  const out = rl as unknown as { _writeToOutput: (s: string) => void };
  process.stderr.write(question);
  out._writeToOutput = () => undefined; // mute the echo of what is typed
  try {
    return await new Promise<string>((resolve) => rl.question('', resolve));
  } finally {
    rl.close();
    process.stderr.write('\n');
  }
}
