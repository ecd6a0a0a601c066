// A started lab: its hosts, their servers, and the operations tests use (stop, start, exec, close).

import { rmSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { findLabProcesses } from './find-processes.js';
import { renderInventory } from './inventory.js';
import type { Isolation } from './isolation.js';
import { LabError } from './lab-error.js';
import type { LabPlan, ServerPlan } from './lab-plan.js';
import { renderNetworkTeardown, runIpBatch, runIpBatchSync } from './network.js';
import { killQuietly } from './process-info.js';
import { releaseLabId, unregisterLab, type ClosableLab } from './registry.js';
import { runCommand } from './run-command.js';
import { ServerProcess } from './server-process.js';
import { releaseSlots } from './slots.js';
import type { Lab, LabExecOptions, LabExecResult, LabHost, LabInventoryOptions } from './types.js';
import { waitForBanner } from './wait-banner.js';

/** What a RunningLab is made of; startLab fills it in. */
export interface LabSetup {
  id: string;
  dir: string;
  baseDir: string;
  isolation: Isolation;
  plan: LabPlan;
  user: string;
  clientKey: string;
  knownHosts: string;
  sshdPath: string;
  slots: number[];
  readyTimeoutMs: number;
}

/** The Lab implementation. */
export class RunningLab implements Lab, ClosableLab {
  readonly id: string;
  readonly mode: 'netns' | 'loopback';
  readonly hosts: LabHost[];
  readonly user: string;
  readonly clientKey: string;
  readonly knownHosts: string;
  readonly dir: string;
  private readonly servers = new Map<string, { plan: ServerPlan; process: ServerProcess | undefined }>();
  private readonly serverOf = new Map<string, string>();
  private closing: Promise<void> | undefined;

  constructor(private readonly setup: LabSetup) {
    this.id = setup.id;
    this.mode = setup.isolation === 'netns' ? 'netns' : 'loopback';
    this.user = setup.user;
    this.clientKey = setup.clientKey;
    this.knownHosts = setup.knownHosts;
    this.dir = setup.dir;
    for (const s of setup.plan.servers) this.servers.set(s.key, { plan: s, process: undefined });
    this.hosts = setup.plan.hosts.map((h) => {
      const server = this.servers.get(h.server)?.plan;
      this.serverOf.set(h.name, h.server);
      return { name: h.name, address: h.address, port: h.port, pid: 0, ...(server?.netns ? { netns: server.netns } : {}), dir: server?.dir ?? setup.dir };
    });
  }

  /** Starts every server and waits until all answer. */
  async startAll(): Promise<void> {
    await Promise.all([...this.servers.keys()].map((key) => this.startServer(key)));
  }

  host(name: string): LabHost {
    const host = this.hosts.find((h) => h.name === name);
    if (!host) throw new LabError('E_LAB_HOST', `no host ${JSON.stringify(name)} in lab ${this.id} (hosts: ${this.hosts.map((h) => h.name).join(', ')})`);
    return host;
  }

  inventoryYaml(opts?: LabInventoryOptions): string {
    return renderInventory(this, opts);
  }

  writeInventory(path = join(this.dir, 'inventory.yaml'), opts?: LabInventoryOptions): string {
    writeFileSync(path, this.inventoryYaml(opts));
    return path;
  }

  async stopHost(name: string): Promise<void> {
    const server = this.soleServer(name, 'stopHost');
    await server.process?.kill(true);
    server.process = undefined;
    this.host(name).pid = 0;
  }

  async startHost(name: string): Promise<void> {
    const server = this.soleServer(name, 'startHost');
    if (!server.process?.isRunning()) await this.startServer(server.plan.key);
  }

  async exec(name: string, cmd: string, opts: LabExecOptions = {}): Promise<LabExecResult> {
    const host = this.host(name);
    if (!host.pid) throw new LabError('E_LAB_HOST', `host ${name} of lab ${this.id} is stopped`);
    const run = { timeoutMs: opts.timeoutMs ?? 30_000, ...(opts.input === undefined ? {} : { input: opts.input }) };
    if (this.setup.isolation === 'none') return runCommand('/bin/sh', ['-c', cmd], run);
    return runCommand('nsenter', ['-t', String(host.pid), '-n', '-p', '-m', '-u', '--', '/bin/sh', '-c', cmd], run);
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      const plain = this.setup.isolation === 'none';
      await Promise.all([...this.servers.values()].map((s) => s.process?.kill(false)));
      if (plain) this.killSessions();
      await runIpBatch(this.teardownBatch(), true);
      await rm(this.dir, { recursive: true, force: true });
      this.forget();
    })();
    return this.closing;
  }

  closeSync(): void {
    if (this.closing) return;
    this.closing = Promise.resolve();
    for (const s of this.servers.values()) s.process?.killSync(false);
    if (this.setup.isolation === 'none') this.killSessions();
    runIpBatchSync(this.teardownBatch());
    rmSync(this.dir, { recursive: true, force: true });
    this.forget();
  }

  private async startServer(key: string): Promise<void> {
    const server = this.servers.get(key);
    if (!server) return;
    const s = server.plan;
    const proc = new ServerProcess({ dir: s.dir, ...(s.netns ? { netns: s.netns } : {}), ports: s.ports }, this.setup.isolation, this.setup.sshdPath);
    server.process = proc;
    const deadline = Date.now() + this.setup.readyTimeoutMs;
    while (!proc.hasExecdSshd() && !proc.failure() && Date.now() < deadline) await sleep(2);
    await Promise.all(s.probes.map((p) => waitForBanner(p.address, p.port, { deadline, failure: () => proc.failure() })));
    const unbound = proc.bindFailures();
    if (unbound) throw new LabError('E_LAB_START', `server ${key} of lab ${this.id} could not listen everywhere: ${unbound}`);
    for (const name of s.hostNames) this.host(name).pid = proc.initPid;
  }

  /** The server of a host that has one to itself (stopping a shared sshd would stop its other hosts). */
  private soleServer(name: string, op: string): { plan: ServerPlan; process: ServerProcess | undefined } {
    this.host(name);
    const server = this.servers.get(this.serverOf.get(name) ?? '');
    if (!server || server.plan.hostNames.length > 1) {
      throw new LabError('E_LAB_UNSUPPORTED', `${op}(${name}): the host shares its sshd with others (sharedSshd); stop is per host only without it`);
    }
    return server;
  }

  /** Plain mode: sessions sshd forked outlive it; find them by the lab dir or port and kill them. */
  private killSessions(): void {
    for (const pid of findLabProcesses(`${this.dir}/`, this.hosts.map((h) => h.port))) killQuietly(pid);
  }

  private teardownBatch(): string {
    const netns = [...this.servers.values()].map((s) => s.plan.netns).filter((n): n is string => !!n);
    const bridge = this.setup.plan.network?.bridge;
    return renderNetworkTeardown(netns, bridge ? [bridge] : []);
  }

  private forget(): void {
    releaseSlots(this.setup.baseDir, this.id, this.setup.slots);
    releaseLabId(this.id);
    unregisterLab(this);
  }
}
