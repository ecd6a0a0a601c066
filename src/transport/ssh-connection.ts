// A Connection over one ssh2 client: every command is a channel, at most maxChannels at once.
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { Client, ClientChannel, SFTPWrapper } from 'ssh2';
import { TransportError } from '../errors.js';
import { superviseCommand, type RunningProcess } from './command-run.js';
import { killJobCommand, newJobId, withJob, type KillTarget } from './job-kill.js';
import { wrapCommand } from './remote-command.js';
import type { HostFiles } from './host-files.js';
import { ConnectionOps } from './connection-ops.js';
import { sftpFiles } from './sftp-files.js';
import { readSecret } from './secrets.js';
import { Semaphore } from './semaphore.js';
import { SharedSessionPool } from './shared-pool.js';
import { newNonce, SharedSession } from './shared-session.js';
import { sharedShellCommand } from './shared-shell.js';
import { feedStdin } from './stdin-feed.js';
import type { CommandOutput, Connection, ExecOptions, OrphanedJob } from './types.js';
import { msSince, NO_TRACE, type ConnectTrace } from './connect-trace.js';

/** How a remote command ended (exit status, or the signal that killed it). */
interface ExitStatus {
  exitCode: number | null;
  signal: string | null;
}

/** A channel with its exit status recorded from the moment it opened. */
interface OpenedChannel {
  channel: ClientChannel;
  status: ExitStatus;
  closed: Promise<void>;
}

/** An open SSH connection to one host. */
export class SshConnection extends ConnectionOps implements Connection {
  private readonly channels: Semaphore;
  private readonly killSlot = new Semaphore(1);
  private sftpSession: Promise<SFTPWrapper> | undefined;
  private sftpUsers = 0;
  private closedError: Error | undefined;
  private readonly onCloseCallbacks = new Set<() => void>();
  /** Sessions shared by commands that allow it; each holds a channel slot while open. */
  private readonly shared: SharedSessionPool;
  private readonly lostJobs: OrphanedJob[] = [];
  /** Receives -vv lines for each command: channel open, start, exit, with timings (never the command text). */
  trace: ConnectTrace = NO_TRACE;

  constructor(
    readonly host: string,
    private readonly client: Client,
    maxChannels: number,
    private readonly release: () => void = () => endClient(client),
  ) {
    super();
    this.channels = new Semaphore(maxChannels);
    this.shared = new SharedSessionPool(this.channels, (onChange) => this.openShared(onChange), () => this.closeIdleSftp());
    const markClosed = (err?: Error) => {
      this.closedError ??= err ?? new Error('connection closed');
      for (const cb of this.onCloseCallbacks) cb();
    };
    client.on('close', () => markClosed());
    client.on('error', (err) => markClosed(err));
  }

  /** Runs a command in a new channel; its failure is a value, a dead connection a TransportError. */
  async exec(command: string, opts: ExecOptions = {}): Promise<CommandOutput> {
    if (this.mayShare(opts)) return this.execShared(command, opts);
    const password = opts.sudo && opts.sudoPasswordEnv ? readSecret(opts.sudoPasswordEnv) : undefined;
    const asked = performance.now();
    const release = await this.acquireSlot();
    try {
      const startedAt = new Date();
      const job = newJobId();
      const opened = await this.openChannel(wrapCommand(command, { ...opts, env: withJob(opts.env, job) }, password));
      const { channel } = opened;
      // The command text is not shown: it may carry env values or a sudo password prompt's answer.
      this.say(`channel open in ${msSince(asked)}, command ${job} started${opts.sudo ? ' under sudo' : ''}`);
      const proc = this.toProcess(opened, job, opts, password);
      if (password !== undefined) channel.write(`${password}\n`);
      // A fast command's channel may be closed already: ending it then would only build a throwaway error.
      if (!channel.destroyed) feedStdin(channel, opts);
      const out = await superviseCommand(proc, opts, startedAt, true);
      this.say(`command ${job} ${describeEnd(out)} after ${msSince(asked)}`);
      if (proc.connectionLost()) {
        // Its kill (if any) may not have reached the host either.
        this.lostJobs.push({ job, sudo: opts.sudo ?? false, sudoPasswordEnv: opts.sudoPasswordEnv });
        if (!out.timedOut && !out.aborted) throw this.lostWhileRunning();
      }
      return out;
    } finally {
      release();
    }
  }

  /** Whether a command goes to a shared session: allowed, no stdin or sudo, and for `'idle'` a session with nothing to do. */
  private mayShare(opts: ExecOptions): boolean {
    if (!opts.shareSession || opts.stdin !== undefined || opts.stdinFile !== undefined || opts.sudo) return false;
    return opts.shareSession !== 'idle' || this.shared.hasIdle();
  }

  async warm(): Promise<void> {
    await this.shared.warm().catch(() => undefined);
  }

