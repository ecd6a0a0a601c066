// The options every test has, YAML or code: description, needs, matrix/params, timeout, okToFail, ignore, watch.
import { parseDuration } from './duration.js';
import { didYouMean } from './suggest.js';
import { TEST_OPTION_DOCS } from './test-keys.js';
import { describe, isObj, type Report } from './test-steps.js';
import { DEFAULT_TEST_TIMEOUT_MS } from './test-types.js';

/** The validated options of one test. */
export interface TestOptions {
  description?: string | undefined;
  needs: Record<string, number>;
  matrix: Record<string, unknown[]>;
  params: Record<string, unknown>[];
  timeoutMs: number;
  okToFail: boolean;
  ignore: boolean;
  watchFail: boolean;
}

/** `needs: { g: all }` before collection resolves it to the group's size. */
export const ALL_OF_GROUP = 0;

/** Keys of a test besides its step lists. */
export const OPTION_KEYS = Object.keys(TEST_OPTION_DOCS) as readonly (keyof typeof TEST_OPTION_DOCS)[];

/** Validates the options of a test (unknown keys are the caller's business); undefined when any is wrong. */
export function parseTestOptions(raw: Record<string, unknown>, report: Report): TestOptions | undefined {
  let ok = true;
  const bad = (path: (string | number)[], msg: string) => {
    ok = false;
    report(path, msg);
  };
  const description = raw.description;
  if (description !== undefined && typeof description !== 'string') bad(['description'], `expected text, got ${describe(description)}`);
  const needs: Record<string, number> = {};
  if (raw.needs !== undefined) {
    if (!isObj(raw.needs)) bad(['needs'], `expected { GROUP: COUNT } (e.g. { kafka: 3 }), got ${describe(raw.needs)}`);
    else
      for (const [g, n] of Object.entries(raw.needs)) {
        if (typeof n === 'number' && Number.isInteger(n) && n >= 1) needs[g] = n;
        else if (n === 'all') needs[g] = ALL_OF_GROUP;
        else bad(['needs', g], `expected a number of hosts (1 or more) or all, got ${describe(n)}`);
      }
  }
  const matrix: Record<string, unknown[]> = {};
  if (raw.matrix !== undefined) {
    if (!isObj(raw.matrix)) bad(['matrix'], `expected a map of lists (e.g. { acks: [1, all] }), got ${describe(raw.matrix)}`);
    else
      for (const [k, vs] of Object.entries(raw.matrix)) {
        if (Array.isArray(vs) && vs.length > 0) matrix[k] = vs;
        else bad(['matrix', k], `expected a non-empty list of values, got ${describe(vs)}: a matrix is a map of lists`);
      }
  }
  const params: Record<string, unknown>[] = [];
  if (raw.params !== undefined) {
    if (!Array.isArray(raw.params) || raw.params.length === 0) bad(['params'], `expected a non-empty list of parameter maps (e.g. [{ acks: 1 }, { acks: all }]), got ${describe(raw.params)}`);
    else raw.params.forEach((p, i) => (isObj(p) ? params.push(p) : bad(['params', i], `expected a map of parameters, got ${describe(p)}`)));
  }
  let timeoutMs = DEFAULT_TEST_TIMEOUT_MS;
  if (raw.timeout !== undefined) {
    const t = parseDuration(raw.timeout);
    if (t === undefined || t === 0) bad(['timeout'], `expected a duration like 10m, got ${describe(raw.timeout)}`);
    else timeoutMs = t;
  }
  const flag = (key: 'okToFail' | 'ignore') => {
    const v = raw[key];
    if (v === undefined) return false;
    if (typeof v === 'boolean') return v;
    bad([key], `expected true or false, got ${describe(v)}`);
    return false;
  };
  const okToFail = flag('okToFail');
  const ignore = flag('ignore');
  let watchFail = false;
  if (raw.watch !== undefined) {
    if (!isObj(raw.watch)) bad(['watch'], `expected { fail: true|false }, got ${describe(raw.watch)}`);
    else {
      const extra = Object.keys(raw.watch).find((k) => k !== 'fail');
      if (extra !== undefined) bad(['watch', extra], `unknown key "${extra}"${didYouMean(extra, ['fail'])} (allowed: fail)`);
      if (raw.watch.fail !== undefined && typeof raw.watch.fail !== 'boolean') bad(['watch', 'fail'], `expected true or false, got ${describe(raw.watch.fail)}`);
      watchFail = raw.watch.fail === true;
    }
  }
  if (!ok) return undefined;
  return { description: description as string | undefined, needs, matrix, params, timeoutMs, okToFail, ignore, watchFail };
}
