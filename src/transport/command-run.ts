// Drives one running command: captures both streams, applies the timeout and abort, builds the outcome.
import { OutputCapture, DEFAULT_MAX_BUFFER } from './output-capture.js';
import { readPidLine } from './remote-command.js';
import type { CommandOutput, ExecOptions } from './types.js';

/** The process-like thing a transport gives us: two readable streams and a way to kill it. */
export interface RunningProcess {
  stdout: NodeJS.ReadableStream & { pause(): unknown; resume(): unknown };
  stderr: NodeJS.ReadableStream & { pause(): unknown; resume(): unknown };
  /** Resolves with the exit status once the process ended and both streams closed. */
  done: Promise<{ exitCode: number | null; signal: string | null }>;
  /** Kills the whole process tree; `pid` is what the wrapper reported, if anything. */
  kill(pid: number | undefined): Promise<void>;
  /** Gives up on the process (connection dead): resolve `done` now. */
  abandon(): void;
  /** When the process began, if later than it was handed over (queued behind others): the timeout counts from then. */
  started?: Promise<Date>;
}

/** Grace after a kill before the command is abandoned as hung. */
const KILL_GRACE_MS = 5_000;

/** Waits for a running process under the options' timeout/abort rules and returns its outcome. */
export async function superviseCommand(proc: RunningProcess, opts: ExecOptions, startedAt: Date, expectPidMarker: boolean): Promise<CommandOutput> {
  const max = opts.maxBuffer ?? DEFAULT_MAX_BUFFER;
  // Output that cannot be stored ends the command (the capture's error is thrown at the end): killOnce is hoisted below.
  const onFileError = () => void killOnce();
  const out = new OutputCapture(opts.stdoutFile, max, onFileError);
  const err = new OutputCapture(opts.stderrFile, max, onFileError);
  let pid: number | undefined;
  let markerPending = expectPidMarker;
  let pendingErr = Buffer.alloc(0);
  let pidRead: () => void = () => undefined;
  // A kill before the pid line came (Ctrl-C right after the start) waits for it: closing the channel alone leaves the command running.
  const pidKnown = expectPidMarker ? Promise.race([new Promise<void>((resolve) => (pidRead = resolve)), proc.done]) : Promise.resolve();

  pipe(proc.stdout, out, opts.onStdout);
  proc.stderr.on('data', (chunk: Buffer) => {
    if (!markerPending) return tapped(proc.stderr, err, chunk, opts.onStderr);
    // The wrapper's first stderr line carries the pid; strip it from what users see.
    pendingErr = Buffer.concat([pendingErr, chunk]);
    const head = readPidLine(pendingErr, 64);
    if (!head) return;
    markerPending = false;
    pid = head.pid;
    pidRead();
    if (head.rest.length) tapped(proc.stderr, err, head.rest, opts.onStderr);
  });

  let timedOut = false;
  let aborted = false;
  let killing: Promise<void> | undefined;
  let giveUp: Promise<void> | undefined;
  const killOnce = () => {
    if (killing) return killing;
    killing = pidKnown.then(() => proc.kill(pid)).catch(() => undefined);
    // A host that does not answer the kill must not hang the run.
    giveUp = new Promise((resolve) => setTimeout(resolve, KILL_GRACE_MS).unref()).then(() => proc.abandon());
    return killing;
  };
  let begin = startedAt;
  let ended = false;
  let timer: NodeJS.Timeout | undefined;
  const arm = () => {
    if (opts.timeoutMs && !ended) timer = setTimeout(() => ((timedOut = true), void killOnce()), opts.timeoutMs);
  };
  if (proc.started) {
    void proc.started.then((at) => {
      begin = at;
      arm();
    });
  } else arm();
  const onAbort = () => ((aborted = true), void killOnce());
  if (opts.signal?.aborted) onAbort();
  else opts.signal?.addEventListener('abort', onAbort, { once: true });

  const status = await proc.done;
  ended = true;
  if (timer) clearTimeout(timer);
  // The command often ends at the TERM, before the kill's KILL step: let that finish (bounded), or
  // closing the connection right after would cut it off and leave TERM-proof processes running.
  if (killing) await Promise.race([killing, giveUp]);
  opts.signal?.removeEventListener('abort', onAbort);
  if (markerPending && pendingErr.length) {
    opts.onStderr?.(pendingErr);
    err.push(pendingErr);
  }
  await Promise.all([out.close(), err.close()]);
  return {
    stdout: out.text(),
    stderr: err.text(),
    exitCode: timedOut || aborted ? null : status.exitCode,
    signal: timedOut ? 'SIGKILL' : aborted ? 'SIGINT' : status.signal,
    startedAt: begin.toISOString(),
    durationMs: Date.now() - begin.getTime(),
    truncated: out.truncated || err.truncated,
    timedOut,
    aborted,
  };
}

function push(stream: RunningProcess['stdout'], capture: OutputCapture, chunk: Buffer): void {
  if (!capture.push(chunk)) {
    stream.pause();
    capture.onDrain(() => stream.resume());
  }
}

function tapped(stream: RunningProcess['stdout'], capture: OutputCapture, chunk: Buffer, tap?: (c: Buffer) => void): void {
  tap?.(chunk);
  push(stream, capture, chunk);
}

function pipe(stream: RunningProcess['stdout'], capture: OutputCapture, tap?: (c: Buffer) => void): void {
  stream.on('data', (chunk: Buffer) => tapped(stream, capture, chunk, tap));
}
