// Options shared by several commands, declared once.
import type { Argv } from 'yargs';
import { resolveInventoryPath } from '../config/inventory-path.js';

/** Adds the optional positional INVENTORY and -i/--inventory. */
export function withInventory<T>(y: Argv<T>) {
  return y
    .positional('inventory', { type: 'string', describe: 'Inventory file (else -i, $SMOKER_INVENTORY, ./inventory.yaml, ./inventories/*)' })
    .option('i', { alias: 'inventory-file', type: 'string', describe: 'Inventory file', requiresArg: true });
}

/** Adds -H/--hosts PATTERN. */
export function withHosts<T>(y: Argv<T>) {
  return y.option('H', { alias: 'hosts', type: 'string', describe: 'Host pattern: names, groups, addresses, web*, web[01:03], ~regex, !exclude, &intersect', requiresArg: true });
}

/** Picks the inventory path from the parsed arguments and the environment. */
export function inventoryFrom(argv: { inventory?: string | undefined; i?: string | undefined }): string {
  return resolveInventoryPath({ arg: argv.inventory, flag: argv.i, env: process.env.SMOKER_INVENTORY, cwd: process.cwd() });
}
