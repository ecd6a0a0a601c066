// Retrying transport errors (refused, reset or closed during handshake) with capped exponential backoff, jitter and a time budget.
import { TransportError } from '../errors.js';
import { sleepFor } from '../sleep-for.js';

/** How many times and how long to wait. */
export interface RetryPolicy {
  /** Tries in all, at most. */
  attempts: number;
  /** The first wait; each later one doubles, up to maxDelayMs. */
  baseMs: number;
  /** The longest single wait (default: no cap). */
  maxDelayMs?: number;
  /** No retry starts later than this after the first try began (default: no budget). */
  budgetMs?: number;
  /** Tries in all when the host refused the connection: nothing listens, so fewer (default: attempts). */
  refusedAttempts?: number;
}

/**
 * Handshakes closed by a busy sshd (MaxStartups) are retried for up to 30 s, with waits from 0.3 s up to 5 s,
 * jittered so a burst does not come back as one; a refused port is tried 3 times (about a second).
 */
export const DEFAULT_RETRY: RetryPolicy = { attempts: 12, baseMs: 300, maxDelayMs: 5_000, budgetMs: 30_000, refusedAttempts: 3 };

/** The wait before try `attempt + 1`: half of the capped exponential step fixed, half random ("equal jitter"). */
export function retryDelay(policy: RetryPolicy, attempt: number, random: () => number = Math.random): number {
  const step = Math.min(policy.maxDelayMs ?? Infinity, policy.baseMs * 2 ** (attempt - 1));
  return step / 2 + random() * (step / 2);
}

/** Runs fn until it succeeds, fails with a non-retryable error, or attempts or the time budget run out. */
export async function withRetry<T>(fn: (attempt: number) => Promise<T>, policy: RetryPolicy, signal?: AbortSignal): Promise<T> {
  const start = Date.now();
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (err) {
      const retryable = err instanceof TransportError && err.retryable;
      const attempts = err instanceof TransportError && err.code === 'E_REFUSED' ? (policy.refusedAttempts ?? policy.attempts) : policy.attempts;
      if (!retryable || attempt >= attempts || signal?.aborted) throw err;
      const delay = retryDelay(policy, attempt);
      if (policy.budgetMs !== undefined && Date.now() - start + delay > policy.budgetMs) throw err;
      await sleepFor(delay, signal);
    }
  }
}
