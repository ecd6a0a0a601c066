// Rolling operations: restart (stop all, then start all) and bounce (batch by batch), and who was left alone.
import { foldHosts } from '../config/ranges.js';
import { runStart, runStop } from './phases.js';
import { runRoll, type RollOutcome } from './roll.js';
import type { ServiceHost } from './service-host.js';

/** The roll's options as operations pass them. */
export interface RollContext {
  signal: AbortSignal | undefined;
  onBatchDone: () => Promise<void>;
  /** Gets a host of the next batch ready (connects) while the current batch works. */
  prepare?: (h: ServiceHost) => void;
}

/** How a rolling operation went: the batches, and which hosts were bounced, failed or left untouched. */
export interface RollSummary {
  batches: string[][];
  bounced: string[];
  failed: string[];
  left: string[];
  /** 1-based number of the batch that stopped the roll. */
  stoppedAtBatch?: number;
  reason?: 'failed' | 'interrupted';
}

/** Gives each host a roll never reached one step saying why it was left alone. */
export function markLeft(outcome: RollOutcome<ServiceHost>, step: string, verb: string, batches: number): void {
  const why = outcome.reason === 'interrupted' ? 'interrupted' : `the roll stopped after batch ${(outcome.stoppedAt ?? 0) + 1} of ${batches} failed`;
  for (const h of outcome.left) h.add(h.step(step, { status: 'UNKNOWN', error: [`${verb}: ${why}`] }));
}

/** `restart`: stop every host (in batches with --serial), then start the ones that stopped. */
export async function runRestart(batches: ServiceHost[][], roll: RollContext): Promise<void> {
  const stopped = await runRoll(batches, runStop, roll);
  markLeft(stopped, 'restart', 'not restarted', batches.length);
  const left = new Set(stopped.left);
  const again = batches.map((b) => b.filter((h) => !left.has(h) && !h.failed())).filter((b) => b.length > 0);
  markLeft(await runRoll(again, runStart, roll), 'start', 'not started', again.length);
}

/** `bounce`: batch by batch stop, start, wait, pause; the first failed batch ends the roll. */
export async function runBounce(batches: ServiceHost[][], pauseMs: number, roll: RollContext): Promise<RollSummary> {
  const n = batches.length;
  const outcome = await runRoll(
    batches,
    async (h, i) => {
      const ok = (await runStop(h)) && (await runStart(h));
      await h.finish();
      if (ok && !h.failed()) h.add(h.step('bounce', { status: 'OK', info: [`bounced in batch ${i + 1} of ${n}`] }));
      else if (roll.signal?.aborted) h.add(h.step('bounce', { status: 'UNKNOWN', error: [`interrupted in batch ${i + 1} of ${n}`] }));
      else h.add(h.step('bounce', { status: 'ERROR', error: [`bounce failed in batch ${i + 1} of ${n}; the roll stops here`] }));
      return ok && !h.failed();
    },
    { ...roll, pauseMs },
  );
  const why = outcome.reason === 'interrupted' ? 'the roll was interrupted' : `the roll stopped after batch ${(outcome.stoppedAt ?? 0) + 1} of ${n} failed`;
  for (const h of outcome.left) h.add(h.step('bounce', { status: 'UNKNOWN', error: [`left untouched: ${why}`] }));
  const left = new Set(outcome.left);
  const all = batches.flat();
  return {
    batches: batches.map((b) => b.map((h) => h.name)),
    bounced: all.filter((h) => !left.has(h) && !h.failed()).map((h) => h.name),
    failed: all.filter((h) => !left.has(h) && h.failed()).map((h) => h.name),
    left: outcome.left.map((h) => h.name),
    ...(outcome.stoppedAt !== undefined ? { stoppedAtBatch: outcome.stoppedAt + 1, reason: outcome.reason ?? 'failed' } : {}),
  };
}

/** One line saying how a roll went: `bounce demo: 2 bounced (web[01-02]) · 1 failed (web03) · 1 left (web04)`, hosts folded. */
export function describeRoll(service: string, roll: RollSummary): string {
  const part = (n: string[], what: string) => `${n.length} ${what}${n.length ? ` (${foldHosts(n)})` : ''}`;
  const where = roll.stoppedAtBatch !== undefined ? ` · ${roll.reason === 'interrupted' ? 'interrupted' : 'stopped'} at batch ${roll.stoppedAtBatch} of ${roll.batches.length}` : ` · ${roll.batches.length} batches`;
  return `bounce ${service}: ${[part(roll.bounced, 'bounced'), part(roll.failed, 'failed'), part(roll.left, 'left')].join(' · ')}${where}`;
}
