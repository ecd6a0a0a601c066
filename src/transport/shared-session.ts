// One SSH session kept open to run many commands in turn (sshd forks a session and a login shell only once).
import { randomBytes } from 'node:crypto';
import { PassThrough } from 'node:stream';
import type { ClientChannel } from 'ssh2';
import type { RunningProcess } from './command-run.js';
import { FrameReader, type Frame } from './frame-reader.js';
import { newJobId, withJob, type KillTarget } from './job-kill.js';
import { readPidLine } from './remote-command.js';
import { sharedJobLine } from './shared-shell.js';
import type { ExecOptions } from './types.js';

/** The exit status ssh2 reported for a channel (null until the channel's process ended). */
export interface ChannelStatus {
  exitCode: number | null;
  signal: string | null;
}

/** A command sent to a shared session: ended when its session died before it began, to be run elsewhere. */
export interface SharedProcess extends RunningProcess {
  /** The job marker its processes carry (job-kill.ts). */
  jobId: string;
  started: Promise<Date>;
  notStarted(): boolean;
}

type StreamName = 'stdout' | 'stderr';

/** A command sent to the shell: its streams, and how it ends. */
interface Job {
  stdout: PassThrough;
  stderr: PassThrough;
  ends: number;
  startedAt: number | undefined;
  notStarted: boolean;
  markStarted: (at: Date) => void;
  finish: (s: ChannelStatus) => void;
}

/** A fresh marker nonce for one shared session: output cannot end a command by chance. */
export function newNonce(): string {
  return randomBytes(8).toString('hex');
}

/**
 * A running shared shell. Commands are sent ahead (`pending` of them at once) and run in turn; each
 * stream's end markers move that stream on to the next command. After a kill or stray output it takes
 * no more commands (`accepting` false); commands sent but not begun then end `notStarted`.
 */
export class SharedSession {
  /** The shell's pid, also its session's process group (a kill's fallback where /proc is missing). */
  private pid: number | undefined;
  private readonly readers: Record<StreamName, FrameReader>;
  private readonly jobs: Job[] = [];
  /** Per stream, the index in `jobs` of the command whose output it carries now. */
  private readonly cursor: Record<StreamName, number> = { stdout: 0, stderr: 0 };
  /** Sinks whose 'drain' a paused channel stream waits for. */
  private readonly draining = new Set<PassThrough>();
  private closed = false;
  private broken = false;
  private stderrHead: Buffer | undefined = Buffer.alloc(0);
  /** Job lines not yet written (see queueLine). */
  private outbox: string[] = [];

  constructor(
    nonce: string,
    private readonly channel: ClientChannel,
    private readonly status: ChannelStatus,
    closed: Promise<void>,
    /** Kills a job's processes from outside this session (a channel of its own). */
    private readonly killJob: (target: KillTarget) => Promise<void>,
    /** Called whenever a command ends or the session closes (room for another command). */
    private readonly onChange: () => void,
  ) {
    this.readers = { stdout: new FrameReader(nonce), stderr: new FrameReader(nonce) };
    channel.on('data', (chunk: Buffer) => this.route(this.readers.stdout.push(chunk), 'stdout'));
    channel.stderr.on('data', (chunk: Buffer) => this.onStderr(chunk));
    void closed.then(() => this.onClose());
  }

  /** True while the shell takes more commands. */
  get accepting(): boolean {
    return !this.closed && !this.broken;
  }

  /** Commands sent and not yet ended. */
  get pending(): number {
    return this.jobs.length;
  }

  /** When the command running now began (ms since the epoch), if one is. */
  get runningSince(): number | undefined {
    return this.jobs[0]?.startedAt;
  }

  /** Sends one command; it ends when both streams showed its end marker. */
  run(command: string, opts: Pick<ExecOptions, 'env' | 'cwd'>): SharedProcess {
    if (!this.accepting) throw new Error('shared session is closed');
    // Built first: a line that cannot be built (a bad env name) must not leave a job in the queue.
    const jobId = newJobId();
    const line = sharedJobLine(command, { ...opts, env: withJob(opts.env, jobId) });
    let finish: (s: ChannelStatus) => void = () => undefined;
    let markStarted: (at: Date) => void = () => undefined;
    const done = new Promise<ChannelStatus>((resolve) => (finish = resolve));
    const started = new Promise<Date>((resolve) => (markStarted = resolve));
    const job: Job = { stdout: new PassThrough(), stderr: new PassThrough(), ends: 0, startedAt: undefined, notStarted: false, markStarted, finish };
    this.jobs.push(job);
    if (this.jobs.length === 1) this.begin(job);
    this.queueLine(line);
    return {
      stdout: job.stdout,
      stderr: job.stderr,
      done,
      started,
      notStarted: () => job.notStarted,
      jobId,
      kill: async () => {
        this.broken = true;
        // The shell first, so it starts none of the jobs sent ahead (they run elsewhere), then this job's
        // processes only: other jobs' daemons live on (the shell's group is the fallback without /proc).
        await this.killJob({ jobs: [jobId], first: this.pid, fallbackGroup: this.pid });
        this.channel.close();
      },
      abandon: () => {
        this.broken = true;
        this.channel.close();
        this.endJob(job, { exitCode: null, signal: 'SIGKILL' });
      },
    };
  }

