// The table of `smoker services` (and the services part of `smoker checks`): each service with its hosts, folded.
import { foldHosts } from '../config/ranges.js';
import { renderTable } from './table.js';

/** One row: the service, its `hosts:` pattern (undefined: every host), the hosts it runs on, its operations. */
export interface ServiceListRow {
  name: string;
  pattern: string | undefined;
  hosts: readonly string[];
  operations: readonly string[];
}

/** Renders the services as a table and a count line; call inside `withColor`. */
export function renderServicesTable(rows: readonly ServiceListRow[]): string {
  const body = rows.map((r) => [r.name, r.pattern ?? '(all)', r.hosts.length === 0 ? '(none)' : `${foldHosts(r.hosts)} (${r.hosts.length})`, r.operations.join(' ')]);
  return `${renderTable(['service', 'hosts:', 'runs on', 'operations'], body)}${rows.length} service${rows.length === 1 ? '' : 's'}\n`;
}
