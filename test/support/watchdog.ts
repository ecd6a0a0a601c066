// When a test run counts as hung: no heartbeat from mocha (its event loop is blocked), one test or hook running
// far past any mocha timeout, or the whole run past its limit. Pure: the runner feeds it the clock and the beat.

import { readFileSync } from 'node:fs';

/** Wall-clock limits of a watched run, in milliseconds. */
export interface WatchdogLimits {
  /** Longest silence between two heartbeats (mocha beats every second while its event loop turns). */
  stallMs: number;
  /** Longest time one test or hook may run although mocha still beats (a timeout switched off). */
  itemMs: number;
  /** Longest time the whole run may take. */
  totalMs: number;
}

/** The last heartbeat a mocha process wrote (test/support/watchdog-beacon.cjs). */
export interface Beat {
  kind: string;
  title: string;
  file: string;
  /** When the current test, hook or suite began. */
  since: number;
  pid: number;
  /** When this beat was written. */
  beat: number;
}

/** Time mocha gets to start and load its first module, however short the stall limit is set. */
const MIN_START_MS = 60_000;

/** Limits from SMOKER_TEST_STALL_S, SMOKER_TEST_ITEM_S and SMOKER_TEST_TOTAL_S, else 60 s, 10 min and 45 min. */
export function readLimits(env: NodeJS.ProcessEnv): WatchdogLimits {
  const seconds = (name: string, fallback: number): number => {
    const value = Number(env[name]);
    return (Number.isFinite(value) && value > 0 ? value : fallback) * 1000;
  };
  return { stallMs: seconds('SMOKER_TEST_STALL_S', 60), itemMs: seconds('SMOKER_TEST_ITEM_S', 600), totalMs: seconds('SMOKER_TEST_TOTAL_S', 2700) };
}

/** Reads the beacon file; undefined before the first beat (or while it is being replaced). */
export function readBeat(path: string): Beat | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Beat;
  } catch {
    return undefined;
  }
}

/** Why the run must be killed now, or undefined while it is healthy. */
export function findHang(now: number, startedAt: number, beat: Beat | undefined, limits: WatchdogLimits): string | undefined {
  const s = (ms: number): string => `${Math.round(ms / 1000)} s`;
  if (now - startedAt > limits.totalMs) return `the whole run took longer than ${s(limits.totalMs)}`;
  if (!beat) {
    const startMs = Math.max(limits.stallMs, MIN_START_MS);
    return now - startedAt > startMs ? `mocha sent no heartbeat in its first ${s(startMs)}` : undefined;
  }
  if (now - beat.beat > limits.stallMs) return `no heartbeat for ${s(now - beat.beat)}: the event loop is blocked`;
  if ((beat.kind === 'test' || beat.kind === 'hook') && now - beat.since > limits.itemMs) return `one ${beat.kind} ran for ${s(now - beat.since)}`;
  return undefined;
}

/** The lines that name what hung, for stderr. */
export function describeHang(reason: string, now: number, beat: Beat | undefined): string[] {
  if (!beat) return [`smoker test watchdog: ${reason}`];
  const where = beat.file ? ` (${beat.file})` : '';
  return [
    `smoker test watchdog: ${reason}`,
    `  hung in ${beat.kind}: ${beat.title}${where}, running for ${Math.round((now - beat.since) / 1000)} s`,
  ];
}
