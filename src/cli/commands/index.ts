// Every registered command; only commands that work are listed.
import type { CommandModule } from 'yargs';
import { hostsCommand } from './hosts.js';
import { schemaCommand } from './schema.js';
import { validateCommand } from './validate.js';

/** The command modules, in the order --help lists them. */
export const commands = [hostsCommand, validateCommand, schemaCommand] as unknown as CommandModule[];
