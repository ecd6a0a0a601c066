// The table `smoker hosts` prints: resolved connection settings, secrets never shown.
import { withColor } from './color.js';
import { renderTable } from './table.js';
import { escapeControls } from './text.js';

/** What the hosts table shows of a resolved host (a `HostConfig` fits as is). */
export interface HostRow {
  name: string;
  address?: string;
  port?: number | undefined;
  user?: string | undefined;
  transport?: string;
  jump?: readonly string[];
  identityFile?: readonly string[];
  /** Name of the variable holding the password: shown as `$NAME`, its value never. */
  passwordEnv?: string | undefined;
  hostKeyPolicy?: string | undefined;
  groups?: readonly string[];
}

/** Renders resolved hosts as a table (fitted to `width` when given): host, address, port, user, transport, jump, auth, host keys, groups. */
export function renderHostsTable(rows: readonly HostRow[], opts: { color?: boolean; width?: number | undefined } = {}): string {
  const head = ['HOST', 'ADDRESS', 'PORT', 'USER', 'TRANSPORT', 'JUMP', 'AUTH', 'HOST KEYS', 'GROUPS'];
  const body = rows.map((r) => [
    escapeControls(r.name),
    escapeControls(r.address ?? r.name),
    r.port === undefined ? '' : String(r.port),
    r.user ?? '',
    r.transport ?? 'ssh',
    (r.jump ?? []).join(','),
    describeAuth(r),
    r.transport === 'local' ? '' : r.hostKeyPolicy ?? 'strict',
    (r.groups ?? []).join(','),
  ]);
  return withColor(opts.color ?? false, () => renderTable(head, body, { width: opts.width }));
}

/** Describes how a host authenticates, naming files and variables, never secrets. */
function describeAuth(row: HostRow): string {
  if (row.transport === 'local') return '';
  const ways = (row.identityFile ?? []).map((f) => `key ${f}`);
  if (row.passwordEnv) ways.push(`password $${row.passwordEnv}`);
  return ways.length ? ways.join('\n') : 'agent';
}
