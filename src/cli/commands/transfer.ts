// `smoker copy SRC... DEST` and `smoker fetch REMOTE... LOCALDIR`: files and trees over SFTP, every host in parallel (pscp/pslurp).
import type { CommandModule } from 'yargs';
import { UsageError } from '../../errors.js';
import { inventoryFrom, withHosts } from '../options.js';
import { withSessionOptions, type SessionArgs } from '../session-options.js';

interface Args extends SessionArgs {
  paths: string[];
  i?: string;
  H?: string;
  o: string;
  forks?: number;
}

/** Builds `copy` or `fetch`. */
function transferCommand(direction: 'copy' | 'fetch'): CommandModule<object, Args> {
  const copy = direction === 'copy';
  return {
    command: `${direction} <paths..>`,
    describe: copy
      ? 'Copy local files or trees to the selected hosts over SFTP, modes kept (pscp, clush --copy)'
      : 'Fetch files or trees from the selected hosts into LOCALDIR/<host>/, modes kept (pslurp, clush --rcopy)',
    builder: (y) =>
      withSessionOptions(withHosts(y))
        .positional('paths', { type: 'string', array: true, describe: copy ? 'SRC... DEST: local paths, then the path on the hosts' : 'REMOTE... LOCALDIR: paths on the hosts, then a local folder' })
        .option('i', { alias: 'inventory-file', type: 'string', describe: 'Inventory file (else $SMOKER_INVENTORY, ./inventory.yaml, ./inventories/*)', requiresArg: true })
        .option('forks', { type: 'number', describe: 'Hosts in flight at once (default 256)', requiresArg: true })
        .option('o', { alias: 'output', choices: ['normal', 'json'], default: 'normal', describe: 'Output format' })
        .example(copy ? '$0 copy app/ conf.d /opt/app/ -H web' : '$0 fetch /var/log/app ./logs -H web', copy ? 'app/ and conf.d into /opt/app/ on the web hosts' : 'Every web host\'s /var/log/app into ./logs/<host>/app') as never,
    handler: async (argv) => {
      const paths = argv.paths.map(String);
      if (paths.length < 2) throw new UsageError(`${direction}: expected ${copy ? 'SRC... DEST' : 'REMOTE... LOCALDIR'}, got ${paths.length} path`);
      const { runTransferCommand } = await import('../handlers/transfer.js');
      await runTransferCommand({
        direction,
        inventory: inventoryFrom({ i: argv.i }),
        pattern: argv.H,
        sources: paths.slice(0, -1),
        dest: paths[paths.length - 1] as string,
        forks: argv.forks,
        output: argv.o as 'normal' | 'json',
        session: argv,
        argv: process.argv.slice(2),
      });
    },
  };
}

/** `smoker copy`. */
export const copyCommand = transferCommand('copy');
/** `smoker fetch`. */
export const fetchCommand = transferCommand('fetch');
