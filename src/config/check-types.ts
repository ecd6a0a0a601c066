// Validated check, action and service definitions: what the runner sees after load.
import type { Status } from '../results/status.js';

/** How a check names its parser: a name or path, or a spec object `{ type, ...options }`. */
export type ParserSpecValue = string | { type: string; [option: string]: unknown };

/** One check, templates applied, defaults filled. */
export interface CheckDef {
  readonly name: string;
  /** File the check was defined in, and the folder relative paths start from. */
  readonly file: string;
  readonly baseDir: string;
  readonly command: string | undefined;
  readonly module: string | undefined;
  readonly parser: ParserSpecValue;
  readonly timeoutMs: number;
  readonly hosts: string | undefined;
  readonly type: 'smokeTest' | 'healthCheck' | undefined;
  readonly category: string | undefined;
  readonly component: string | undefined;
  readonly action: string | undefined;
  readonly enabled: boolean;
  readonly maintenanceLock: string | undefined;
  readonly runOnLocked: boolean;
  readonly sudo: boolean | undefined;
  readonly retries: number;
  readonly params: Readonly<Record<string, unknown>>;
  readonly watch: string | undefined;
}

/** An action run after a check whose status is in `on`. */
export interface ActionDef {
  readonly name: string;
  readonly baseDir: string;
  readonly command: string | undefined;
  readonly module: string | undefined;
  readonly on: readonly Status[];
  readonly where: 'host' | 'controller';
  readonly timeoutMs: number;
  readonly sudo: boolean;
}

/** One wait condition of a service. */
export type WaitCondition =
  | { kind: 'port'; port: number; host: string }
  | { kind: 'http'; url: string }
  | { kind: 'log'; path: string; pattern: string }
  | { kind: 'command'; command: string };

/** A log the watcher tails while an operation runs. */
export interface WatchDef {
  readonly name: string;
  readonly path: string;
  readonly patterns: readonly string[];
}

/** A service (ducktape-style). */
export interface ServiceDef {
  readonly name: string;
  readonly file: string;
  readonly baseDir: string;
  readonly hosts: string | undefined;
  readonly start: string | undefined;
  readonly stop: string | undefined;
  readonly status: string | undefined;
  readonly clean: string | undefined;
  /** File holding the service's pid, for kill/signal. */
  readonly pidFile: string | undefined;
  /** Command printing the service's pids (one per line), for kill/signal. */
  readonly pids: string | undefined;
  readonly wait: readonly WaitCondition[];
  readonly waitTimeoutMs: number;
  /** Declared logs: name → path. */
  readonly logs: Readonly<Record<string, string>>;
  readonly watch: readonly WatchDef[];
  readonly bounce: { readonly serial: number | string; readonly pauseMs: number };
  readonly sudo: boolean;
  readonly env: Readonly<Record<string, string>>;
}

/** Everything loaded from the check files. */
export interface CheckSet {
  readonly files: readonly string[];
  readonly checks: readonly CheckDef[];
  readonly actions: ReadonlyMap<string, ActionDef>;
  readonly services: ReadonlyMap<string, ServiceDef>;
  readonly warnings: readonly string[];
}

export const DEFAULT_CHECK_TIMEOUT_MS = 30_000;
export const DEFAULT_WAIT_TIMEOUT_MS = 60_000;
