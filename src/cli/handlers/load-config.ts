// Loads the inventory and check files for a command, reporting every problem of both at once.
import { validateCheckFiles } from '../../config/checks.js';
import type { CheckSet } from '../../config/check-types.js';
import { displayPath } from '../../config/inventory.js';
import { loadAnyInventory } from '../../config/load-any-inventory.js';
import type { Inventory } from '../../config/types.js';
import { ConfigError, UsageError } from '../../errors.js';

/** The inventory and its checks (from --checks, else the inventory's checks: list). */
export async function loadConfig(inventoryPath: string, checkPaths: readonly string[] | undefined): Promise<{ inventory: Inventory; checks: CheckSet }> {
  const { inventory, kind } = await loadAnyInventory(inventoryPath);
  const paths = checkPaths?.length ? checkPaths : inventory.checks;
  if (paths.length === 0 && kind === 'ansible') {
    throw new UsageError(`no check files: ${displayPath(inventory.file)} is an Ansible inventory, which has no checks: list; pass --checks FILE_OR_FOLDER`);
  }
  if (paths.length === 0) throw new UsageError(`no check files: ${inventoryPath} has no checks: list and --checks was not given`);
  const r = validateCheckFiles(paths);
  if ('issues' in r) throw new ConfigError(r.issues);
  for (const w of r.set.warnings) process.stderr.write(`warning: ${w}\n`);
  return { inventory, checks: r.set };
}
