// Runs one check on one host: substitution, maintenance lock, module upload, retries, parsing, action.
import { join } from 'node:path';
import type { ActionDef, CheckDef } from '../config/check-types.js';
import { isPythonModuleName } from '../config/checks.js';
import type { HostConfig } from '../config/types.js';
import { TransportError } from '../errors.js';
import { runParser, type Parser } from '../parsers/index.js';
import type { CheckResult, ParsedResult } from '../results/types.js';
import { emptyMessages } from '../results/types.js';
import { shellQuote } from '../transport/shell-quote.js';
import type { CommandOutput, Connection, ExecOptions } from '../transport/types.js';
import { runAction } from './actions.js';
import type { HostModules } from './module-files.js';
import { hostPlaceholders, paramEnvName, substituteCommand, substituteRaw, UnknownPlaceholderError, valueText } from './substitute.js';
import { tail } from './exec.js';
import { writeResultFile } from '../results/results-write-error.js';

const LOCKED = '\u001eSMOKER-LOCKED';

/** What a check needs from the run around it. */
export interface CheckContext {
  conn: Connection;
  host: HostConfig;
  modules: HostModules;
  parser: Parser;
  action: ActionDef | undefined;
  /** Folder for stdout/stderr/result.json, when a session is written. */
  dir: string | undefined;
  signal: AbortSignal | undefined;
  /** Runs on the controller, for `where: controller` actions. */
  local: Connection;
  /** Told when the host's connection died under this check (the host is then reported with what finished). */
  onConnectionLost?: (message: string) => void;
}

/** Values available as {{ name }}: params (themselves substituted), inventory vars and the host's own. */
export function placeholderValues(check: CheckDef, host: HostConfig): { values: Record<string, unknown>; params: Record<string, unknown> } {
  const hostValues = hostPlaceholders(host);
  const params: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(check.params)) params[k] = typeof v === 'string' ? substituteRaw(v, hostValues) : v;
  return { values: { ...hostValues, ...params }, params };
}

function resultOf(check: CheckDef, host: HostConfig, parsed: ParsedResult, out: CommandOutput | undefined, attempts: number, params: Record<string, unknown>): CheckResult {
  return {
    ...parsed,
    check: check.name,
    host: host.name,
    ...(check.type ? { type: check.type } : {}),
    ...(check.category ? { category: check.category } : {}),
    ...(check.component ? { component: check.component } : {}),
    exitCode: out?.exitCode ?? null,
    signal: out?.signal ?? null,
    durationMs: out?.durationMs ?? 0,
    startedAt: out?.startedAt ?? new Date().toISOString(),
    truncated: out?.truncated ?? false,
    attempts,
    params,
    ...(out ? { stdoutTail: tail(out.stdout), stderrTail: tail(out.stderr) } : {}),
  };
}

function failed(status: CheckResult['status'], message: string): ParsedResult {
  const messages = emptyMessages();
  (status === 'WARN' ? messages.warn : messages.error).push(message);
  return { status, messages, components: {}, metrics: {} };
}

function isConnectionLost(err: TransportError): boolean {
  return err.code === 'E_CONNECTION_LOST' || /connection lost/i.test(err.message);
}

/** A check's command behind its maintenance-lock guard (when it has one): exits OK, "locked", while the lock file exists. */
export function withMaintenanceGuard(check: CheckDef, values: Readonly<Record<string, unknown>>, command: string): string {
  if (!check.maintenanceLock || check.runOnLocked) return command;
  const lock = shellQuote(substituteRaw(check.maintenanceLock, values));
  return `if [ -e ${lock} ]; then printf '%s\\n' '${LOCKED}'; exit 0; fi; ${command}`;
}

/** Runs a check and returns its result (also as result.json in the session); never throws for the check's own failures. */
export async function runCheck(check: CheckDef, ctx: CheckContext): Promise<CheckResult> {
  const result = await executeCheck(check, ctx);
  if (ctx.dir) await writeResultFile(join(ctx.dir, 'result.json'), `${JSON.stringify(result, null, 2)}\n`);
  return result;
}

async function executeCheck(check: CheckDef, ctx: CheckContext): Promise<CheckResult> {
  let values: Record<string, unknown>;
  let params: Record<string, unknown>;
  let command: string;
  let stdin: string | undefined;
  const env: Record<string, string> = { ...ctx.host.env };
  try {
    ({ values, params } = placeholderValues(check, ctx.host));
    if (check.module !== undefined) {
      if (isPythonModuleName(check.module, check.baseDir)) {
        return resultOf(check, ctx.host, failed('UNKNOWN', `module ${check.module} is a Python module of the Smoker daemon and cannot run over SSH`), undefined, 0, params);
      }
      command = (await ctx.modules.prepare(check)).command;
      stdin = JSON.stringify(params);
      for (const [k, v] of Object.entries(params)) env[paramEnvName(k)] = valueText(v);
    } else {
      command = substituteCommand(check.command ?? '', values);
    }
    command = withMaintenanceGuard(check, values, command);
  } catch (err) {
    const msg = err instanceof UnknownPlaceholderError ? err.message : `cannot prepare check: ${(err as Error).message}`;
    return resultOf(check, ctx.host, failed('ERROR', msg), undefined, 0, {});
  }

  const opts: ExecOptions = {
    timeoutMs: check.timeoutMs,
    env,
    // A check's command ends with its output (nothing left running): it may share a session with the host's other checks.
    shareSession: true,
    sudo: check.sudo ?? ctx.host.sudo,
    ...(ctx.host.sudoPasswordEnv ? { sudoPasswordEnv: ctx.host.sudoPasswordEnv } : {}),
    ...(stdin !== undefined ? { stdin } : {}),
    ...(ctx.signal ? { signal: ctx.signal } : {}),
    ...(ctx.dir ? { stdoutFile: join(ctx.dir, 'stdout'), stderrFile: join(ctx.dir, 'stderr') } : {}),
  };
  let attempts = 0;
  let out: CommandOutput | undefined;
  let parsed: ParsedResult;
  for (;;) {
    attempts++;
    try {
      out = await ctx.conn.exec(command, opts);
    } catch (err) {
      if (!(err instanceof TransportError)) throw err;
      out = undefined;
      if (isConnectionLost(err)) {
        // The host's failure too (exit 3), but the checks that finished there keep their results.
        ctx.onConnectionLost?.(err.message);
        parsed = failed('ERROR', err.code === 'E_CONNECTION_LOST' ? `connection lost while running: ${err.message}` : `not run: ${err.message}`);
        break;
      }
      parsed = failed('ERROR', `cannot run the command: ${err.message}`);
      break;
    }
    if (out.stdout.startsWith(LOCKED)) {
      parsed = failed('WARN', 'skipped: maintenance in progress');
      break;
    }
    parsed = out.aborted ? failed('UNKNOWN', 'interrupted') : await runParser(ctx.parser, { stdout: out.stdout, stderr: out.stderr, exitCode: out.exitCode, signal: out.signal, timedOut: out.timedOut, params, timeoutMs: check.timeoutMs, truncated: out.truncated });
    if (parsed.status === 'OK' || attempts > check.retries || out.aborted) break;
  }
  const result = resultOf(check, ctx.host, parsed, out, attempts, params);
  if (ctx.action && ctx.action.on.includes(result.status) && !out?.aborted) {
    result.action = await runAction(ctx.action, result, ctx);
  }
  return result;
}
