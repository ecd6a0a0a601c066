// `run --plan` for people: each host, then each check with the exact command it would run.
import type { PlannedCommand } from '../run/plan-commands.js';
import { escapeControls } from './text.js';

/** Renders the plan: `host`, then `  check: command` (module checks with their parameters, sudo marked, errors named). */
export function renderPlan(hosts: readonly { host: string; commands: readonly PlannedCommand[] }[]): string {
  const lines = hosts.flatMap((h) => [
    escapeControls(h.host),
    ...h.commands.map((c) => {
      const what = c.error !== undefined ? `ERROR: ${c.error}` : c.module !== undefined ? `module ${c.module} ${JSON.stringify(c.params ?? {})}` : (c.command ?? '');
      return `  ${escapeControls(c.check)}${c.sudo ? ' (sudo)' : ''}: ${escapeControls(what)}`;
    }),
  ]);
  const checks = hosts.reduce((n, h) => n + h.commands.length, 0);
  return `${[...lines, `plan: ${hosts.length} host${hosts.length === 1 ? '' : 's'}, ${checks} check${checks === 1 ? '' : 's'}; nothing was run`].join('\n')}\n`;
}
