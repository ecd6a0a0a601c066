// Connection detail for -v/-vv (address, jump, host key, auth, phase timings): lines the caller prints and logs; never secrets.

/** Where connection detail goes: `level` 1 is -v, 2 is -vv; a line above `level` is never built. */
export interface ConnectTrace {
  readonly level: 0 | 1 | 2;
  line(level: 1 | 2, text: string): void;
}

/** The trace that records nothing (library use, tests). */
export const NO_TRACE: ConnectTrace = Object.freeze({ level: 0, line: () => undefined });

/** "N ms" since a performance.now() reading, for phase timings. */
export function msSince(start: number): string {
  return `${Math.round(performance.now() - start)} ms`;
}

/** A trace that prefixes each line with a host (or jump) name and drops lines above its level. */
export function traceFor(trace: ConnectTrace, name: string): (level: 1 | 2, text: string) => void {
  return (level, text) => {
    if (level <= trace.level) trace.line(level, `${name}: ${text}`);
  };
}
