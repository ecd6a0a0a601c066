// Status counts as text: `10 OK, 1 WARN, 1 ERROR`.
import { STATUSES, type Status } from '../results/status.js';
import type { StatusCounts } from '../results/types.js';

/** Adds up counts over all statuses. */
export function sumCounts(counts: StatusCounts): number {
  return STATUSES.reduce((total, s) => total + counts[s], 0);
}

/** Lists the non-zero counts, OK first and ERROR last, each passed through `paint` (e.g. a colour). */
export function formatCounts(
  counts: StatusCounts,
  paint: (status: Status, text: string) => string = (_s, t) => t,
): string {
  return STATUSES.filter((s) => counts[s] > 0).map((s) => paint(s, `${counts[s]} ${s}`)).join(', ');
}

/** Formats `N things: counts`, with the right plural and nothing after the colon when empty. */
export function formatCounted(
  noun: string,
  counts: StatusCounts,
  paint?: (status: Status, text: string) => string,
): string {
  const total = sumCounts(counts);
  const label = `${total} ${noun}${total === 1 ? '' : 's'}`;
  return total === 0 ? label : `${label}: ${formatCounts(counts, paint)}`;
}
