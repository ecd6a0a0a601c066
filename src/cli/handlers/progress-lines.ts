// Progress for a non-terminal stderr (CI logs, pipes): plain periodic lines, never spinner frames.

/** When the next progress line is due: after the first 5 s, at each 10% step (at most one a second) or every 5 s. */
export function progressLineDue(s: { now: number; startedAt: number; lastAt: number | undefined; done: number; total: number; lastDone: number }): boolean {
  const QUIET_MS = 5_000;
  if (s.now - s.startedAt < QUIET_MS) return false; // a quick command prints no progress at all
  if (s.lastAt === undefined || s.now - s.lastAt >= QUIET_MS) return true;
  const step = Math.max(1, Math.ceil(s.total / 10));
  return Math.floor(s.done / step) > Math.floor(s.lastDone / step) && s.now - s.lastAt >= 1_000;
}

/** The line itself: `run: 40/100 hosts, 2 not OK (12s)`. */
export function formatProgressLine(label: string, done: number, total: number, failed: number, elapsedMs: number): string {
  return `${label}: ${done}/${total} hosts${failed ? `, ${failed} not OK` : ''} (${Math.round(elapsedMs / 1000)}s)\n`;
}
