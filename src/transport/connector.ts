// Opens connections for a run: local or SSH, through shared bastions, with retries; closes them all at the end.
import type { Client } from 'ssh2';
import type { Readable } from 'node:stream';
import type { HostConfig } from '../config/types.js';
import { TransportError } from '../errors.js';
import { DEFAULT_RETRY, withRetry, type RetryPolicy } from './backoff.js';
import { HandshakeGate } from './handshake-gate.js';
import { LocalConnection } from './local-connection.js';
import { Semaphore } from './semaphore.js';
import { loadSshConfig, type SshConfig } from './ssh-config.js';
import { endClient, SshConnection } from './ssh-connection.js';
import type { KeyStore } from './ssh-keys.js';
import { startProxyCommand } from './proxy-command.js';
import { parseJumpSpec, resolveTarget, type SshTarget } from './ssh-target.js';
import { killJobCommand } from './job-kill.js';
import type { Connection, OrphanedJob } from './types.js';
import { NO_TRACE, type ConnectTrace } from './connect-trace.js';

/** Connect timeout of the reconnect that kills orphaned commands: a host gone must not hold the run long. */
const REAP_CONNECT_MS = 5_000;
/** Time the orphans' kill may take on the host. */
const REAP_KILL_MS = 10_000;

/** Options of a connector. */
export interface ConnectorOptions {
  /** A loaded ~/.ssh/config, false to ignore it, undefined to load the user's. */
  sshConfig?: SshConfig | false;
  /** Inventory hosts, so a jump host named like one of them uses its settings. */
  inventoryHosts?: readonly HostConfig[];
  retry?: RetryPolicy;
  /** Receives warnings (host key policy off, ssh config problems), each message once. */
  warn?: (message: string) => void;
  /** Concurrent handshakes through one bastion (under sshd's MaxStartups default of 10). */
  bastionHandshakes?: number;
  /** Receives -v/-vv connection detail: address, jump, host key, auth, phase timings (default: none). */
  trace?: ConnectTrace;
}

type OpenClient = typeof import('./ssh-client.js').openClient;

interface Bastion {
  client: Promise<Client>;
  throttle: Semaphore;
}

/** Creates connections for one run and owns the shared bastion connections. */
export class Connector {
  private loadedSshConfig: SshConfig | false | undefined;
  private sshStack: Promise<{ openClient: OpenClient; keys: KeyStore }> | undefined;
  private readonly bastions = new Map<string, Bastion>();
  private readonly warned = new Set<string>();
  private readonly byName: Map<string, HostConfig>;
  /** Paces handshakes per server and for the run, slowing down when sshd drops them (MaxStartups). */
  private readonly gate = new HandshakeGate();

  constructor(private readonly opts: ConnectorOptions = {}) {
    this.byName = new Map((opts.inventoryHosts ?? []).map((h) => [h.name, h]));
  }

  /** ~/.ssh/config, read on first use (a local-only run never reads it). */
  private get sshConfig(): SshConfig | undefined {
    if (this.loadedSshConfig === undefined) {
      this.loadedSshConfig = this.opts.sshConfig ?? loadSshConfig();
      if (this.loadedSshConfig) for (const w of this.loadedSshConfig.warnings) this.warn(w);
    }
    return this.loadedSshConfig || undefined;
  }

  /** ssh2 and the key store, imported on the first SSH host so local runs start fast. */
  private ssh(): Promise<{ openClient: OpenClient; keys: KeyStore }> {
    this.sshStack ??= Promise.all([import('./ssh-client.js'), import('./ssh-keys.js')]).then(([c, k]) => ({ openClient: c.openClient, keys: new k.KeyStore() }));
    return this.sshStack;
  }

  private warn(message: string): void {
    if (this.warned.has(message)) return;
    this.warned.add(message);
    this.opts.warn?.(message);
  }

  /** Opens the one connection a host gets for this run. */
  async connect(h: HostConfig, signal?: AbortSignal): Promise<Connection> {
    if (h.transport === 'local') return new LocalConnection(h.name, h.maxChannels, h.env);
    const target = resolveTarget(h, this.sshConfig);
    const client = await this.openThroughJumps(target, signal);
    const conn = new SshConnection(h.name, client, h.maxChannels);
    conn.trace = this.opts.trace ?? NO_TRACE;
    return conn;
  }

  /**
   * Kills commands a lost connection left running (no pty, so nothing sends them SIGHUP) over a new
   * connection: one try, bounded, best effort. A host that is down took them with it anyway.
   */
  async reap(h: HostConfig, orphans: readonly OrphanedJob[]): Promise<void> {
    if (h.transport === 'local' || !orphans.length) return;
    let conn: SshConnection | undefined;
    try {
      const t = resolveTarget(h, this.sshConfig);
      const target = { ...t, connectTimeoutMs: Math.min(t.connectTimeoutMs, REAP_CONNECT_MS) };
      conn = new SshConnection(h.name, await this.openThroughJumps(target, undefined, { attempts: 1, baseMs: 0 }), 1);
      for (const sudo of [false, true]) {
        const mine = orphans.filter((o) => o.sudo === sudo);
        if (!mine.length) continue;
        const passwordEnv = mine.find((o) => o.sudoPasswordEnv)?.sudoPasswordEnv;
        await conn.exec(killJobCommand({ jobs: mine.map((o) => o.job) }), { sudo, ...(passwordEnv ? { sudoPasswordEnv: passwordEnv } : {}), timeoutMs: REAP_KILL_MS });
      }
    } catch {
      // Unreachable now: nothing more to do (the host's result already says the connection was lost).
    } finally {
      await conn?.close();
    }
  }

