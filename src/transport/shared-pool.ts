// The shared sessions of one connection: which one takes the next command, and when to open another.
import type { Semaphore } from './semaphore.js';
import type { SharedProcess, SharedSession } from './shared-session.js';
import type { ExecOptions } from './types.js';

/** Commands a shared session holds at once: one running, the rest sent ahead so the shell never waits for us. */
const DEPTH = 2;
/** Shared sessions opened before commands wait for room in them. */
const BASE_SESSIONS = 2;
/** A command running this long makes its session slow: commands do not queue behind it, and may open another. */
const SLOW_MS = 1_000;

interface Member {
  session: SharedSession;
  /** Frees the channel slot the session holds while open. */
  release: () => void;
}

/** Opens a shared session; `onChange` is called when one of its commands ends or it closes. */
export type OpenShared = (onChange: () => void) => Promise<SharedSession>;

/**
 * Spreads shared commands over a few sessions. Each open session holds one of the connection's channel
 * slots; a session left idle gives its slot up when something else waits for one.
 */
export class SharedSessionPool {
  private readonly members: Member[] = [];
  private opening = false;
  private waiters: Array<() => void> = [];
  private slowTimer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    private readonly slots: Semaphore,
    private readonly open: OpenShared,
    /** Frees a slot held by another idle channel of the connection (SFTP), if every slot is taken. */
    private readonly reclaimOther: () => void,
  ) {}

  /** Sends a command to a session with room, opening one when that is better than waiting. */
  async send(command: string, opts: Pick<ExecOptions, 'env' | 'cwd'>): Promise<SharedProcess> {
    for (;;) {
      if (this.closed) throw new Error('connection closed');
      this.prune();
      const now = Date.now();
      const empty = this.pick((s) => s.pending === 0);
      if (empty) return empty.run(command, opts);
      if (await this.grow(now)) continue;
      const fast = this.pick((s) => !isSlow(s, now));
      if (fast) return fast.run(command, opts);
      // Only slow sessions have room (and no slot for another): queue behind the least busy of them.
      if (this.members.every((m) => isSlow(m.session, now))) {
        const any = this.pick(() => true);
        if (any) return any.run(command, opts);
      }
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        this.armSlowTimer();
      });
    }
  }

  /** Whether a session takes a command now without queueing it behind another. */
  hasIdle(): boolean {
    return !this.closed && this.members.some((m) => m.session.accepting && m.session.pending === 0);
  }

  /** Opens the first session now, if none is open and a slot is free (it waits for no slot). */
  async warm(): Promise<void> {
    if (this.closed || this.opening || this.members.length > 0 || this.slots.full) return;
    await this.grow(Date.now());
  }

  /** Closes a session that has nothing to do, freeing its slot; false when there is none. */
  closeIdle(): boolean {
    const idle = this.members.find((m) => m.session.pending === 0);
    if (!idle) return false;
    this.remove(idle);
    return true;
  }

  /** Closes every session (the connection is closing). */
  close(): void {
    this.closed = true;
    for (const m of [...this.members]) this.remove(m);
    this.wake(Infinity);
  }

  /** The accepting session with the fewest commands, among those with room that pass `ok`. */
  private pick(ok: (s: SharedSession) => boolean): SharedSession | undefined {
    let best: SharedSession | undefined;
    for (const { session } of this.members) {
      if (!session.accepting || session.pending >= DEPTH || !ok(session)) continue;
      if (!best || session.pending < best.pending) best = session;
    }
    return best;
  }

  /** Opens one more session if the pool is below its base size, or every session is slow, and a slot is free. */
  private async grow(now: number): Promise<boolean> {
    if (this.opening) return false;
    const live = this.members.length;
    if (live >= BASE_SESSIONS && !this.members.every((m) => isSlow(m.session, now))) return false;
    this.opening = true;
    try {
      // The first session may wait for a slot; later ones only take a free one.
      if (live === 0 && this.slots.full) this.reclaimOther();
      const release = live === 0 ? await this.slots.acquire() : this.slots.tryAcquire();
      if (!release) return false;
      try {
        this.members.push({ session: await this.open(() => this.changed()), release });
      } catch (err) {
        release();
        throw err;
      }
    } catch (err) {
      // The others that waited for this session try for themselves (and learn the error).
      this.wake(Infinity);
      throw err;
    } finally {
      this.opening = false;
    }
    // Commands that waited while it opened have room now.
    this.wake(DEPTH);
    return true;
  }

  /** A command ended or a session closed: let a waiting command look again; give idle slots to others. */
  private changed(): void {
    this.prune();
    this.wake(1);
    if (this.slots.queued > 0) setImmediate(() => this.slots.queued > 0 && this.closeIdle());
  }

  /** Drops sessions that take no more commands once their last one ended. */
  private prune(): void {
    for (const m of [...this.members]) if (!m.session.accepting && m.session.pending === 0) this.remove(m);
  }

  private remove(m: Member): void {
    const at = this.members.indexOf(m);
    if (at < 0) return;
    this.members.splice(at, 1);
    m.session.close();
    m.release();
  }

  private wake(count: number): void {
    for (const resolve of this.waiters.splice(0, count)) resolve();
  }

  /** While commands wait, wakes them when the first running command turns slow (they may then open a session). */
  private armSlowTimer(): void {
    if (this.slowTimer) return;
    // Sessions already slow change nothing by waiting: the next change is the first fast one turning slow.
    const now = Date.now();
    const since = this.members.map((m) => m.session.runningSince).filter((t): t is number => t !== undefined && now - t <= SLOW_MS);
    if (!since.length) return;
    const delay = Math.min(...since) + SLOW_MS - now + 1;
    this.slowTimer = setTimeout(() => {
      this.slowTimer = undefined;
      this.wake(Infinity);
    }, delay);
    this.slowTimer.unref();
  }
}

function isSlow(s: SharedSession, now: number): boolean {
  const since = s.runningSince;
  return since !== undefined && now - since > SLOW_MS;
}