  /** Runs a command in a shared session; one sent to a session that died before it began is sent again. */
  private async execShared(command: string, opts: ExecOptions): Promise<CommandOutput> {
    for (;;) {
      const asked = performance.now();
      const proc = await this.shared.send(command, opts);
      this.say(`command ${proc.jobId} started on a shared session in ${msSince(asked)}`);
      let lost = false;
      const onDead = () => (lost = true);
      this.onCloseCallbacks.add(onDead);
      const out = await superviseCommand(proc, opts, new Date(), false).finally(() => this.onCloseCallbacks.delete(onDead));
      this.say(`command ${proc.jobId} ${describeEnd(out)} after ${msSince(asked)}`);
      if (lost && !proc.notStarted()) this.lostJobs.push({ job: proc.jobId, sudo: false });
      if (lost && !out.timedOut && !out.aborted) throw this.lostWhileRunning();
      if (proc.notStarted() && !out.aborted) continue;
      return out;
    }
  }

  private say(text: string): void {
    if (this.trace.level >= 2) this.trace.line(2, `${this.host}: ${text}`);
  }

  /** Commands the connection lost while they ran: a new connection can still kill them (connector.reap). */
  orphans(): readonly OrphanedJob[] {
    return this.lostJobs;
  }

  /** The host went away under a command: not the command's failure but the host's (exit 3). */
  private lostWhileRunning(): TransportError {
    return new TransportError(`${this.host}: connection lost while the command ran: ${this.closedError?.message ?? 'connection closed'}`, { code: 'E_CONNECTION_LOST' });
  }

  private async openShared(onChange: () => void): Promise<SharedSession> {
    const nonce = newNonce();
    const { channel, status, closed } = await this.openChannel(sharedShellCommand(nonce));
    return new SharedSession(nonce, channel, status, closed, (target) => this.killTree(target, {}, undefined), onChange);
  }

  /** Takes one of the maxChannels slots; an idle shared session or SFTP session gives its slot up when none is free. */
  private async acquireSlot(): Promise<() => void> {
    this.reclaimSlot();
    return this.channels.acquire();
  }

  /** When every slot is taken, closes a channel that has nothing to do (an idle shared session, else SFTP). */
  private reclaimSlot(): void {
    if (this.channels.full && !this.shared.closeIdle()) this.closeIdleSftp();
  }

