// Thresholds: comparisons (>80, >=80, <10, <=10, ==0, !=0) and Nagios ranges (10, 10:, ~:10, 10:20, @10:20).

/** A parsed threshold: `breaches(value)` is true when the value should raise an alert. */
export interface Threshold {
  readonly text: string;
  breaches(value: number): boolean;
}

/** What a threshold may look like, for error messages. */
export const THRESHOLD_FORMS = 'a comparison (>80, >=80, <10, <=10, ==0, !=0) or a Nagios range (10, 10:, ~:10, 10:20, @10:20)';

const NUM = String.raw`[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?`;
const COMPARISON = new RegExp(String.raw`^(>=|<=|==|!=|>|<|=)\s*(${NUM})\s*%?$`);
const RANGE = new RegExp(String.raw`^(@)?(?:(~|${NUM})?:)?(${NUM})?%?$`);

const COMPARE: Record<string, (v: number, n: number) => boolean> = {
  '>': (v, n) => v > n,
  '>=': (v, n) => v >= n,
  '<': (v, n) => v < n,
  '<=': (v, n) => v <= n,
  '==': (v, n) => v === n,
  '=': (v, n) => v === n,
  '!=': (v, n) => v !== n,
};

/** Parses a threshold from a string or a number (a bare number is the Nagios range 0:N); undefined when invalid. */
export function parseThreshold(spec: unknown): Threshold | undefined {
  if (typeof spec === 'number' && Number.isFinite(spec)) return parseThreshold(String(spec));
  if (typeof spec !== 'string') return undefined;
  const text = spec.trim();
  const comparison = COMPARISON.exec(text);
  if (comparison) {
    const compare = COMPARE[comparison[1]!]!;
    const bound = Number(comparison[2]);
    return { text, breaches: (value) => compare(value, bound) };
  }
  return parseRange(text);
}

function parseRange(text: string): Threshold | undefined {
  const match = RANGE.exec(text);
  if (!match || text === '' || text === '@' || !/\d|~/.test(text)) return undefined;
  const [, inside, startText, endText] = match;
  // "10" means 0:10; "10:" means 10:infinity; "~:10" means -infinity:10.
  const hasColon = text.includes(':');
  const start = !hasColon ? 0 : startText === undefined ? 0 : startText === '~' ? -Infinity : Number(startText);
  const end = endText === undefined ? Infinity : Number(endText);
  if (!hasColon && endText === undefined) return undefined;
  if (start > end) return undefined;
  const within = (value: number): boolean => value >= start && value <= end;
  return { text, breaches: inside ? within : (value) => !within(value) };
}
