// `smoker exec [INVENTORY] [-H PATTERN] -- COMMAND`: one ad-hoc command everywhere, identical outputs grouped.
import type { CommandModule } from 'yargs';
import { UsageError } from '../../errors.js';
import { inventoryFrom, withHosts, withInventory } from '../options.js';
import { withConnectionOptions, type ConnectionArgs } from '../connection-options.js';
import { withSessionOptions, type SessionArgs } from '../session-options.js';
import { withShard } from '../shard-option.js';

interface Args extends ConnectionArgs, SessionArgs {
  inventory?: string;
  i?: string;
  H?: string;
  o: string;
  timeout?: string;
  forks?: number;
  stdin: boolean;
  live?: boolean;
  shard?: string;
  '--'?: (string | number)[];
  _: (string | number)[];
}

/** The exec command. */
export const execCommand: CommandModule<object, Args> = {
  command: 'exec [inventory]',
  describe: 'Run one command on the selected hosts; identical outputs grouped (clush -b)',
  builder: (y) =>
    withConnectionOptions(withShard(withSessionOptions(withHosts(withInventory(y)))))
      .option('o', { alias: 'output', choices: ['normal', 'json'], default: 'normal', describe: 'Output format' })
      .option('timeout', { type: 'string', describe: 'Per-host command timeout (e.g. 30s); kills the remote process tree', requiresArg: true })
      .option('forks', { type: 'number', describe: 'Hosts in flight at once (default 256)', requiresArg: true })
      .option('L', { alias: 'live', type: 'boolean', describe: 'Print lines as they arrive, prefixed "host: " (clush default, pssh -i), instead of grouping at the end' })
      .option('stdin', { type: 'boolean', default: true, describe: 'Send local stdin (when not a terminal) to the command on every host, like pssh -I; --no-stdin to not read it' })
      .parserConfiguration({ 'populate--': true })
      .example('$0 exec inventories/lab.yaml -- uname -r', 'Kernel of every host, grouped')
      .example("$0 exec -- 'cat > /tmp/app.tar' < app.tar", 'The same file to every host over stdin')
      .example('$0 exec -L -- tail -f /var/log/syslog', 'Lines as they arrive, prefixed with the host')
      .example("$0 exec -H 'web*' --timeout 5s -o json -- systemctl is-active nginx", 'JSON per host') as never,
  handler: async (argv) => {
    const words = (argv['--'] ?? []).map(String);
    if (words.length === 0) throw new UsageError('no command given: smoker exec [INVENTORY] [-H PATTERN] -- COMMAND');
    const { runExecCommand } = await import('../handlers/exec.js');
    await runExecCommand({
      inventory: inventoryFrom(argv),
      pattern: argv.H,
      command: words.join(' '),
      output: argv.o as 'normal' | 'json',
      timeout: argv.timeout,
      forks: argv.forks,
      stdin: argv.stdin,
      connection: argv,
      live: argv.L === true,
      shard: argv.shard,
      session: argv,
      argv: process.argv.slice(2),
    });
  },
};
