// Asks the person at the terminal for a secret without echoing it.
import { createInterface } from 'node:readline';

const beforePrompt = new Set<() => void>();

/** Calls `listener` before each prompt (to take a spinner off the terminal, which would erase the question); returns the unsubscribe. */
export function onPromptStart(listener: () => void): () => void {
  beforePrompt.add(listener);
  return () => beforePrompt.delete(listener);
}

/** Prompts on the TTY (stderr) and reads a line from stdin with echo off; undefined without a TTY. */
export async function promptSecret(question: string): Promise<string | undefined> {
  if (!process.stdin.isTTY) return undefined;
  for (const listener of beforePrompt) listener();
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  const out = rl as unknown as { _writeToOutput: (s: string) => void };
  // The question goes through readline, which starts by clearing the line: written beforehand, it was erased.
  let muted = false;
  out._writeToOutput = (s) => void (muted || process.stderr.write(s));
  const answer = new Promise<string>((resolve) => rl.question(question, resolve));
  muted = true; // the question is on screen; what is typed is not echoed
  try {
    return await answer;
  } finally {
    rl.close();
    process.stderr.write('\n');
  }
}
