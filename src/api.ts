// The library surface (`import { loadInventory, runChecks } from 'smoker'`): what the CLI does, as typed functions.
import { loadChecks as loadCheckFiles } from './config/checks.js';
import type { CheckSet } from './config/check-types.js';
import { loadAnyInventory } from './config/load-any-inventory.js';
import { selectHostsStrict } from './config/patterns.js';
import { patternUniverse } from './config/pattern-universe.js';
import type { HostConfig, Inventory } from './config/types.js';
import { UsageError } from './errors.js';
import { didYouMean } from './config/suggest.js';
import type { RunReport } from './results/types.js';
import { runExec as runExecWith, type ExecOutcome, type ExecRequest } from './run/exec.js';
import { runChecks as runChecksWith, type RunRequest } from './run/run-checks.js';
import { runServiceOp, type ServiceOutcome, type ServiceRequest } from './services/operations.js';
import { Connector, type ConnectorOptions } from './transport/connector.js';
import { Session } from './session/session.js';
import type { OperationSink } from './session/sink.js';
import type { Connection } from './transport/types.js';

// ---- Configuration --------------------------------------------------------------------------

/** Loads an inventory file: a smoker inventory, or an Ansible one (INI or YAML) converted as the CLI does. Throws ConfigError with file:line:col. */
export async function loadInventory(path: string): Promise<Inventory> {
  return (await loadAnyInventory(path)).inventory;
}

/** Loads check files or folders (default: the inventory's `checks:` list). Throws ConfigError with file:line:col; `warnings` lists what loaded but cannot run. */
export function loadChecks(from: Inventory | string | readonly string[]): CheckSet {
  const paths = typeof from === 'string' ? [from] : isInventory(from) ? from.checks : from;
  if (paths.length === 0) throw new UsageError('no check files: the inventory has no checks: list');
  // With an inventory, hosts: patterns and templates are resolved for its hosts, as the CLI does.
  return loadCheckFiles(paths, typeof from !== 'string' && isInventory(from) ? { inventory: from } : {});
}

/** The hosts of an inventory a pattern selects (`web*,!web02`, groups, ranges, ~regex, an address), in inventory order; a term matching nothing throws. */
export function selectHosts(inventory: Inventory, pattern: string): HostConfig[] {
  const names = new Set(selectHostsStrict(pattern, patternUniverse(inventory)));
  return inventory.hosts.filter((h) => names.has(h.name));
}

// ---- Hosts ----------------------------------------------------------------------------------

/** Options of `connect`. */
export interface ConnectOptions extends Pick<ConnectorOptions, 'sshConfig' | 'retry'> {
  signal?: AbortSignal;
  /** Receives warnings (host key policy off, ~/.ssh/config problems); default: process.emitWarning. */
  warn?: (message: string) => void;
}

/** Opens one Connection to a host of the inventory (SSH or local), for exec/writeFile/download from a script or REPL; close() it when done. */
export async function connect(inventory: Inventory, host: string, opts: ConnectOptions = {}): Promise<Connection> {
  const h = inventory.hosts.find((x) => x.name === host);
  if (!h) throw new UsageError(`unknown host "${host}"${didYouMean(host, inventory.hosts.map((x) => x.name))}`);
  const connector = newConnector(inventory, opts);
  try {
    const conn = await connector.connect(h, opts.signal);
    // Closing the connection also closes any jump-host connection opened for it.
    const closeHost = conn.close.bind(conn);
    return Object.assign(conn, { close: async () => Promise.all([closeHost(), connector.close()]).then(() => undefined) });
  } catch (err) {
    await connector.close();
    throw err;
  }
}

/** A request whose `session` may be a whole Session (the operation is then merged into it) or one operation's sink. */
export type WithSession<R> = Omit<R, 'session'> & { session?: Session | OperationSink };

/** Runs checks on the inventory's hosts (all, or `req.hosts`) and returns the report; without a connector one is made and closed. */
export async function runChecks(req: WithSession<RunRequest>, connector?: Connector): Promise<RunReport> {
  return withConnector(req.inventory, connector, (c) => intoSession(req.session, 'run', (session) => runChecksWith({ ...bare(req), ...session }, c), (r) => r));
}

/** Runs one ad-hoc command on `req.hosts` (`smoker exec`); every host's outcome is a check named "exec". */
export async function runExec(req: WithSession<ExecRequest> & { inventory?: Inventory }, connector?: Connector): Promise<ExecOutcome> {
  return withConnector(req.inventory, connector, (c) => intoSession(req.session, 'exec', (session) => runExecWith({ ...bare(req), ...session }, c), (o) => o.report));
}

// ---- Services ---------------------------------------------------------------------------------

/** Runs a service operation (start, stop, status, wait, restart, bounce) on its hosts and returns the report (and the status rows or the roll). */
export async function runService(req: WithSession<ServiceRequest>, connector?: Connector): Promise<ServiceOutcome> {
  return withConnector(req.inventory, connector, (c) => intoSession(req.session, `${req.op} ${req.service.name}`, (session) => runServiceOp({ ...bare(req), ...session }, c), (o) => o.report));
}

