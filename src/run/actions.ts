// Actions after a check (Smoker's): on the host or on the controller, with the result as JSON and SMOKER_* vars.
import { resolve } from 'node:path';
import { readFile } from 'node:fs/promises';
import type { ActionDef } from '../config/check-types.js';
import type { ActionOutcome, CheckResult } from '../results/types.js';
import { shellQuote } from '../transport/shell-quote.js';
import type { Connection } from '../transport/types.js';

/** Runs an action with the check's result on stdin; its failure is recorded, never thrown. */
export async function runAction(action: ActionDef, result: CheckResult, ctx: { conn: Connection; local: Connection; signal: AbortSignal | undefined }): Promise<ActionOutcome> {
  const conn = action.where === 'controller' ? ctx.local : ctx.conn;
  const first = result.messages.error[0] ?? result.messages.warn[0] ?? result.messages.info[0] ?? '';
  const env: Record<string, string> = {
    SMOKER_HOST: result.host,
    SMOKER_CHECK: result.check,
    SMOKER_STATUS: result.status,
    SMOKER_MESSAGE: first,
    SMOKER_EXIT_CODE: String(result.exitCode ?? ''),
    // Nagios' numbering, for send_nsca and friends.
    SMOKER_NAGIOS_CODE: String({ OK: 0, WARN: 1, ERROR: 2, UNKNOWN: 3 }[result.status]),
  };
  let command = action.command ?? '';
  try {
    if (action.module !== undefined) {
      const path = resolve(action.baseDir, action.module);
      if (action.where === 'controller') command = shellQuote(path);
      else {
        const remote = `/tmp/smoker-action-${process.pid}-${Date.now()}`;
        await conn.writeFile(remote, await readFile(path), 0o700);
        command = `${shellQuote(remote)}; rc=$?; rm -f ${shellQuote(remote)}; exit $rc`;
      }
    }
    const { action: _ignored, ...plain } = result;
    const out = await conn.exec(command, { timeoutMs: action.timeoutMs, env, stdin: `${JSON.stringify(plain)}\n`, sudo: action.sudo, ...(ctx.signal ? { signal: ctx.signal } : {}) });
    return { name: action.name, where: action.where, exitCode: out.exitCode, status: out.exitCode === 0 ? 'OK' : 'ERROR', stdout: out.stdout, stderr: out.stderr, durationMs: out.durationMs };
  } catch (err) {
    return { name: action.name, where: action.where, exitCode: null, status: 'ERROR', stdout: '', stderr: (err as Error).message, durationMs: 0 };
  }
}