  /** Ends the shell: end of its input makes it exit as a shell at end of input does. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.flushLines();
    if (!this.channel.destroyed) this.channel.end();
  }

  /**
   * Job lines sent in one turn of the event loop go out in one channel write: one SSH packet and one
   * socket write instead of one each (a host's checks are sent together, and end together in a chunk).
   */
  private queueLine(line: string): void {
    this.outbox.push(line);
    if (this.outbox.length === 1) setImmediate(() => this.flushLines());
  }

  private flushLines(): void {
    if (!this.outbox.length) return;
    const text = this.outbox.join('');
    this.outbox = [];
    // A killed or abandoned shell starts nothing more: those jobs end not started and run elsewhere.
    if (!this.channel.destroyed && !this.broken) this.channel.write(text);
  }

  private begin(job: Job): void {
    job.startedAt = Date.now();
    job.markStarted(new Date(job.startedAt));
  }

  private onStderr(chunk: Buffer): void {
    // The first stderr line is the shell's pid; commands can only follow it.
    if (this.stderrHead) {
      const buffered = Buffer.concat([this.stderrHead, chunk]);
      const head = readPidLine(buffered);
      if (!head) {
        this.stderrHead = buffered;
        return;
      }
      this.pid = head.pid;
      if (!head.marker) this.broken = true;
      this.stderrHead = undefined;
      chunk = head.rest;
      if (!chunk.length) return;
    }
    this.route(this.readers.stderr.push(chunk), 'stderr');
  }

  private route(frames: Frame[], stream: StreamName): void {
    for (const f of frames) {
      const job = this.jobs[this.cursor[stream]];
      if (!job) {
        // Output after every command ended (a background process of an earlier one): nobody's; the shell is no longer clean.
        this.broken = true;
        continue;
      }
      if (f.kind === 'data') {
        if (!job[stream].write(f.data)) this.pauseUntilDrained(job[stream], stream);
        continue;
      }
      this.cursor[stream]++;
      job[stream].end();
      if (++job.ends === 2) this.complete(f.status);
    }
  }

  /** Both streams passed the first command's marker: it ended with `status`, the next one begins. */
  private complete(status: number): void {
    const job = this.jobs[0];
    if (!job) return;
    this.endJob(job, { exitCode: status, signal: null });
    const next = this.jobs[0];
    if (next) this.begin(next);
  }

  private pauseUntilDrained(sink: PassThrough, stream: StreamName): void {
    const source = stream === 'stdout' ? this.channel : this.channel.stderr;
    source.pause();
    // One waiter per sink, removed as it fires: a listener per full write piled up (MaxListenersExceededWarning on long output).
    if (this.draining.has(sink)) return;
    this.draining.add(sink);
    // A sink ended in the meantime (its command's marker came) emits 'finish' but never 'drain'.
    const resume = () => {
      this.draining.delete(sink);
      sink.off('drain', resume).off('finish', resume);
      source.resume();
    };
    sink.on('drain', resume).on('finish', resume);
  }

  /** Takes the job out of the queue and resolves it once both of its streams delivered everything (their 'end'). */
  private endJob(job: Job, status: ChannelStatus): void {
    const at = this.jobs.indexOf(job);
    if (at < 0) return;
    this.jobs.splice(at, 1);
    for (const s of ['stdout', 'stderr'] as const) if (this.cursor[s] > at) this.cursor[s]--;
    const ended = (s: PassThrough) => (s.readableEnded ? Promise.resolve() : new Promise<void>((r) => s.once('end', () => r()).once('close', () => r())));
    for (const s of [job.stdout, job.stderr]) if (!s.writableEnded) s.end();
    void Promise.all([ended(job.stdout), ended(job.stderr)]).then(() => {
      job.finish(status);
      this.onChange();
    });
  }

  private onClose(): void {
    this.closed = true;
    const [running, ...waiting] = this.jobs;
    // The shell ended under its command (killed, or the connection went): what was held back is output.
    if (running) {
      for (const s of ['stdout', 'stderr'] as const) {
        const rest = this.cursor[s] === 0 ? this.readers[s].flush() : Buffer.alloc(0);
        if (rest.length && !running[s].writableEnded) running[s].write(rest);
      }
      this.endJob(running, { exitCode: this.status.exitCode, signal: this.status.signal });
    }
    for (const job of waiting) {
      job.notStarted = true;
      this.endJob(job, { exitCode: null, signal: null });
    }
    this.onChange();
  }
}
