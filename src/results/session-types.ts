// What session.json holds (SPEC §4).
import type { RunReport } from './types.js';

/** `failed`: the command itself threw (an internal or a disk error) before it could finish. */
export type SessionState = 'running' | 'complete' | 'interrupted' | 'failed';

/** The contents of session.json. */
export interface SessionMeta {
  id: string;
  /** What ran: `run`, `exec`, `bounce kafka`... */
  command: string;
  argv: string[];
  inventory?: string;
  /** Hosts the command set out to touch, so a killed run can say how many of them finished. */
  hosts?: string[];
  filters?: Record<string, unknown>;
  /** `K/N` when the command ran with --shard K/N. */
  shard?: string;
  /** Session folders a `sessions merge` combined, in the order given. */
  sources?: string[];
  versions: { smoker: string; node: string };
  pid: number;
  startedAt: string;
  endedAt?: string;
  state: SessionState;
  counts?: RunReport['counts'];
  durationMs?: number;
}