  /** The SSH target of a host (for display and tests). */
  targetOf(h: HostConfig): SshTarget {
    return resolveTarget(h, this.sshConfig);
  }

  private async openThroughJumps(target: SshTarget, signal?: AbortSignal, retry?: RetryPolicy): Promise<Client> {
    const { openClient, keys } = await this.ssh();
    const ctx = this.clientContext(keys);
    return withRetry(
      async () => {
        const server = `${target.jump.length ? `${target.jump.join(',')}>` : ''}${target.host}:${target.port}`;
        const proxy = target.proxyCommand;
        if (proxy !== undefined) return this.gate.through(server, () => openThroughProxyCommand(openClient, target, proxy, ctx));
        if (target.jump.length === 0) return this.gate.through(server, () => openClient(target, ctx));
        const bastion = this.bastion(target.jump, target);
        // Hold a handshake slot from forwardOut until the target is authenticated.
        return bastion.throttle.run(async () => {
          const sock = await forward(await bastion.client, target);
          return this.gate.through(server, () => openClient(target, ctx, sock));
        });
      },
      retry ?? this.opts.retry ?? DEFAULT_RETRY,
      signal,
    );
  }

  private clientContext(keys: KeyStore): Parameters<OpenClient>[1] {
    return { keys, warn: (m: string) => this.warn(m), ...(this.opts.trace ? { trace: this.opts.trace } : {}) };
  }

  /** The shared connection to the last hop of a jump chain (each hop through the previous). */
  private bastion(chain: readonly string[], via: SshTarget): Bastion {
    const key = chain.join(',');
    const known = this.bastions.get(key);
    if (known) return known;
    const spec = chain[chain.length - 1] ?? '';
    const hop = this.jumpTarget(spec, via);
    const client =
      chain.length === 1
        ? this.openThroughJumps({ ...hop, jump: [] })
        : (async () => {
            const prev = this.bastion(chain.slice(0, -1), via);
            const { openClient, keys } = await this.ssh();
            return prev.throttle.run(async () => openClient(hop, this.clientContext(keys), await forward(await prev.client, hop)));
          })();
    const b: Bastion = { client, throttle: new Semaphore(this.opts.bastionHandshakes ?? 8) };
    // A failed bastion is not cached, so a later host may try again.
    client.catch(() => this.bastions.delete(key));
    this.bastions.set(key, b);
    return b;
  }

  private jumpTarget(spec: string, via: SshTarget): SshTarget {
    const { user, host, port } = parseJumpSpec(spec);
    const inv = this.byName.get(host);
    if (inv) {
      const t = resolveTarget(inv, this.sshConfig);
      return { ...t, jump: [], ...(user ? { user } : {}), ...(port ? { port } : {}) };
    }
    // A hop outside the inventory uses the keys given for jump hops (jumpIdentityFile), else the target's own.
    const keys = via.jumpIdentityFiles.length ? via.jumpIdentityFiles : via.identityFiles;
    const fromConfig = resolveTarget(
      { ...hostStub(host), ...(user ? { user } : {}), ...(port ? { port } : {}), identityFile: keys, knownHosts: via.knownHosts, hostKeyPolicy: via.hostKeyPolicy, connectTimeoutMs: via.connectTimeoutMs },
      this.sshConfig,
    );
    return { ...fromConfig, name: `jump ${spec}`, user: user ?? fromConfig.user, jump: [] };
  }

  /** Closes every bastion connection. */
  async close(): Promise<void> {
    const all = [...this.bastions.values()];
    this.bastions.clear();
    await Promise.all(
      all.map(async (b) => {
        const client = await b.client.catch(() => undefined);
        if (client) endClient(client);
      }),
    );
  }
}

// Runs the ProxyCommand and speaks SSH over its pipes; the proxy ends with the connection. A proxy that exits
// before the handshake is the error reported (with what it printed), as ssh reports it.
async function openThroughProxyCommand(openClient: OpenClient, target: SshTarget, command: string, ctx: Parameters<OpenClient>[1]): Promise<Client> {
  const proxy = startProxyCommand(command);
  try {
    const client = await openClient(target, ctx, proxy.sock);
    client.once('close', () => proxy.kill());
    return client;
  } catch (err) {
    const ended = await Promise.race([proxy.exited, new Promise<undefined>((r) => setTimeout(r, 300, undefined))]);
    proxy.kill();
    if (ended === undefined || ended === 'exited with code 0') throw err;
    const said = proxy.stderr();
    throw new TransportError(`${target.name}: ProxyCommand "${command}" ${ended}${said ? `: ${said.split('\n').slice(-3).join(' / ')}` : ''}`, { code: 'E_PROXY', cause: err });
  }
}

function forward(client: Client, t: SshTarget): Promise<Readable> {
  return new Promise((resolve, reject) => {
    client.forwardOut('127.0.0.1', 0, t.host, t.port, (err, stream) => {
      if (err) reject(new TransportError(`${t.name}: jump host could not reach ${t.host}:${t.port}: ${err.message}`, { code: 'E_JUMP', retryable: /refused|reset/i.test(err.message) }));
      else resolve(stream);
    });
  });
}

function hostStub(name: string): HostConfig {
  return {
    name,
    address: name,
    addressSet: false,
    port: undefined,
    user: undefined,
    identityFile: [],
    passwordEnv: undefined,
    passphraseEnv: undefined,
    jump: [],
    hostKeyPolicy: undefined,
    knownHosts: [],
    connectTimeoutMs: 10_000,
    transport: 'ssh',
    sudo: false,
    sudoPasswordEnv: undefined,
    maxChannels: 8,
    env: {},
    vars: {},
    groups: [],
  };
}
