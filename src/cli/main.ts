#!/usr/bin/env node
// smoker's entry point: builds the yargs command tree; handlers load lazily so start-up stays fast.
import { createRequire } from 'node:module';
import type { Argv } from 'yargs';
import { UsageError } from '../errors.js';
import { version } from '../version.js';
import { reportError } from './exit.js';
import { commands } from './commands/index.js';

// yargs' CommonJS build is one bundled file; its ESM entry loads ~30 modules, ~15-20 ms more on every start.
// `yargs/yargs` is the factory without the singleton `yargs` builds from process.argv when required.
const yargs = createRequire(import.meta.url)('yargs/yargs') as ((args: string[]) => Argv) & { hideBin(argv: string[]): string[] };

/** Parses argv and runs the chosen command; errors become exit codes in reportError. */
export async function main(argv: string[]): Promise<void> {
  const cli = yargs(argv)
    .scriptName('smoker')
    .usage('$0 <command> [options]\n\nAgentless SSH orchestrator and smoke tester.')
    .command(commands)
    .demandCommand(1, 'Say which command to run (see the list above).')
    .strict()
    .recommendCommands()
    .help()
    .alias('h', 'help')
    // The CommonJS build cannot find package.json from an ES module entry point: say the version.
    .version(version)
    .wrap(Math.min(110, process.stdout.columns || 100))
    .epilogue('Exit codes: 0 all OK, 1 a check failed, 2 usage/config error, 3 a host unreachable, 130 interrupted.')
    .exitProcess(false)
    .fail((msg, err) => {
      if (err) throw err;
      throw new UsageError(msg);
    });
  await cli.parseAsync();
}

main(yargs.hideBin(process.argv)).catch((err: unknown) => {
  reportError(err);
  if (err instanceof UsageError) process.stderr.write('Run smoker --help for usage.\n');
});
