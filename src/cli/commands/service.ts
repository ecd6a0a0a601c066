// `smoker start|stop|status|wait|restart|bounce|clean|kill|signal SERVICE`: service operations over SSH (SPEC §6).
import type { CommandModule } from 'yargs';
import { listOption } from '../list-option.js';
import { inventoryFrom, withHosts } from '../options.js';
import { withConnectionOptions, type ConnectionArgs } from '../connection-options.js';
import { withSessionOptions, type SessionArgs } from '../session-options.js';

interface Args extends ConnectionArgs, SessionArgs {
  service: string;
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
  status: "Show a service's status on every host, as a table",
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
    command: `${op} <service>`,
    describe: DESCRIBE[op] ?? op,
    builder: (y) =>
      withConnectionOptions(withSessionOptions(withHosts(y)))
        .positional('service', { type: 'string', describe: 'Service name (from the services: section of a check file)' })
        .option('i', { alias: 'inventory-file', type: 'string', describe: 'Inventory file (else $SMOKER_INVENTORY, ./inventory.yaml, ./inventories/*)', requiresArg: true })
        .option('checks', listOption('Check/service files or folders (replaces the inventory checks: list)'))
        .option('serial', { type: 'string', describe: op === 'bounce' ? 'Hosts per batch, N or N% (default: the service bounce.serial, else 1)' : 'Hosts at a time, N or N% (default all at once)', requiresArg: true })
        .option('collect-logs', { choices: ['always', 'on-failure', 'never'], default: 'on-failure', describe: "When to copy the service's logs: into the session: always, after a failed operation, never" })
        .option('signal', { type: 'string', hidden: op !== 'kill' && op !== 'signal', describe: `Signal to send: a name (HUP, SIGHUP) or number (default ${op === 'kill' ? 'KILL' : 'TERM'})`, requiresArg: true })
        .option('plan', { type: 'boolean', describe: 'Print the batches in order and the exact commands each host would run (templates filled) and exit; connects nowhere' })
        .option('o', { alias: 'output', choices: FORMATS, default: 'normal', describe: op === 'status' ? 'Output format (human formats print the table)' : 'Output format' })
        .example(`$0 ${op} kafka -i inventories/lab.yaml`, `${op[0]?.toUpperCase()}${op.slice(1)} kafka on its hosts`)
        .example(op === 'bounce' ? '$0 bounce kafka --serial 25%' : `$0 ${op} kafka -H 'lab[1:2]'`, op === 'bounce' ? 'A quarter of the hosts at a time' : 'Only on lab1 and lab2') as never,
    handler: async (argv) => {
      const { runServiceCommand } = await import('../handlers/service.js');
      await runServiceCommand({
        op: op as never,
        service: argv.service,
        inventory: inventoryFrom({ i: argv.i }),
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

/** The service commands, in help order. */
export const serviceCommands = ['start', 'stop', 'status', 'wait', 'restart', 'bounce', 'clean', 'kill', 'signal'].map(serviceCommand);
