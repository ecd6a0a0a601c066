// The table `smoker status SERVICE` prints: the service's state on every host.
import kleur from 'kleur';
import { withColor } from './color.js';
import { renderTable } from './table.js';

/** A service's state on one host: `status` exited 0, exited non-zero, could not run, or the host was unreachable. */
export type ServiceState = 'running' | 'stopped' | 'unknown' | 'unreachable';

/** One row of the service status table. */
export interface ServiceStatusRow {
  service: string;
  host: string;
  state: ServiceState;
  /** First line of the status output, or the error. */
  detail?: string;
}

const STATE_COLOR: Record<ServiceState, (text: string) => string> = {
  running: (t) => kleur.green(t),
  stopped: (t) => kleur.red(t),
  unknown: (t) => kleur.magenta(t),
  unreachable: (t) => kleur.red(t),
};

/** Renders service states as a table (fitted to `width` when given): service, host, coloured state, detail. */
export function renderStatusTable(rows: readonly ServiceStatusRow[], opts: { color?: boolean; width?: number | undefined } = {}): string {
  return withColor(opts.color ?? false, () => renderTable(
    ['SERVICE', 'HOST', 'STATE', 'DETAIL'],
    rows.map((r) => [r.service, r.host, STATE_COLOR[r.state](r.state), r.detail ?? '']),
    { width: opts.width },
  ));
}
