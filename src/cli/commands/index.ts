// Every registered command; only commands that work are listed.
import type { CommandModule } from 'yargs';
import { checksCommand } from './checks.js';
import { diffCommand } from './diff.js';
import { execCommand } from './exec.js';
import { copyCommand, fetchCommand } from './transfer.js';
import { historyCommand } from './history.js';
import { hostsCommand } from './hosts.js';
import { inspectCommand } from './inspect.js';
import { inventoryCommand } from './inventory.js';
import { runCommand } from './run.js';
import { schemaCommand } from './schema.js';
import { serviceCommands } from './service.js';
import { servicesCommand } from './services.js';
import { sessionsCommand } from './sessions.js';
import { testCommand } from './test.js';
import { validateCommand } from './validate.js';

/** The command modules, in the order --help lists them. */
export const commands = [runCommand, execCommand, copyCommand, fetchCommand, ...serviceCommands, testCommand, inspectCommand, sessionsCommand, historyCommand, diffCommand, hostsCommand, checksCommand, servicesCommand, validateCommand, inventoryCommand, schemaCommand] as unknown as CommandModule[];
