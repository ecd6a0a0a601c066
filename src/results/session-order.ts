// Ordering of session ids: by day, then numerically within the day (…--999 before …--1000).
const ID = /^(\d{4}-\d{2}-\d{2})--(\d+)$/;

/** Compares two session ids for sorting, oldest first; names that are not ids sort last, by name. */
export function compareSessionIds(a: string, b: string): number {
  const ma = ID.exec(a);
  const mb = ID.exec(b);
  if (!ma || !mb) return ma ? -1 : mb ? 1 : a.localeCompare(b);
  const byDay = (ma[1] ?? '').localeCompare(mb[1] ?? '');
  return byDay !== 0 ? byDay : Number(ma[2]) - Number(mb[2]);
}

/** Returns the ids sorted oldest first. */
export function sortSessionIds(ids: Iterable<string>): string[] {
  return [...ids].sort(compareSessionIds);
}
