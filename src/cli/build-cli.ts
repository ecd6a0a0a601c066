// The yargs command tree, built once for the entry point and for the generated CLI reference (docs/reference/cli.md).
import { createRequire } from 'node:module';
import type { Argv } from 'yargs';
import { UsageError } from '../errors.js';
import { version } from '../version.js';
import { commands } from './commands/index.js';

// yargs' CommonJS build is one bundled file; its ESM entry loads ~30 modules, ~15-20 ms more on every start.
// `yargs/yargs` is the factory without the singleton `yargs` builds from process.argv when required.
const yargs = createRequire(import.meta.url)('yargs/yargs') as ((args: string[]) => Argv) & { hideBin(argv: string[]): string[] };

/** The arguments a user typed (argv without node and the script). */
export function userArgs(argv: string[]): string[] {
  return yargs.hideBin(argv);
}

/** Builds the CLI for `argv`; `width` fixes the help layout (default: the terminal's, at most 110). */
export function buildCli(argv: string[], width = Math.min(110, process.stdout.columns || 100)): Argv {
  return yargs(argv)
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
    .wrap(width)
    .epilogue('Exit codes: 0 all OK, 1 a check failed, 2 usage/config error, 3 a host unreachable, 130 interrupted.')
    .exitProcess(false)
    .fail((msg, err) => {
      if (err) throw err;
      throw new UsageError(msg);
    });
}

/** The help text of `smoker ARGS --help`, as a user sees it at a given width (no handler runs). */
export async function renderHelp(args: string[], width: number): Promise<string> {
  let text = '';
  await buildCli([...args, '--help'], width).parseAsync([...args, '--help'], {}, (_err, _argv, output) => {
    text = output;
  });
  return text;
}
