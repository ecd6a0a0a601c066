// `smoker copy` / `smoker fetch`: files and trees to and from every selected host over SFTP, each host's outcome a check.
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { basename, join, posix } from 'node:path';
import type { HostConfig } from '../config/types.js';
import { UsageError } from '../errors.js';
import { buildHostResult } from '../results/aggregate.js';
import { safeName } from '../results/session-writer.js';
import type { CheckResult, HostResult, RunReport } from '../results/types.js';
import { emptyMessages } from '../results/types.js';
import type { OperationSink } from '../session/sink.js';
import type { Connector } from '../transport/connector.js';
import { intoDir, type CopyResult } from '../transport/tree-copy.js';
import type { Connection } from '../transport/types.js';
import { fanOut } from './fanout.js';
import { HostResultCollector } from './host-results.js';
import { runSignal } from './run-signal.js';

/** What to copy where: `copy` sends local sources to DEST on each host; `fetch` brings remote sources to DEST/<host>/. */
export interface TransferRequest {
  direction: 'copy' | 'fetch';
  hosts: readonly HostConfig[];
  sources: readonly string[];
  dest: string;
  forks?: number;
  signal?: AbortSignal;
  session?: OperationSink;
  onHostDone?: (h: HostResult) => void;
}

/** Checks the request before any host is touched: sources given, local ones existing (UsageError, exit 2). */
export function validateTransfer(req: Pick<TransferRequest, 'direction' | 'sources' | 'dest'>): void {
  if (req.sources.length === 0 || req.dest === '') throw new UsageError(`${req.direction}: expected ${req.direction === 'copy' ? 'SRC... DEST' : 'REMOTE... LOCALDIR'}`);
  if (req.direction === 'copy') {
    const missing = req.sources.filter((s) => !existsSync(s));
    if (missing.length) throw new UsageError(`copy: no such local file or directory: ${missing.join(', ')}`);
  }
}

/** Copies on every host (at most `forks` at once); returns the report with a `copy`/`fetch` check per host. */
export async function runTransfer(req: TransferRequest, connector: Connector): Promise<RunReport> {
  validateTransfer(req);
  const startedAt = new Date();
  const collector = new HostResultCollector(req.hosts.map((h) => h.name), startedAt, req.session, req.onHostDone);
  const run = runSignal(req.signal);
  await fanOut(req.hosts, connector, { ...(req.forks !== undefined ? { forks: req.forks } : {}), signal: run.signal, onHostDone: collector.record }, async (conn, host) => {
    const t0 = Date.now();
    const check = await transferOnHost(req, conn, host);
    const dir = await req.session?.checkDir(host.name, req.direction);
    if (dir) await writeFile(join(dir, 'result.json'), `${JSON.stringify(check, null, 2)}\n`);
    req.session?.log(`${host.name}: ${req.direction} ${check.status}`);
    return buildHostResult(host.name, [check], Date.now() - t0);
  }).finally(() => run.dispose());
  return collector.finish(new Date());
}

async function transferOnHost(req: TransferRequest, conn: Connection, host: HostConfig): Promise<CheckResult> {
  const startedAt = new Date();
  const messages = emptyMessages();
  const total: CopyResult = { files: 0, dirs: 0, bytes: 0 };
  for (const source of req.sources) {
    if (req.signal?.aborted) {
      messages.error.push('interrupted');
      break;
    }
    try {
      const [from, to] = req.direction === 'copy' ? [source, await uploadTarget(req, conn, source)] : [source, join(req.dest, safeName(host.name), basename(source.replace(/\/+$/, '')) || '_')];
      const r = req.direction === 'copy' ? await conn.upload(from, to) : await conn.fetch(from, to);
      total.files += r.files;
      total.dirs += r.dirs;
      total.bytes += r.bytes;
      messages.info.push(`${from} → ${to}: ${describeCopy(r)}`);
    } catch (err) {
      messages.error.push((err as Error).message);
    }
  }
  return {
    check: req.direction,
    host: host.name,
    status: messages.error.length ? (messages.error.includes('interrupted') ? 'UNKNOWN' : 'ERROR') : 'OK',
    messages,
    components: {},
    metrics: { files: { value: total.files }, dirs: { value: total.dirs }, bytes: { value: total.bytes, uom: 'B' } },
    exitCode: null,
    signal: null,
    durationMs: Date.now() - startedAt.getTime(),
    startedAt: startedAt.toISOString(),
    truncated: false,
    attempts: 1,
  };
}

/** DEST itself for one source (unless DEST ends in / or is a directory on the host); DEST/basename for several. */
async function uploadTarget(req: TransferRequest, conn: Connection, source: string): Promise<string> {
  if (req.sources.length > 1 || req.dest.endsWith('/')) return intoDir(req.dest, source);
  const there = await conn.files().stat(req.dest);
  return there?.kind === 'dir' ? intoDir(req.dest, source) : posix.normalize(req.dest);
}

/** `7 files, 5 dirs, 68.4 KiB`. */
export function describeCopy(r: CopyResult): string {
  const parts = [`${r.files} file${r.files === 1 ? '' : 's'}`];
  if (r.dirs) parts.push(`${r.dirs} dir${r.dirs === 1 ? '' : 's'}`);
  parts.push(formatBytes(r.bytes));
  return parts.join(', ');
}

function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let v = n / 1024;
  let i = 0;
  for (; v >= 1024 && i < units.length - 1; i++) v /= 1024;
  return `${v.toFixed(1)} ${units[i]}`;
}
