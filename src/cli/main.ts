#!/usr/bin/env node
// smoker's entry point: builds the yargs command tree; handlers load lazily so start-up stays fast.
import { UsageError } from '../errors.js';
import { buildCli, userArgs } from './build-cli.js';
import { reportError } from './exit.js';

/** Parses argv and runs the chosen command; errors become exit codes in reportError. */
export async function main(argv: string[]): Promise<void> {
  await buildCli(argv).parseAsync();
}

main(userArgs(process.argv)).catch((err: unknown) => {
  reportError(err);
  if (err instanceof UsageError) process.stderr.write('Run smoker --help for usage.\n');
});
