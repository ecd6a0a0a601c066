// `smoker start|stop|status|wait|restart|bounce|clean|kill|signal SERVICE [INVENTORY]`: service operations over SSH (SPEC §6).
import { statSync } from 'node:fs';
import { sep } from 'node:path';
import type { CommandModule } from 'yargs';
import { listOption } from '../list-option.js';
import { inventoryFrom, withHosts, withInventory } from '../options.js';
import { withConnectionOptions, type ConnectionArgs } from '../connection-options.js';
import { withSessionOptions, type SessionArgs } from '../session-options.js';

interface Args extends ConnectionArgs, SessionArgs {
  service?: string;
  inventory?: string;
  i?: string;
  H?: string;
  o: string;
  checks?: string[];
  serial?: string;
  'collect-logs': string;
  signal?: string;
  plan?: boolean;
}

const FORMATS = ['minimal', 'normal', 'long', 'full', 'json', 'tap', 'junit', 'nagios'];

const DESCRIBE: Record<string, string> = {
  start: 'Start a service on its hosts, then wait for its conditions',
  stop: 'Stop a service, then wait until its status fails',
  status: "Show a service's status on every host, as a table (every service's without a name)",
  wait: "Wait for a service's conditions (port, http, log, command)",
  restart: 'Stop a service on all its hosts, then start it on all',
  bounce: 'Rolling restart: stop, start and wait, N hosts at a time',
  clean: "Run a service's clean: command (refused on hosts where status says it runs)",
  kill: "Kill a service's processes (pidFile: or pids:), default signal KILL, without its stop script",
  signal: "Send a signal (default TERM) to a service's processes (pidFile: or pids:)",
};

/** Builds the command module of one operation. */
function serviceCommand(op: string): CommandModule<object, Args> {
  return {
    command: op === 'status' ? 'status [service] [inventory]' : `${op} <service> [inventory]`,
    describe: DESCRIBE[op] ?? op,
    builder: (y) =>
      withConnectionOptions(withSessionOptions(withHosts(withInventory(y))))
        .positional('service', { type: 'string', describe: op === 'status' ? 'Service name (from the services: section of a check file); without one, every service' : 'Service name (from the services: section of a check file)' })
        .option('checks', listOption('Check/service files or folders (replaces the inventory checks: list)'))
        .option('serial', { type: 'string', describe: op === 'bounce' ? 'Hosts per batch, N or N% (default: the service bounce.serial, else 1)' : 'Hosts at a time, N or N% (default all at once)', requiresArg: true })
        .option('collect-logs', { choices: ['always', 'on-failure', 'never'], default: 'on-failure', describe: "When to copy the service's logs: into the session: always, after a failed operation, never" })
        .option('signal', { type: 'string', hidden: op !== 'kill' && op !== 'signal', describe: `Signal to send: a name (HUP, SIGHUP) or number (default ${op === 'kill' ? 'KILL' : 'TERM'})`, requiresArg: true })
        .option('plan', { type: 'boolean', describe: 'Print the batches in order and the exact commands each host would run (templates filled) and exit; connects nowhere' })
        .option('o', { alias: 'output', choices: FORMATS, default: 'normal', describe: op === 'status' ? 'Output format (human formats print the table)' : 'Output format' })
        .example(`$0 ${op} kafka inventories/lab.yaml`, `${op[0]?.toUpperCase()}${op.slice(1)} kafka on its hosts`)
        .example(op === 'bounce' ? '$0 bounce kafka --serial 25%' : op === 'status' ? '$0 status inventories/lab.yaml' : `$0 ${op} kafka -H 'lab[1:2]'`, op === 'bounce' ? 'A quarter of the hosts at a time' : op === 'status' ? 'Every service that has a status: command' : 'Only on lab1 and lab2') as never,
    handler: async (argv) => {
      const { runServiceCommand } = await import('../handlers/service.js');
      const { service, inventory } = op === 'status' ? splitStatusArgs(argv.service, argv.inventory) : { service: argv.service, inventory: argv.inventory };
      await runServiceCommand({
        op: op as never,
        service,
        inventory: inventoryFrom({ inventory, i: argv.i }),
        pattern: argv.H,
        checks: argv.checks,
        serial: argv.serial,
        collectLogs: argv['collect-logs'] as never,
        ...(argv.signal !== undefined ? { sendSignal: argv.signal } : {}),
        output: argv.o,
        plan: argv.plan === true,
        connection: argv,
        session: argv,
        argv: process.argv.slice(2),
      });
    },
  };
}

// `status lab.yaml`: a lone word that is an inventory-like file name or an existing path with a `/` is the inventory, and status
// covers every service; any other word is a service name (`status hosts` means service "hosts"; `status ./hosts` the file).
function splitStatusArgs(service: string | undefined, inventory: string | undefined): { service?: string | undefined; inventory?: string | undefined } {
  if (service === undefined || inventory !== undefined || !isInventoryPath(service)) return { service, inventory };
  return { inventory: service };
}

function isInventoryPath(word: string): boolean {
  try {
    const st = statSync(word);
    return word.includes(sep) || (st.isFile() && /\.(ya?ml|json|ini|cfg)$/i.test(word));
  } catch {
    return false;
  }
}

/** The service commands, in help order. */
export const serviceCommands = ['start', 'stop', 'status', 'wait', 'restart', 'bounce', 'clean', 'kill', 'signal'].map(serviceCommand);
