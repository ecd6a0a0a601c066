// Rolling execution: batches one after another, each batch's hosts at once; a failed batch stops the roll.
import { sleepFor } from '../sleep-for.js';

/** Where a roll ended. */
export interface RollOutcome<T> {
  /** Index of the batch that failed (or was interrupted before it began); undefined when all ran. */
  stoppedAt: number | undefined;
  reason?: 'failed' | 'interrupted';
  /** Items never touched: the batches after the one that stopped the roll. */
  left: T[];
}

/** Options of a roll. */
export interface RollOptions<T> {
  /** Pause between batches (not after the last one). */
  pauseMs?: number;
  signal?: AbortSignal;
  /** Called after each batch with its index and whether it passed. */
  onBatchDone?: (index: number, batch: readonly T[], ok: boolean) => void | Promise<void>;
  /** Called with the next batch as each batch begins, to get it ready (connect) while this one works; never awaited. */
  prepare?: (item: T) => void;
}

/** Runs `work` batch by batch; `work` says whether its item succeeded. */
export async function runRoll<T>(batches: readonly (readonly T[])[], work: (item: T, index: number) => Promise<boolean>, opts: RollOptions<T> = {}): Promise<RollOutcome<T>> {
  for (let i = 0; i < batches.length; i++) {
    const batch = batches[i] ?? [];
    if (opts.signal?.aborted) return { stoppedAt: i, reason: 'interrupted', left: batches.slice(i).flat() };
    if (opts.prepare) for (const item of batches[i + 1] ?? []) opts.prepare(item);
    const ok = (await Promise.all(batch.map((item) => work(item, i)))).every(Boolean);
    await opts.onBatchDone?.(i, batch, ok);
    if (!ok) return { stoppedAt: i, reason: opts.signal?.aborted ? 'interrupted' : 'failed', left: batches.slice(i + 1).flat() };
    if (i < batches.length - 1 && opts.pauseMs) await sleepFor(opts.pauseMs, opts.signal);
  }
  return { stoppedAt: undefined, left: [] };
}
