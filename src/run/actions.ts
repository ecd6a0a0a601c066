// Actions after a check (Smoker's): on the host or on the controller, with the result as JSON and SMOKER_* vars.
import { resolve } from 'node:path';
import type { ActionDef } from '../config/check-types.js';
import { isPythonModuleName } from '../config/checks.js';
import type { ActionOutcome, CheckResult, Messages } from '../results/types.js';
import type { Status } from '../results/status.js';
import { shellQuote } from '../transport/shell-quote.js';
import type { Connection } from '../transport/types.js';
import type { HostModules } from './module-files.js';

/** Where an action can run: the checked host (its private module dir) or the controller. */
export interface ActionContext {
  conn: Connection;
  local: Connection;
  modules: HostModules;
  signal: AbortSignal | undefined;
}

/** The environment an action gets: SMOKER_HOST, SMOKER_CHECK, SMOKER_STATUS, SMOKER_MESSAGE, SMOKER_EXIT_CODE, SMOKER_NAGIOS_CODE. */
export function actionEnv(result: CheckResult): Record<string, string> {
  return {
    SMOKER_HOST: result.host,
    SMOKER_CHECK: result.check,
    SMOKER_STATUS: result.status,
    SMOKER_MESSAGE: summaryMessage(result.status, result.messages),
    SMOKER_EXIT_CODE: String(result.exitCode ?? ''),
    // Nagios' numbering, for send_nsca and friends.
    SMOKER_NAGIOS_CODE: String({ OK: 0, WARN: 1, ERROR: 2, UNKNOWN: 3 }[result.status]),
  };
}

/** One line for a monitoring system: the messages of the status' own level (else any), joined by "; ". */
function summaryMessage(status: Status, m: Messages): string {
  const own = status === 'OK' ? m.info : status === 'WARN' ? m.warn : m.error;
  const lines = own.length ? own : [...m.error, ...m.warn, ...m.info].slice(0, 1);
  return lines.join('; ').replace(/\s*\n\s*/g, ' ');
}

/** Runs an action with the check's result on stdin; its failure is recorded, never thrown. */
export async function runAction(action: ActionDef, result: CheckResult, ctx: ActionContext): Promise<ActionOutcome> {
  const conn = action.where === 'controller' ? ctx.local : ctx.conn;
  const failed = (status: Status, stderr: string): ActionOutcome => ({ name: action.name, where: action.where, exitCode: null, status, stdout: '', stderr, durationMs: 0 });
  if (action.module !== undefined && isPythonModuleName(action.module, action.baseDir)) {
    return failed('UNKNOWN', `module ${action.module} is a Python module of the Smoker daemon and cannot run`);
  }
  try {
    let command = action.command ?? '';
    if (action.module !== undefined) {
      const path = resolve(action.baseDir, action.module);
      // On the host, the script goes to the run's private temp dir, removed with the modules.
      command = action.where === 'controller' ? shellQuote(path) : (await ctx.modules.prepareFile(path)).command;
    }
    const { action: _ignored, ...plain } = result;
    const out = await conn.exec(command, { timeoutMs: action.timeoutMs, env: actionEnv(result), stdin: `${JSON.stringify(plain)}\n`, sudo: action.sudo, ...(ctx.signal ? { signal: ctx.signal } : {}) });
    return { name: action.name, where: action.where, exitCode: out.exitCode, status: out.exitCode === 0 ? 'OK' : 'ERROR', stdout: out.stdout, stderr: out.stderr, durationMs: out.durationMs };
  } catch (err) {
    return failed('ERROR', (err as Error).message);
  }
}
