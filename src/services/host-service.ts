// A service as it runs on one host: placeholders ({{ host }}, vars) filled into commands, paths and URLs.
import type { ServiceDef, WaitCondition } from '../config/check-types.js';
import type { HostConfig } from '../config/types.js';
import { hostPlaceholders, substituteCommand, substituteRaw, UnknownPlaceholderError } from '../run/substitute.js';
import type { ExecOptions } from '../transport/types.js';
import type { WatchTarget } from '../watch/watcher.js';

/** A service's definition for one host, ready to run: its ServiceDef fields with the host's values filled in. */
export interface HostService extends Pick<ServiceDef, 'name' | 'start' | 'stop' | 'status' | 'clean' | 'pidFile' | 'pids' | 'wait' | 'waitTimeoutMs' | 'logs'> {
  readonly host: HostConfig;
  readonly watch: readonly WatchTarget[];
  /** env, sudo and the sudo password variable every command of the service runs with. */
  readonly execOptions: Pick<ExecOptions, 'env' | 'sudo' | 'sudoPasswordEnv'>;
}

/** Fills the host's values into the service; an unknown placeholder is an error naming it. */
export function resolveHostService(svc: ServiceDef, host: HostConfig): { service: HostService } | { error: string } {
  const values = hostPlaceholders(host);
  const raw = (s: string) => substituteRaw(s, values);
  const cmd = (s: string | undefined) => (s === undefined ? undefined : substituteCommand(s, values));
  try {
    const wait = svc.wait.map((w): WaitCondition => {
      switch (w.kind) {
        case 'port':
          return { ...w, host: raw(w.host) };
        case 'http':
          return { ...w, url: raw(w.url) };
        case 'log':
          return { ...w, path: raw(w.path), pattern: raw(w.pattern) };
        case 'command':
          return { ...w, command: cmd(w.command) ?? '' };
      }
    });
    const env = { ...host.env, ...Object.fromEntries(Object.entries(svc.env).map(([k, v]) => [k, raw(v)])) };
    const sudo = svc.sudo || host.sudo;
    return {
      service: {
        name: svc.name,
        host,
        start: cmd(svc.start),
        stop: cmd(svc.stop),
        status: cmd(svc.status),
        clean: cmd(svc.clean),
        pidFile: svc.pidFile === undefined ? undefined : raw(svc.pidFile),
        pids: cmd(svc.pids),
        wait,
        waitTimeoutMs: svc.waitTimeoutMs,
        logs: Object.fromEntries(Object.entries(svc.logs).map(([k, p]) => [k, raw(p)])),
        watch: svc.watch.map((w) => ({ name: w.name, path: raw(w.path), patterns: w.patterns })),
        execOptions: { env, sudo, ...(host.sudoPasswordEnv ? { sudoPasswordEnv: host.sudoPasswordEnv } : {}) },
      },
    };
  } catch (err) {
    if (err instanceof UnknownPlaceholderError) return { error: `service ${svc.name}: ${err.message}` };
    throw err;
  }
}
