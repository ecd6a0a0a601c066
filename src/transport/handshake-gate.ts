// Paces SSH handshakes: an adaptive limit per server (address:port) and one for the run, cut when sshd drops handshakes.
import { TransportError } from '../errors.js';

/** Handshakes in flight to one server at first: OpenSSH's default MaxStartups begins dropping above 10. */
const SERVER_START = 10;
/** Least time between two cuts of one limit: the drops of one burst cut it once, not once per dropped connection. */
const CUT_COOLDOWN_MS = 250;

/**
 * An AIMD limit on concurrent handshakes (as TCP paces packets): each handshake sshd dropped halves it (at
 * most once per cooldown), each one that succeeded raises it by 1/limit, so by about one per round of them.
 */
export class AdaptiveLimit {
  private limit: number;
  private inFlight = 0;
  private lastCut = 0;
  private readonly waiters: Array<() => void> = [];

  constructor(
    private readonly max: number,
    start = max,
  ) {
    this.limit = start;
  }

  /** The current limit (for tests and logs). */
  get current(): number {
    return this.limit;
  }

  /** Waits for room for one more handshake. */
  async acquire(): Promise<void> {
    if (this.inFlight < Math.floor(this.limit)) {
      this.inFlight++;
      return;
    }
    await new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  /** Ends one handshake: `overloaded` when sshd dropped it, `ok` when it got through. */
  release(outcome: 'ok' | 'overloaded' | 'other', now = Date.now()): void {
    this.inFlight--;
    if (outcome === 'overloaded' && now - this.lastCut >= CUT_COOLDOWN_MS) {
      this.limit = Math.max(1, Math.floor(Math.min(this.limit, this.inFlight + 1) / 2));
      this.lastCut = now;
    } else if (outcome === 'ok') {
      this.limit = Math.min(this.max, this.limit + 1 / this.limit);
    }
    while (this.inFlight < Math.floor(this.limit) && this.waiters.length) {
      this.inFlight++;
      this.waiters.shift()?.();
    }
  }
}

/** How a handshake ended, for the limits: a drop by a busy sshd is what slows them. */
export function handshakeOutcome(err: unknown): 'ok' | 'overloaded' | 'other' {
  if (err === undefined) return 'ok';
  return err instanceof TransportError && err.code === 'E_RESET' ? 'overloaded' : 'other';
}

/**
 * The handshake limits of one run. Per server, because MaxStartups is per sshd; and one for the run, since
 * many addresses may share one sshd (a NAT, a load balancer, the lab's shared sshd) and only drops tell.
 */
export class HandshakeGate {
  private readonly servers = new Map<string, AdaptiveLimit>();
  private readonly run: AdaptiveLimit;

  constructor(runMax = Infinity) {
    this.run = new AdaptiveLimit(runMax);
  }

  /** Runs one handshake to `server` (address:port) under both limits, reporting how it ended. */
  async through<T>(server: string, handshake: () => Promise<T>): Promise<T> {
    let limit = this.servers.get(server);
    if (!limit) this.servers.set(server, (limit = new AdaptiveLimit(Infinity, SERVER_START)));
    await limit.acquire();
    try {
      await this.run.acquire();
    } catch (err) {
      limit.release('other');
      throw err;
    }
    let error: unknown;
    try {
      return await handshake();
    } catch (err) {
      error = err;
      throw err;
    } finally {
      const outcome = handshakeOutcome(error);
      this.run.release(outcome);
      limit.release(outcome);
    }
  }
}
