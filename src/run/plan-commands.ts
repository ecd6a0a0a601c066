// `run --plan`: what each host would run, every template filled, without connecting.
import type { CheckDef } from '../config/check-types.js';
import type { HostConfig } from '../config/types.js';
import { placeholderValues, withMaintenanceGuard } from './check-runner.js';
import type { HostPlan } from './plan.js';
import { substituteCommand, UnknownPlaceholderError } from './substitute.js';

/** One check as a host would run it: the shell command (or the module and its parameters), or why it cannot be prepared. */
export interface PlannedCommand {
  check: string;
  command?: string;
  module?: string;
  params?: Record<string, unknown>;
  sudo: boolean;
  error?: string;
}

/** Each host of the plan with the commands its checks would run. */
export function planCommands(plan: readonly HostPlan[]): { host: string; commands: PlannedCommand[] }[] {
  return plan.map((p) => ({ host: p.host.name, commands: p.checks.map((c) => planCommand(c, p.host)) }));
}

function planCommand(check: CheckDef, host: HostConfig): PlannedCommand {
  const sudo = check.sudo ?? host.sudo;
  try {
    const { values, params } = placeholderValues(check, host);
    if (check.module !== undefined) return { check: check.name, module: check.module, params, sudo };
    return { check: check.name, command: withMaintenanceGuard(check, values, substituteCommand(check.command ?? '', values)), sudo };
  } catch (err) {
    return { check: check.name, sudo, error: err instanceof UnknownPlaceholderError ? err.message : (err as Error).message };
  }
}
