// Builds a validated service definition from its raw form: wait conditions, logs, watchers, bounce.
import type { serviceSchema } from './checks-schema.js';
import { DEFAULT_WAIT_TIMEOUT_MS, type ServiceDef, type WaitCondition, type WatchDef } from './check-types.js';
import type { Infer } from './schema/types.js';
import { basename } from 'node:path';

type RawService = Infer<typeof serviceSchema>;

/** Turns a raw service into a frozen ServiceDef, or says what is missing. */
export function buildService(name: string, s: RawService, file: string, baseDir: string): { service: ServiceDef } | { error: string } {
  if (s.start === undefined && s.stop === undefined && s.status === undefined && (s.wait ?? []).length === 0) {
    return { error: 'a service needs at least one of start, stop, status, wait' };
  }
  const wait: WaitCondition[] = (s.wait ?? []).map((w) => {
    if (w.port !== undefined) return { kind: 'port', port: w.port, host: w.host ?? '127.0.0.1' };
    if (w.http !== undefined) return { kind: 'http', url: w.http };
    if (w.log !== undefined) return { kind: 'log', path: String(w.log.path), pattern: String(w.log.pattern) };
    return { kind: 'command', command: String(w.command) };
  });
  const logsRaw = s.logs as Record<string, string> | string[] | undefined;
  const logs: Record<string, string> = Array.isArray(logsRaw) ? Object.fromEntries(logsRaw.map((p) => [basename(p), p])) : { ...(logsRaw ?? {}) };
  const watchRaw = s.watch as { path: string; patterns?: string[]; name?: string } | { path: string; patterns?: string[]; name?: string }[] | undefined;
  const watch: WatchDef[] = (Array.isArray(watchRaw) ? watchRaw : watchRaw ? [watchRaw] : []).map((w) => ({ name: w.name ?? basename(w.path), path: w.path, patterns: w.patterns ?? [] }));
  for (const w of watch) {
    for (const p of w.patterns) {
      try {
        new RegExp(p);
      } catch (err) {
        return { error: `watch pattern ${JSON.stringify(p)} is not a valid regular expression: ${(err as Error).message}` };
      }
    }
  }
  const bounce = s.bounce as { serial?: number | string; pause?: number } | undefined;
  return {
    service: Object.freeze({
      name,
      file,
      baseDir,
      hosts: s.hosts,
      start: s.start,
      stop: s.stop,
      status: s.status,
      clean: s.clean,
      pidFile: s.pidFile,
      pids: s.pids,
      wait,
      waitTimeoutMs: s.waitTimeout ?? DEFAULT_WAIT_TIMEOUT_MS,
      logs,
      watch,
      bounce: { serial: bounce?.serial ?? 1, pauseMs: bounce?.pause ?? 0 },
      sudo: s.sudo ?? false,
      env: { ...(s.env ?? {}) },
    }),
  };
}
