// Retrying transport errors (refused, reset during handshake) with exponential backoff and jitter.
import { TransportError } from '../errors.js';

/** How many times and how long to wait. */
export interface RetryPolicy {
  attempts: number;
  baseMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 3, baseMs: 250 };

/** Runs fn until it succeeds, fails with a non-retryable error, or attempts run out. */
export async function withRetry<T>(fn: (attempt: number) => Promise<T>, policy: RetryPolicy, signal?: AbortSignal): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (err) {
      const retryable = err instanceof TransportError && err.retryable;
      if (!retryable || attempt >= policy.attempts || signal?.aborted) throw err;
      const delay = policy.baseMs * 2 ** (attempt - 1) * (0.75 + Math.random() * 0.5);
      await new Promise((r) => setTimeout(r, delay));
    }
  }
}