  /**
   * Opens an exec channel. sshd still counts a session for a moment after its channel closed, so a
   * burst of close-then-open can be refused ("open failed") below MaxSessions: retry that briefly.
   */
  private async openChannel(command: string): Promise<OpenedChannel> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.openChannelOnce(command);
      } catch (err) {
        const refused = err instanceof TransportError && /open failed|prohibited/i.test(err.message);
        if (!refused || attempt >= CHANNEL_OPEN_RETRIES || this.closedError) throw err;
        await new Promise((r) => setTimeout(r, 20 * 2 ** attempt));
      }
    }
  }

  private openChannelOnce(command: string): Promise<OpenedChannel> {
    if (this.closedError) return Promise.reject(new TransportError(`${this.host}: connection lost: ${this.closedError.message}`));
    return new Promise((resolve, reject) => {
      this.client.exec(command, (err, channel) => {
        if (err) return reject(new TransportError(`${this.host}: cannot open a channel: ${err.message}`, { cause: err }));
        // Listen here, synchronously: ssh2 emits 'exit' while parsing the read that also confirmed the
        // channel, before a promise continuation could attach a listener (fast commands lost their status).
        const status: ExitStatus = { exitCode: null, signal: null };
        channel.on('exit', (code: number | null, sig?: string) => {
          status.exitCode = code ?? null;
          // ssh2 already names exit signals `SIGTERM`, not `TERM`.
          status.signal = sig ? (sig.startsWith('SIG') ? sig : `SIG${sig}`) : null;
        });
        const closed = new Promise<void>((done) => channel.once('close', () => done()));
        resolve({ channel, status, closed });
      });
    });
  }

  private toProcess(opened: OpenedChannel, job: string, opts: ExecOptions, password: string | undefined): RunningProcess & { connectionLost(): boolean } {
    const { channel, status } = opened;
    let settle: (v: ExitStatus) => void = () => undefined;
    const done = new Promise<ExitStatus>((resolve) => (settle = resolve));
    void opened.closed.then(() => settle({ ...status }));
    // The connection dying mid-command must end the command, not hang it.
    let lost = false;
    const onDead = () => {
      lost = status.exitCode === null && status.signal === null;
      settle({ exitCode: null, signal: null });
    };
    this.onCloseCallbacks.add(onDead);
    void done.then(() => this.onCloseCallbacks.delete(onDead));
    return {
      connectionLost: () => lost,
      stdout: channel,
      stderr: channel.stderr,
      done,
      kill: async (pid) => {
        // The session is the job's own: its process group may go too (the only way without /proc).
        await this.killTree({ jobs: [job], group: pid }, opts, password);
        channel.close();
      },
      abandon: () => {
        channel.close();
        settle({ exitCode: null, signal: 'SIGKILL' });
      },
    };
  }

  /**
   * Kills a job's remote processes (job-kill.ts) from a fresh channel: outside the exec slots (they may all be
   * taken by timed-out commands), one kill at a time, so maxChannels + 1 stays under OpenSSH's MaxSessions 10.
   */
  private async killTree(target: KillTarget, opts: Pick<ExecOptions, 'sudo'>, password: string | undefined): Promise<void> {
    await this.killSlot.run(async () => {
      const { channel: killer } = await this.openChannel(wrapCommand(killJobCommand(target), { sudo: opts.sudo ?? false }, password));
      if (password !== undefined) killer.write(`${password}\n`);
      killer.end();
      killer.stderr.resume();
      await new Promise<void>((resolve) => killer.on('close', () => resolve()).resume());
    });
  }

  // The SFTP session is a channel too: it holds one slot while open, so execs + SFTP + one kill stay under MaxSessions.
  private sftp(): Promise<SFTPWrapper> {
    this.sftpSession ??= this.acquireSlot().then(
      (release) =>
        new Promise<SFTPWrapper>((resolve, reject) => {
          this.client.sftp((err, sftp) => {
            if (err) {
              release();
              reject(new TransportError(`${this.host}: sftp failed: ${err.message}`, { cause: err }));
              return;
            }
            sftp.once('close', release);
            resolve(sftp);
          });
        }),
    );
    return this.sftpSession;
  }

  /** Runs fn with the SFTP session; when it is done and others wait for a slot, the idle SFTP session gives its up. */
  private async withSftp<T>(fn: (sftp: SFTPWrapper) => Promise<T>): Promise<T> {
    this.sftpUsers++;
    try {
      return await fn(await this.sftp());
    } finally {
      this.sftpUsers--;
      if (this.channels.queued > 0) this.closeIdleSftp();
    }
  }

  /** Ends the SFTP session if nothing uses it (its slot frees when it closes); false when there is none to end. */
  private closeIdleSftp(): boolean {
    const session = this.sftpSession;
    if (!session || this.sftpUsers > 0) return false;
    this.sftpSession = undefined;
    void session.then(
      (sftp) => sftp.end(),
      () => undefined,
    );
    return true;
  }

  /** Writes a file over SFTP. */
  async writeFile(remotePath: string, content: string | Buffer, mode = 0o600): Promise<void> {
    await this.withSftp(
      (sftp) =>
        new Promise<void>((resolve, reject) => {
          sftp.writeFile(remotePath, content, { mode }, (err) => (err ? reject(new TransportError(`${this.host}: upload to ${remotePath} failed: ${err.message}`)) : resolve()));
        }),
    );
  }

  /** Streams a remote file to a local path over SFTP (never held in memory whole). */
  async download(remotePath: string, localPath: string): Promise<void> {
    await this.withSftp(async (sftp) => {
      const source = sftp.createReadStream(remotePath);
      // A missing or unreadable file fails here, before any local file exists.
      await once(source, 'open');
      const sink = createWriteStream(localPath);
      try {
        await pipeline(source, sink);
      } catch (err) {
        // pipeline settles before the sink has closed; a caller removing the file must not race its open.
        if (!sink.closed) await once(sink, 'close').catch(() => undefined);
        throw err;
      }
    });
  }

  /** The host's files over this connection's SFTP session. */
  files(): HostFiles {
    return sftpFiles((fn) => this.withSftp(fn));
  }

  /** Closes the connection (or hands it back to the pool). */
  async close(): Promise<void> {
    this.shared.close();
    this.release();
  }
}

/** Retries of a channel open that sshd refused (20 ms doubling: about 2.5 s in all). */
const CHANNEL_OPEN_RETRIES = 7;

/** How long a closing connection may wait for the host's goodbye before its socket is destroyed. */
const END_GRACE_MS = 2_000;

/** Ends an ssh2 client; destroys its socket when the host does not answer, as that socket would keep the process alive. */
export function endClient(client: Client): void {
  // client.destroy() does nothing once end() ran (the socket is no longer writable), so keep the socket.
  const sock = (client as unknown as { _sock?: { destroy(): void; destroyed?: boolean } })._sock;
  client.end();
  setTimeout(() => {
    if (sock && !sock.destroyed) sock.destroy();
  }, END_GRACE_MS).unref();
}

/** How a command ended, for the -vv line: "exited 0", "killed by SIGTERM", "timed out". */
function describeEnd(out: CommandOutput): string {
  if (out.timedOut) return 'timed out';
  if (out.aborted) return 'interrupted';
  return out.signal ? `killed by ${out.signal}` : `exited ${out.exitCode ?? '?'}`;
}
