// Handler of `smoker services`: each service with the hosts it runs on (folded) and its operations.
import { selectHostsStrict } from '../../config/patterns.js';
import type { CheckSet } from '../../config/check-types.js';
import type { Inventory } from '../../config/types.js';
import { SelectionError } from '../../errors.js';
import { detectColor, withColor } from '../../report/color.js';
import { renderServicesTable } from '../../report/services-table.js';
import { listServices, type ListedService } from '../../services/list-services.js';
import { hostUniverse } from '../host-universe.js';
import { loadConfig } from './load-config.js';

/** Options of the services handler. */
export interface ServicesListOptions {
  inventory: string;
  checks: string[] | undefined;
  pattern: string | undefined;
  output: 'table' | 'json';
}

/** Prints the services of the check files, with the hosts each runs on. */
export async function runServicesList(opts: ServicesListOptions): Promise<void> {
  const { inventory, checks } = await loadConfig(opts.inventory, opts.checks);
  for (const w of inventory.warnings) process.stderr.write(`warning: ${w}\n`);
  const listed = selectServices(inventory, checks, opts.pattern);
  if (listed.length === 0 && checks.services.size > 0) throw new SelectionError(`no service runs on the hosts -H "${opts.pattern}" selects`);
  if (opts.output === 'json') {
    process.stdout.write(`${JSON.stringify(listed.map(toJson), null, 2)}\n`);
    return;
  }
  process.stdout.write(renderServices(listed));
}

/** The services on the hosts -H selects (all services without -H). */
export function selectServices(inventory: Inventory, checks: CheckSet, pattern: string | undefined): ListedService[] {
  const names = pattern ? new Set(selectHostsStrict(pattern, hostUniverse(inventory))) : undefined;
  const hosts = inventory.hosts.filter((h) => !names || names.has(h.name));
  return listServices(inventory, hosts, checks.services.values(), names !== undefined);
}

/** The services table, coloured as stdout allows. */
export function renderServices(listed: readonly ListedService[]): string {
  const rows = listed.map(({ def, hosts, operations }) => ({ name: def.name, pattern: def.hosts, hosts, operations }));
  return withColor(detectColor(process.env, process.stdout.isTTY === true), () => renderServicesTable(rows));
}

function toJson({ def, hosts, operations }: ListedService): Record<string, unknown> {
  return { name: def.name, file: def.file, hostPattern: def.hosts ?? null, hosts, operations, wait: def.wait };
}
