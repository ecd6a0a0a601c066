// Terminal colours: the one place that decides how a status looks, with kleur's switch set per call.
import kleur from 'kleur';
import type { Status } from '../results/status.js';
import type { TestStatus } from '../results/test-types.js';

const STATUS_COLOR: Record<Status, (text: string) => string> = {
  OK: (t) => kleur.green(t),
  WARN: (t) => kleur.yellow(t),
  ERROR: (t) => kleur.red(t),
  UNKNOWN: (t) => kleur.magenta(t),
};

/** Decides whether to colour output, following NO_COLOR, FORCE_COLOR, NODE_DISABLE_COLORS and TERM=dumb. */
export function detectColor(env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
  if (env.NODE_DISABLE_COLORS != null || env.NO_COLOR != null || env.TERM === 'dumb') return false;
  if (env.FORCE_COLOR != null) return env.FORCE_COLOR !== '0';
  return isTTY;
}

/** Runs `render` with kleur switched on or off, restoring kleur's global switch afterwards. */
export function withColor<T>(color: boolean, render: () => T): T {
  const before = kleur.enabled;
  kleur.enabled = color;
  try {
    return render();
  } finally {
    kleur.enabled = before;
  }
}

/** Colours text in a status's colour (a no-op unless inside `withColor(true, ...)`). */
export function paintStatus(status: Status, text: string): string {
  return STATUS_COLOR[status](text);
}

const TEST_COLOR: Record<TestStatus, (text: string) => string> = {
  PASS: (t) => kleur.green(t),
  FLAKY: (t) => kleur.yellow(t),
  OK_TO_FAIL: (t) => kleur.yellow(t),
  IGNORED: (t) => kleur.dim(t),
  NOT_RUN: (t) => kleur.magenta(t),
  INTERRUPTED: (t) => kleur.magenta(t),
  FAIL: (t) => kleur.red(t),
};

/** Colours text in a test outcome's colour (a no-op unless inside `withColor(true, ...)`). */
export function paintTestStatus(status: TestStatus, text: string): string {
  return TEST_COLOR[status](text);
}

/** Makes text bold (host names). */
export function paintBold(text: string): string {
  return kleur.bold(text);
}

/** Makes text dim (secondary detail: timestamps, timings). */
export function paintDim(text: string): string {
  return kleur.dim(text);
}