/** Rolling restart (`smoker bounce`): batches of `serial` hosts stop, start and wait; a failed batch stops the roll. */
export async function bounce(req: Omit<WithSession<ServiceRequest>, 'op'>, connector?: Connector): Promise<ServiceOutcome> {
  return runService({ ...req, op: 'bounce' }, connector);
}

export { SERVICE_OPS, describeRoll, type ServiceOp, type ServiceRequest, type ServiceOutcome, type RollSummary, type CollectLogs } from './services/operations.js';
export { collectLogs, type CollectedLog } from './services/collect-logs.js';
export { renderTemplate } from './run/template-file.js';
export { hostPlaceholders } from './run/substitute.js';
export { LogFollow } from './transport/log-follow.js';
export type { CopyResult } from './transport/tree-copy.js';
export type { HostFiles, PathInfo } from './transport/host-files.js';
export { detectExceptions, ExceptionDetector, type Finding } from './watch/detect.js';
export { LogWatcher, type WatchTarget, type WatchResult } from './watch/watcher.js';

// ---- Re-exports -------------------------------------------------------------------------------

export { Connector, type ConnectorOptions } from './transport/connector.js';
export { renderReport, renderHuman, renderJson, renderTap, renderJunit, renderNagios, renderSummaryText, renderHtml, renderSummaryLine, nagiosExitCode, REPORT_FORMATS, type ReportFormat, type RenderOptions } from './report/index.js';
export { exitCodeFor } from './results/exit-code.js';
export { locateSession, readSession, type LoadedSession } from './results/session-reader.js';
export { SessionWriter } from './results/session-writer.js';
export { Session, openSession, type OpenSessionOptions, type Assertion } from './session/session.js';
export type { OperationSink } from './session/sink.js';
export type { TestResult, StepResult, TestStatus, TestCounts } from './results/test-types.js';
export { type FailOn } from './results/exit-code.js';
export { resolveParser, runParser, BUILTIN_PARSERS, type Parser, type ParserInput, type ParserSpec } from './parsers/index.js';
export { BUILTIN_MODULES, MODULE_CATALOG, type BuiltinModuleName, type ModuleDoc } from './modules/catalog.js';
export { ExitCode, SmokerError, ConfigError, UsageError, PatternError, TransportError, SessionError, type ConfigIssue, type SourcePos } from './errors.js';
export { STATUSES, worst, type Status } from './results/status.js';
export type { RunReport, HostResult, CheckResult, ComponentResult, ParsedResult, Messages, Metric, ActionOutcome } from './results/types.js';
export type { HostConfig, Inventory, GroupConfig } from './config/types.js';
export type { CheckDef, CheckSet, ActionDef, ServiceDef } from './config/check-types.js';
export type { Connection, CommandOutput, ExecOptions } from './transport/types.js';
export type { RunRequest } from './run/run-checks.js';
export type { ExecRequest, ExecOutcome } from './run/exec.js';
export type { CheckFilters } from './run/filters.js';
export { parseShard, formatShard, selectShard, type Shard } from './run/shard.js';
export { planMerge, type MergePlan } from './results/session-merge.js';
export { fromVagrantSshConfig, fromAnsibleInventory, loadAnsibleInventory, fromDucktapeCluster, looksLikeAnsibleInventory, toYaml, type Conversion, type SmokerInventoryDoc } from './interop/index.js';

function isInventory(x: Inventory | readonly string[]): x is Inventory {
  return !Array.isArray(x);
}

function newConnector(inventory: Inventory | undefined, opts: ConnectOptions = {}): Connector {
  return new Connector({
    ...(inventory ? { inventoryHosts: inventory.hosts } : {}),
    ...(opts.sshConfig !== undefined ? { sshConfig: opts.sshConfig } : {}),
    ...(opts.retry ? { retry: opts.retry } : {}),
    warn: opts.warn ?? ((m) => process.emitWarning(m, 'SmokerWarning')),
  });
}

/**
 * Runs one operation into a session: a Session gets a new operation whose final report is merged (and an
 * operation that throws is recorded as an ERROR on `controller` before the error goes on); a sink is used as is.
 */
async function intoSession<T>(given: Session | OperationSink | undefined, name: string, run: (s: { session?: OperationSink }) => Promise<T>, reportOf: (t: T) => RunReport): Promise<T> {
  if (!(given instanceof Session)) return run(given ? { session: given } : {});
  const op = given.operation(name);
  let out: T;
  try {
    out = await run({ session: op });
  } catch (err) {
    await given.addAssertion({ name, passed: false, message: `${name} failed: ${(err as Error).message}` });
    throw err;
  }
  await op.writeReport(reportOf(out));
  return out;
}

function bare<R extends { session?: unknown }>(req: R): Omit<R, 'session'> {
  const { session: _, ...rest } = req;
  return rest;
}

async function withConnector<T>(inventory: Inventory | undefined, given: Connector | undefined, body: (c: Connector) => Promise<T>): Promise<T> {
  const connector = given ?? newConnector(inventory);
  try {
    return await body(connector);
  } finally {
    if (!given) await connector.close();
  }
}
export { collectTests, loadTestFiles, validateTestPaths, type CollectRequest } from './config/test-collect.js';
export type { TestCase, TestSpec } from './config/test-types.js';
export { runTests, type RunTestsRequest } from './tests/run-tests.js';
