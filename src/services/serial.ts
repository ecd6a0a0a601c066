// `--serial N|N%`: how many hosts a rolling operation touches at once, and the batches that makes.

/** Parses `3`, `"3"` or `"25%"`; undefined when it is neither. */
export function parseSerial(value: number | string): { count: number } | { percent: number } | undefined {
  const text = String(value).trim();
  const pct = /^(\d+(?:\.\d+)?)%$/.exec(text);
  if (pct) {
    const percent = Number(pct[1]);
    return percent > 0 && percent <= 100 ? { percent } : undefined;
  }
  if (!/^\d+$/.test(text)) return undefined;
  const count = Number(text);
  return count >= 1 ? { count } : undefined;
}

/** Batch size for `total` hosts: N, or N% of them rounded down (Ansible), never below 1. */
export function computeBatchSize(serial: { count: number } | { percent: number }, total: number): number {
  if ('count' in serial) return serial.count;
  return Math.max(1, Math.floor((serial.percent / 100) * total));
}

/** Splits items into consecutive batches of `size`. */
export function splitBatches<T>(items: readonly T[], size: number): T[][] {
  const n = Math.max(1, Math.floor(size));
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += n) out.push(items.slice(i, i + n));
  return out;
}
