// Validated `smoker test` definitions (SPEC §8): what the runner sees after collection.
import type { SourcePos } from '../errors.js';

/** The step verbs of a YAML test. */
export const STEP_KINDS = ['start', 'stop', 'restart', 'bounce', 'clean', 'exec', 'join', 'check', 'wait', 'kill', 'signal', 'copy', 'fetch', 'sleep', 'collect'] as const;
export type StepKind = (typeof STEP_KINDS)[number];

/** What an exec (or a join) expects of its outcome; stdout/stderr are regular expressions. */
export interface ExpectSpec {
  readonly exit?: number | undefined;
  readonly stdout?: string | undefined;
  readonly stderr?: string | undefined;
}

/** One YAML step, validated: its verb, its arguments as written and where it was written. */
export type StepDef =
  | { readonly kind: 'start' | 'stop' | 'restart' | 'bounce' | 'clean' | 'collect'; readonly service: string; readonly on?: string | undefined; readonly serial?: number | string | undefined; readonly pos: SourcePos }
  | { readonly kind: 'exec'; readonly command: string; readonly on?: string | undefined; readonly expect: ExpectSpec; readonly background?: string | undefined; readonly timeoutMs?: number | undefined; readonly pos: SourcePos }
  | { readonly kind: 'join'; readonly name: string; readonly expect: ExpectSpec; readonly pos: SourcePos }
  | { readonly kind: 'check'; readonly checks: readonly string[]; readonly on?: string | undefined; readonly pos: SourcePos }
  | { readonly kind: 'wait'; readonly what: WaitSpec; readonly on?: string | undefined; readonly timeoutMs: number; readonly everyMs: number; readonly pos: SourcePos }
  | { readonly kind: 'kill' | 'signal'; readonly service?: string | undefined; readonly pidFile?: string | undefined; readonly process?: string | undefined; readonly on?: string | undefined; readonly signal: string; readonly pos: SourcePos }
  | { readonly kind: 'copy' | 'fetch'; readonly src: string; readonly dest: string; readonly on?: string | undefined; readonly pos: SourcePos }
  | { readonly kind: 'sleep'; readonly ms: number; readonly pos: SourcePos };

/** What a `wait:` step polls until OK. */
export type WaitSpec =
  | { readonly kind: 'check'; readonly check: string }
  | { readonly kind: 'exec'; readonly command: string }
  | { readonly kind: 'port'; readonly port: number }
  | { readonly kind: 'http'; readonly url: string }
  | { readonly kind: 'log'; readonly path: string; readonly pattern: string };

/** The `t` object a code test receives; declared here so config stays free of the runner. */
export type TestBody = (t: never) => Promise<void> | void;

/** One test as written, before parameters are expanded. */
export interface TestSpec {
  readonly name: string;
  /** Test file, as displayed (relative to the working directory). */
  readonly file: string;
  readonly pos: SourcePos;
  readonly description?: string | undefined;
  /** Hosts needed per inventory group. */
  readonly needs: Readonly<Record<string, number>>;
  /** Where each group of `needs` was written (for collection errors). */
  readonly needsPos?: Readonly<Record<string, SourcePos>> | undefined;
  /** Cartesian parameters; `params` lists explicit combinations (both may be given: each params entry × matrix). */
  readonly matrix: Readonly<Record<string, readonly unknown[]>>;
  readonly params: readonly Readonly<Record<string, unknown>>[];
  readonly timeoutMs: number;
  readonly okToFail: boolean;
  readonly ignore: boolean;
  /** `watch: {fail: true}`: log-watcher findings fail the step they appeared in. */
  readonly watchFail: boolean;
  /** Services whose `watch:` logs are tailed for the whole test (YAML: every service a step names). */
  readonly watchServices: readonly string[];
  readonly setup: readonly StepDef[];
  readonly steps: readonly StepDef[];
  readonly teardown: readonly StepDef[];
  /** Code tests: the function, and optional setup/teardown functions. */
  readonly body?: TestBody | undefined;
  readonly setupFn?: TestBody | undefined;
  readonly teardownFn?: TestBody | undefined;
}

/** One test id to run: a spec with one combination of parameters. */
export interface TestCase {
  readonly id: string;
  readonly spec: TestSpec;
  readonly params: Readonly<Record<string, unknown>>;
}

/** Default per-test timeout: 30 minutes. */
export const DEFAULT_TEST_TIMEOUT_MS = 30 * 60_000;
