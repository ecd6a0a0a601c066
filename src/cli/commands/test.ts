// `smoker test [PATH[::TEST[@PARAMS]]...]`: ducktape-style scenarios on disjoint hosts (SPEC §8).
import type { CommandModule } from 'yargs';
import { UsageError } from '../../errors.js';
import { withConnectionOptions, type ConnectionArgs } from '../connection-options.js';
import { inventoryFrom } from '../options.js';
import { withSessionOptions, type SessionArgs } from '../session-options.js';

interface Args extends SessionArgs, ConnectionArgs {
  paths?: string[];
  i?: string;
  checks?: string[];
  k?: string[];
  exclude?: string[];
  'collect-only'?: boolean;
  plan?: boolean;
  repeat?: number;
  deflake?: number;
  'exit-first'?: boolean;
  'max-parallel'?: number;
  param?: string[];
  o: string;
  failed?: boolean;
  'fail-on': string;
}

const positiveInt = (flag: string) => (n: number) => {
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--${flag}: expected a whole number of at least 1, got ${String(n)}`);
  return n;
};

/** The test command. */
export const testCommand: CommandModule<object, Args> = {
  command: 'test [paths..]',
  describe: 'Run test scenarios (YAML tests: files, *.test.mjs) on disjoint hosts of the inventory',
  builder: (y) =>
    withConnectionOptions(withSessionOptions(y))
      .positional('paths', { type: 'string', array: true, describe: 'Test files or folders, PATH::TEST or PATH::TEST@{"k":v} (default ./tests)' })
      .option('i', { alias: 'inventory-file', type: 'string', describe: 'Inventory file (else $SMOKER_INVENTORY, ./inventory.yaml, ./inventories/*)', requiresArg: true })
      .option('checks', { type: 'string', array: true, describe: 'Check/service files or folders (replaces the inventory checks: list)' })
      .option('k', { type: 'string', array: true, describe: 'Only tests whose id matches: a glob, or a word the id contains', requiresArg: true })
      .option('exclude', { type: 'string', array: true, describe: 'Leave out tests whose id matches this glob or word', requiresArg: true })
      .option('collect-only', { type: 'boolean', describe: 'List the tests that would run, their needs, timeout and hosts; connect to nothing' })
      .option('plan', { type: 'boolean', describe: 'Print each test\'s hosts and steps in order with the exact command each host would run (templates filled) and exit; connects nowhere' })
      .option('repeat', { type: 'number', describe: 'Run each test N times (ids #1..#N)', requiresArg: true, coerce: positiveInt('repeat') })
      .option('deflake', { type: 'number', describe: 'Try a failed test up to N times in all; a later pass is FLAKY', requiresArg: true, coerce: positiveInt('deflake') })
      .option('exit-first', { type: 'boolean', describe: 'Start no test after the first failure; the rest are NOT_RUN' })
      .option('max-parallel', { type: 'number', describe: 'Tests at once (default: as many as the hosts allow)', requiresArg: true, coerce: positiveInt('max-parallel') })
      .option('param', { type: 'string', array: true, describe: 'KEY=VALUE: narrow a matrix to this value, or set a parameter', requiresArg: true })
      .option('failed', { type: 'boolean', describe: 'Only the tests that failed in the latest test session' })
      .option('fail-on', { choices: ['error', 'flaky'], default: 'error', describe: 'Exit 1 on failures only, or also on FLAKY tests' })
      .option('o', { alias: 'output', choices: ['normal', 'json', 'tap', 'junit', 'table'], default: 'normal', describe: 'Output format (--collect-only: normal/table or json)' })
      .example('$0 test -i inventories/local.yaml', 'Every test in ./tests')
      .example('$0 test tests/demo.yaml::bounce_under_load -i lab.yaml', 'One test')
      .example('$0 test --collect-only -o json', 'The test ids and the hosts each would get') as never,
  handler: async (argv) => {
    const { runTestCommand } = await import('../handlers/test.js');
    await runTestCommand({
      selectors: argv.paths ?? [],
      inventory: inventoryFrom({ i: argv.i }),
      checks: argv.checks,
      keywords: argv.k ?? [],
      exclude: argv.exclude ?? [],
      collectOnly: argv['collect-only'] === true,
      plan: argv.plan === true,
      repeat: argv.repeat,
      deflake: argv.deflake,
      exitFirst: argv['exit-first'] === true,
      maxParallel: argv['max-parallel'],
      params: argv.param ?? [],
      output: argv.o,
      failed: argv.failed === true,
      failOn: argv['fail-on'] as 'error' | 'flaky',
      session: argv,
      connection: argv,
      argv: process.argv.slice(2),
    });
  },
};
