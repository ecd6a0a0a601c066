// t.expect(actual): each matcher call is a step of the test; a false one fails it.
import { isDeepStrictEqual, inspect } from 'node:util';
import type { Expectation } from './context-types.js';

/** What a matcher reports: whether it held, and the sentence describing it. */
export interface Verdict {
  passed: boolean;
  /** `expected "abc" to match /x/`. */
  text: string;
}

/** Builds the matchers for a value; `record` turns each verdict into a step (and throws when it failed). */
export function buildExpectation(actual: unknown, record: (v: Verdict) => void, negate = false): Expectation {
  const show = (v: unknown) => inspect(v, { depth: 3, breakLength: Infinity, maxStringLength: 200 });
  const judge = (ok: boolean, what: string) => record({ passed: negate ? !ok : ok, text: `expected ${show(actual)} ${negate ? 'not ' : ''}${what}` });
  const matchers: Omit<Expectation, 'not'> = {
    toBe: (e) => judge(Object.is(actual, e), `to be ${show(e)}`),
    toEqual: (e) => judge(isDeepStrictEqual(actual, e), `to equal ${show(e)}`),
    toMatch: (p) => judge(typeof actual === 'string' && (typeof p === 'string' ? actual.includes(p) : p.test(actual)), `to match ${typeof p === 'string' ? show(p) : String(p)}`),
    toContain: (part) => judge((typeof actual === 'string' && typeof part === 'string' && actual.includes(part)) || (Array.isArray(actual) && actual.some((x) => isDeepStrictEqual(x, part))), `to contain ${show(part)}`),
    toBeTruthy: () => judge(Boolean(actual), 'to be truthy'),
    toBeGreaterThan: (n) => judge(typeof actual === 'number' && actual > n, `to be greater than ${n}`),
    toBeLessThan: (n) => judge(typeof actual === 'number' && actual < n, `to be less than ${n}`),
  };
  return Object.defineProperty(matchers, 'not', { get: () => buildExpectation(actual, record, !negate) }) as Expectation;
}
