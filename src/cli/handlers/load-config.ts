// Loads the inventory and check files for a command, reporting every problem of both at once (see config/load-project.ts).
import type { CheckSet } from '../../config/check-types.js';
import { loadProject } from '../../config/load-project.js';
import type { Inventory } from '../../config/types.js';

/** The inventory and its checks (from --checks, else the inventory's checks: list); check warnings go to stderr. */
export async function loadConfig(inventoryPath: string, checkPaths: readonly string[] | undefined, options: { strict?: boolean | undefined } = {}): Promise<{ inventory: Inventory; checks: CheckSet }> {
  const project = await loadProject({ inventory: inventoryPath, checks: checkPaths, requireChecks: true, strict: options.strict ?? false });
  const checks = project.checks as CheckSet; // requireChecks: there are check files
  for (const w of checks.warnings) process.stderr.write(`warning: ${w}\n`);
  return { inventory: project.inventory, checks };
}
