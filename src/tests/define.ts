// `import { test } from 'smoker/test'`: declares a code test (SPEC §8); the runner collects the calls.
import type { TestContext } from './context-types.js';
import { callSite, registry } from './registry.js';

/** Options of a code test: as in YAML (needs, matrix, params, timeout, okToFail, ignore, watch), plus setup/teardown functions. */
export interface TestDeclaration {
  description?: string;
  /** Hosts per inventory group: a count, or `all` of the group. */
  needs?: Record<string, number | 'all'>;
  matrix?: Record<string, unknown[]>;
  params?: Record<string, unknown>[];
  timeout?: string | number;
  okToFail?: boolean;
  ignore?: boolean;
  watch?: { fail?: boolean };
  /** Runs before the test; its failure fails the test (teardown still runs). */
  setup?: (t: TestContext) => Promise<void> | void;
  /** Always runs after the test, also after a failure or a timeout. */
  teardown?: (t: TestContext) => Promise<void> | void;
}

/** Declares a test: `test(name, fn)` or `test(name, options, fn)`. */
export function test(name: string, optionsOrFn: TestDeclaration | ((t: TestContext) => Promise<void> | void), maybeFn?: (t: TestContext) => Promise<void> | void): void {
  const r = registry();
  const [options, fn] = typeof optionsOrFn === 'function' ? [{}, optionsOrFn] : [optionsOrFn ?? {}, maybeFn];
  r.calls.push({ name, options: options as Record<string, unknown>, fn: fn as never, at: callSite(new Error().stack, r.file) });
}

export type { TestContext, ExecOutcome, Expectation, TestExecOptions, ServiceStepOptions } from './context-types.js';
