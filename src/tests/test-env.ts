// What every verb of a running test shares: config, its hosts and connections, the step recorder, the signal.
import type { CheckSet, ServiceDef } from '../config/check-types.js';
import type { HostConfig, Inventory } from '../config/types.js';
import type { StepDef } from '../config/test-types.js';
import { hostPlaceholders, substituteRaw } from '../run/substitute.js';
import type { Connector } from '../transport/connector.js';
import type { Connection } from '../transport/types.js';
import type { TestSink } from './session-port.js';
import type { StepRecorder } from './step-recorder.js';
import type { TestHosts } from './test-hosts.js';

/** One test run's shared state. */
export interface TestEnv {
  readonly id: string;
  readonly inventory: Inventory;
  readonly checks: CheckSet;
  /** This test's own connector: its connections are nobody else's. */
  readonly connector: Connector;
  readonly hosts: TestHosts;
  readonly params: Readonly<Record<string, unknown>>;
  readonly recorder: StepRecorder;
  /** Writes the test's services/, watch/ and hosts/ under tests/<id>/; undefined without files. */
  readonly sink: TestSink | undefined;
  /** Folder relative paths of copy: start from (the test file's folder). */
  readonly baseDir: string;
  /** The signal of the running phase: aborted on the test's timeout or Ctrl-C (teardown has its own). */
  signal(): AbortSignal;
  /** Called before a step acts on a service's hosts: the test's log watcher starts following its logs. */
  watchService(svc: ServiceDef, hosts: readonly HostConfig[]): Promise<void>;
  /** The test's connection to a host (opened once). */
  conn(host: HostConfig): Promise<Connection>;
}

/** `{{ }}` values on a host: inventory vars, host, address, port, user, then the test's params. */
export function placeholders(env: Pick<TestEnv, 'params'>, host: HostConfig): Record<string, unknown> {
  return { ...hostPlaceholders(host), ...env.params };
}

/** Fills a step's text that is the same on every host (`on:`, a local path, expect patterns): inventory vars, then the test's params. */
export type StepText = (s: string | undefined) => string | undefined;

/** The filler of a step's host-independent text, as the runner and `--plan` both use it. */
export function stepText(env: { inventory: Pick<Inventory, 'vars'>; params: Readonly<Record<string, unknown>> }): StepText {
  const values = { ...env.inventory.vars, ...env.params };
  return (s) => (s === undefined ? undefined : substituteRaw(s, values));
}

/** A step's `on:` pattern, filled; undefined when it has none (every host of the test). */
export function stepOn(step: StepDef, text: StepText): string | undefined {
  return 'on' in step ? text(step.on) : undefined;
}
