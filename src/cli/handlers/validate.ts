// Handler of `smoker validate`: every file run, test and the service commands would load, checked at once; a one-line summary when all is well.
import { displayPath } from '../../config/inventory.js';
import { loadProject } from '../../config/load-project.js';
import { projectLoaders } from '../../config/project-loaders.js';

/** Validates the inventory, its check/service files (or --checks) and the test files of --tests, and prints a summary. */
export async function runValidate(opts: { inventory: string; checks?: string[] | undefined; strict?: boolean | undefined; tests?: string[] | undefined }): Promise<void> {
  const project = await loadProject({ inventory: opts.inventory, checks: opts.checks, strict: opts.strict ?? false, loaders: projectLoaders({ tests: opts.tests }) });
  for (const w of project.warnings) process.stderr.write(`warning: ${w}\n`);
  const inv = project.inventory;
  const groups = [...inv.groups.keys()].filter((g) => g !== 'all' && g !== 'ungrouped').length;
  const what = project.kind === 'ansible' ? ' (Ansible inventory)' : '';
  const parts = [`${plural(inv.hosts.length, 'host')}, ${plural(groups, 'group')}`];
  const c = project.checks;
  if (c) parts.push(`${plural(c.checks.length, 'check')}, ${plural(c.services.size, 'service')} in ${plural(c.files.length, 'file')}`);
  parts.push(...project.summaries);
  process.stdout.write(`${displayPath(inv.file)}${what}: OK · ${parts.join(' · ')}\n`);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
