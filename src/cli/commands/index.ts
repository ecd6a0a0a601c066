// Every registered command; only commands that work are listed.
import type { CommandModule } from 'yargs';
import { execCommand } from './exec.js';
import { hostsCommand } from './hosts.js';
import { runCommand } from './run.js';
import { schemaCommand } from './schema.js';
import { validateCommand } from './validate.js';

/** The command modules, in the order --help lists them. */
export const commands = [runCommand, execCommand, hostsCommand, validateCommand, schemaCommand] as unknown as CommandModule[];
