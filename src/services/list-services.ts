// The services of `smoker services` and `smoker checks`: each definition with the selected hosts it runs on and the operations it has.
import type { ServiceDef } from '../config/check-types.js';
import type { HostConfig, Inventory } from '../config/types.js';
import { SERVICE_OPS, checkOperation, selectServiceHosts, type ServiceOp } from './operations.js';

/** One service, the selected hosts it runs on, and the operations its commands allow. */
export interface ListedService {
  def: ServiceDef;
  hosts: string[];
  operations: ServiceOp[];
}

/** Lists the services in definition order; with `dropIdle`, those on none of the selected hosts are left out. */
export function listServices(inventory: Inventory, selected: readonly HostConfig[], services: Iterable<ServiceDef>, dropIdle = false): ListedService[] {
  const out: ListedService[] = [];
  for (const def of services) {
    const hosts = selectServiceHosts(def, inventory, selected).map((h) => h.name);
    if (dropIdle && hosts.length === 0) continue;
    out.push({ def, hosts, operations: SERVICE_OPS.filter((op) => checkOperation(op, def) === undefined) });
  }
  return out;
}
