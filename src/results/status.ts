// Result statuses and their aggregation order (SPEC §2): ERROR > UNKNOWN > WARN > OK.

export const STATUSES = ['OK', 'WARN', 'UNKNOWN', 'ERROR'] as const;
export type Status = (typeof STATUSES)[number];

const RANK: Record<Status, number> = { OK: 0, WARN: 1, UNKNOWN: 2, ERROR: 3 };

/** Returns the worse of the given statuses (OK for none). */
export function worst(statuses: Iterable<Status>): Status {
  let out: Status = 'OK';
  for (const s of statuses) if (RANK[s] > RANK[out]) out = s;
  return out;
}

/** Whether `a` is strictly worse than `b`. */
export function isWorse(a: Status, b: Status): boolean {
  return RANK[a] > RANK[b];
}

/** Whether a value is one of the four statuses. */
export function isStatus(value: unknown): value is Status {
  return typeof value === 'string' && (STATUSES as readonly string[]).includes(value);
}
