// The `t` object a code test receives (SPEC §8): the YAML verbs as methods, plus params, hosts, expect, log, data.

/** What a command run by a test returned. */
export interface ExecOutcome {
  /** Host it ran on (the first host when it ran on several). */
  host: string;
  exitCode: number | null;
  stdout: string;
  stderr: string;
  /** Every host's outcome when it ran on several. */
  hosts: Record<string, { exitCode: number | null; stdout: string; stderr: string }>;
}

/** Options of t.exec. */
export interface TestExecOptions {
  expect?: { exit?: number; stdout?: string | RegExp; stderr?: string | RegExp };
  timeout?: string | number;
}

/** Options of the service verbs. */
export interface ServiceStepOptions {
  /** A host pattern within the test's hosts. */
  on?: string;
  serial?: number | string;
}

/** An expectation: each call is a result of the test (a failed one fails the test, which stops). */
export interface Expectation {
  toBe(expected: unknown): void;
  toEqual(expected: unknown): void;
  toMatch(pattern: RegExp | string): void;
  toContain(part: unknown): void;
  toBeTruthy(): void;
  toBeGreaterThan(n: number): void;
  toBeLessThan(n: number): void;
  readonly not: Omit<Expectation, 'not'>;
}

/** A test's handle on its hosts. */
export interface TestContext {
  /** This test's parameters (one matrix combination). */
  readonly params: Readonly<Record<string, unknown>>;
  /** The test id. */
  readonly id: string;
  /** Host names the test got for a group of `needs` (every host of the test without a group). */
  hosts(group?: string): string[];
  start(service: string, opts?: ServiceStepOptions): Promise<void>;
  stop(service: string, opts?: ServiceStepOptions): Promise<void>;
  restart(service: string, opts?: ServiceStepOptions): Promise<void>;
  bounce(service: string, opts?: ServiceStepOptions): Promise<void>;
  clean(service: string, opts?: ServiceStepOptions): Promise<void>;
  collect(service: string, opts?: ServiceStepOptions): Promise<void>;
  /** Runs a command on hosts (a pattern within the test's hosts); a non-zero exit fails unless expect says otherwise. */
  exec(on: string, command: string, opts?: TestExecOptions): Promise<ExecOutcome>;
  /** Marks a step's promise as background work: the test may go on and await it later (its failure is joined then). */
  background<T>(work: Promise<T>, name?: string): Promise<T>;
  check(names: string | string[], opts?: { on?: string }): Promise<void>;
  wait(what: { check: string } | { exec: string } | { port: number } | { http: string } | { log: { path: string; pattern: string } }, opts?: { on?: string; timeout?: string | number; every?: string | number }): Promise<void>;
  kill(target: string | { service?: string; pidFile?: string; process?: string }, opts?: { on?: string; signal?: string }): Promise<void>;
  signal(target: string | { service?: string; pidFile?: string; process?: string }, signal: string, opts?: { on?: string }): Promise<void>;
  copy(src: string, dest: string, opts?: { on?: string }): Promise<void>;
  fetch(src: string, dest: string, opts?: { on?: string }): Promise<void>;
  sleep(duration: string | number): Promise<void>;
  expect(actual: unknown, label?: string): Expectation;
  /** A line in test.log. */
  log(message: string): void;
  /** Merges data into data.json of the test. */
  data(obj: Record<string, unknown>): void;
}
