// One SSH session kept open to run many commands in turn (sshd forks a session and a login shell only once).
import { randomBytes } from 'node:crypto';
import { PassThrough } from 'node:stream';
import type { ClientChannel } from 'ssh2';
import type { RunningProcess } from './command-run.js';
import { FrameReader, type Frame } from './frame-reader.js';
import { PID_MARKER } from './remote-command.js';
import { sharedJobLine } from './shared-shell.js';
import type { ExecOptions } from './types.js';

/** The exit status ssh2 reported for a channel (null until the channel's process ended). */
export interface ChannelStatus {
  exitCode: number | null;
  signal: string | null;
}

/** The command in flight: its streams and how to end it. */
interface Job {
  stdout: PassThrough;
  stderr: PassThrough;
  ends: number;
  finish: (s: ChannelStatus) => void;
}

/** A fresh marker nonce for one shared session: output cannot end a command by chance. */
export function newNonce(): string {
  return randomBytes(8).toString('hex');
}

/** A running shared shell: `run` one command at a time; after a kill or a failure it is `usable` no more. */
export class SharedSession {
  /** The shell's pid, also its session's process group: killing that group ends the command it runs. */
  private pid: number | undefined;
  private readonly out: FrameReader;
  private readonly err: FrameReader;
  private job: Job | undefined;
  private closed = false;
  private broken = false;
  private stderrHead: Buffer | undefined = Buffer.alloc(0);

  constructor(
    nonce: string,
    private readonly channel: ClientChannel,
    private readonly status: ChannelStatus,
    closed: Promise<void>,
    private readonly killTree: (pid: number) => Promise<void>,
  ) {
    this.out = new FrameReader(nonce);
    this.err = new FrameReader(nonce);
    channel.on('data', (chunk: Buffer) => this.route(this.out.push(chunk), 'stdout'));
    channel.stderr.on('data', (chunk: Buffer) => this.onStderr(chunk));
    void closed.then(() => this.onClose());
  }

  /** True while the shell can take another command. */
  get usable(): boolean {
    return !this.closed && !this.broken && this.job === undefined;
  }

  /** Sends one command; the process it returns ends when both streams showed its end marker. */
  run(command: string, opts: Pick<ExecOptions, 'env' | 'cwd'>): RunningProcess {
    if (!this.usable) throw new Error('shared session is busy or closed');
    let finish: (s: ChannelStatus) => void = () => undefined;
    const done = new Promise<ChannelStatus>((resolve) => (finish = resolve));
    const job: Job = { stdout: new PassThrough(), stderr: new PassThrough(), ends: 0, finish };
    this.job = job;
    this.channel.write(sharedJobLine(command, opts));
    return {
      stdout: job.stdout,
      stderr: job.stderr,
      done,
      kill: async () => {
        this.broken = true;
        if (this.pid === undefined) this.channel.close();
        else await this.killTree(this.pid);
        this.channel.close();
      },
      abandon: () => {
        this.broken = true;
        this.channel.close();
        this.endJob({ exitCode: null, signal: 'SIGKILL' });
      },
    };
  }

  /** Ends the shell: end of its input makes it exit as a shell at end of input does. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.channel.end();
  }

  private onStderr(chunk: Buffer): void {
    // The first stderr line is the shell's pid; commands can only follow it.
    if (this.stderrHead) {
      const head = Buffer.concat([this.stderrHead, chunk]);
      const nl = head.indexOf(10);
      if (nl < 0) {
        this.stderrHead = head;
        return;
      }
      const line = head.subarray(0, nl).toString();
      if (line.startsWith(PID_MARKER)) this.pid = Number(line.slice(PID_MARKER.length)) || undefined;
      else this.broken = true;
      this.stderrHead = undefined;
      chunk = head.subarray(nl + 1);
      if (!chunk.length) return;
    }
    this.route(this.err.push(chunk), 'stderr');
  }

  private route(frames: Frame[], stream: 'stdout' | 'stderr'): void {
    const job = this.job;
    for (const f of frames) {
      if (!job) {
        // Output between commands (a background process of an earlier one): nobody's; the shell is no longer clean.
        this.broken = true;
        continue;
      }
      if (f.kind === 'data') {
        if (!job[stream].write(f.data)) this.pauseUntilDrained(job[stream], stream);
        continue;
      }
      job[stream].end();
      if (++job.ends === 2) this.endJob({ exitCode: f.status, signal: null });
    }
  }

  private pauseUntilDrained(sink: PassThrough, stream: 'stdout' | 'stderr'): void {
    const source = stream === 'stdout' ? this.channel : this.channel.stderr;
    source.pause();
    // A sink ended in the meantime (its command's marker came) emits 'finish' but never 'drain'.
    const resume = () => source.resume();
    sink.once('drain', resume).once('finish', resume);
  }

  /** Resolves the job once both of its streams have delivered everything (their 'end'). */
  private endJob(status: ChannelStatus): void {
    const job = this.job;
    if (!job) return;
    this.job = undefined;
    const ended = (s: PassThrough) => (s.readableEnded ? Promise.resolve() : new Promise<void>((r) => s.once('end', () => r()).once('close', () => r())));
    for (const s of [job.stdout, job.stderr]) if (!s.writableEnded) s.end();
    void Promise.all([ended(job.stdout), ended(job.stderr)]).then(() => job.finish(status));
  }

  private onClose(): void {
    this.closed = true;
    const job = this.job;
    if (!job) return;
    // The shell ended under its command (killed, or the connection went): what was held back is output.
    for (const [reader, stream] of [[this.out, job.stdout], [this.err, job.stderr]] as const) {
      const rest = reader.flush();
      if (rest.length && !stream.writableEnded) stream.write(rest);
    }
    this.endJob({ exitCode: this.status.exitCode, signal: this.status.signal });
  }
}
