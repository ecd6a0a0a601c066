// The keys of a YAML test and of each step verb, with what they do: the validator's allowed keys and the
// generated docs/reference/tests.md come from this one table, so the two cannot drift.
import type { StepKind } from './test-types.js';

/** One key: the value it takes and what it does, in words. */
export interface KeyDoc {
  readonly value: string;
  readonly doc: string;
}

/** One step verb: its short form (a scalar instead of a map), what it does, and its keys. */
export interface StepDoc {
  readonly short?: string | undefined;
  readonly doc: string;
  readonly keys: Readonly<Record<string, KeyDoc>>;
}

const ON: KeyDoc = { value: 'a host pattern', doc: 'The test\'s hosts it runs on (default: all of them); `group[0]`, `group[-1]`, `group[0:1]` pick by position.' };
const EXPECT: KeyDoc = { value: 'a map with `exit`, `stdout`, `stderr`', doc: 'What the outcome must be: an exit code, and regular expressions stdout/stderr must match. Without `exit`, a non-zero exit fails.' };

function serviceStep(doc: string): StepDoc {
  return {
    short: 'the service name',
    doc,
    keys: {
      service: { value: 'a service name', doc: 'A service of the check files (required).' },
      on: ON,
      serial: { value: 'a number of hosts or N%', doc: 'Hosts per batch (default: all at once; for bounce, the service\'s `bounce.serial`).' },
    },
  };
}

const PROCESS_TARGET = {
  service: { value: 'a service name', doc: 'The service\'s processes, found through its `pidFile:` or `pids:`.' },
  pidFile: { value: 'a path', doc: 'The process whose pid is in this file on the host.' },
  process: { value: 'a pattern', doc: 'The processes `pgrep -f` finds with this pattern.' },
  on: ON,
} as const;

/** Every step verb of a YAML test, in the order the docs list them. */
export const STEP_DOCS: Readonly<Record<StepKind, StepDoc>> = {
  start: serviceStep('Starts a service (and waits for its `wait:` conditions); a running service is OK at once.'),
  stop: serviceStep('Stops a service.'),
  restart: serviceStep('Stops then starts a service.'),
  bounce: serviceStep('A rolling restart: stop, start and wait, batch by batch.'),
  clean: serviceStep('Runs the service\'s `clean` action (refused while it runs).'),
  collect: serviceStep('Copies the service\'s logs into the test\'s folder.'),
  exec: {
    short: 'the command',
    doc: 'Runs a shell command on the hosts. `{{ }}` sees the host\'s values and the test\'s params, shell-quoted.',
    keys: {
      command: { value: 'a command', doc: 'The command (required).' },
      on: ON,
      expect: EXPECT,
      background: { value: 'a name', doc: 'Runs in the background under this name; a later `join:` waits for it.' },
      timeout: { value: 'a duration like 30s', doc: 'Kills the command (and fails the step) after this long.' },
    },
  },
  join: {
    short: 'the background name',
    doc: 'Waits for a background `exec` started by an earlier step.',
    keys: { name: { value: 'a name', doc: 'The `background:` name (required).' }, expect: EXPECT },
  },
  check: {
    short: 'a check name or a list of them',
    doc: 'Runs checks of the check files; ERROR or UNKNOWN fails the step.',
    keys: { checks: { value: 'a list of check names', doc: 'The checks (required).' }, on: ON },
  },
  wait: {
    doc: 'Polls one condition until it holds, starting fast and backing off to `every`.',
    keys: {
      check: { value: 'a check name', doc: 'Until the check is OK.' },
      exec: { value: 'a command', doc: 'Until the command exits 0.' },
      port: { value: 'a port 1-65535', doc: 'Until the port accepts connections on the host.' },
      http: { value: 'an http:// or https:// URL', doc: 'Until the URL answers 2xx or 3xx (asked on the host).' },
      log: { value: 'a map with `path`, `pattern`', doc: 'Until a line of the log file matches the regular expression.' },
      timeout: { value: 'a duration like 60s', doc: 'Fails the step after this long (default 60s).' },
      every: { value: 'a duration like 2s', doc: 'The longest pause between polls (default 1s).' },
      on: ON,
    },
  },
  kill: {
    short: 'a service name',
    doc: 'Sends a signal (default KILL) to processes: exactly one of `service`, `pidFile`, `process`.',
    keys: { ...PROCESS_TARGET, signal: { value: 'a signal name like KILL or TERM', doc: 'The signal (default KILL).' } },
  },
  signal: {
    short: 'a service name',
    doc: 'Sends a signal to processes: exactly one of `service`, `pidFile`, `process`.',
    keys: { ...PROCESS_TARGET, signal: { value: 'a signal name like HUP or STOP', doc: 'The signal (required).' } },
  },
  copy: {
    doc: 'Uploads a file or a folder (modes kept), from the test file\'s folder.',
    keys: { src: { value: 'a local path', doc: 'Relative to the test file (required).' }, dest: { value: 'a remote path', doc: 'On each host (required).' }, on: ON },
  },
  fetch: {
    doc: 'Downloads a file or a folder into the test\'s folder, as `<dest>/<host>/`.',
    keys: { src: { value: 'a remote path', doc: 'On each host (required).' }, dest: { value: 'a folder name', doc: 'Inside the test\'s folder (required).' }, on: ON },
  },
  sleep: { short: 'a duration like 2s', doc: 'Waits that long.', keys: {} },
};

/** The keys of `expect:`. */
export const EXPECT_KEYS: Readonly<Record<string, KeyDoc>> = {
  exit: { value: 'an exit code', doc: 'The exit code the command must end with.' },
  stdout: { value: 'a regular expression', doc: 'Must match somewhere in stdout (multi-line: `^`/`$` match at line ends).' },
  stderr: { value: 'a regular expression', doc: 'Must match somewhere in stderr.' },
};

/** The keys of a test besides its step lists (YAML and code tests alike). */
export const TEST_OPTION_DOCS = {
  description: { value: 'text', doc: 'Shown in reports.' },
  needs: { value: 'a map of group → a count or `all`', doc: 'Hosts of those inventory groups, disjoint per running test. Without it, every host of the inventory (the test runs alone).' },
  matrix: { value: 'a map of name → a list', doc: 'One test per combination of values, id `name@{"k":v}`.' },
  params: { value: 'a list of maps', doc: 'One test per map (each × the matrix when both are given).' },
  timeout: { value: 'a duration like 10m', doc: 'Default 30m. On expiry the test\'s remote work is killed and its teardown still runs.' },
  okToFail: { value: 'true or false', doc: 'A failure is OK_TO_FAIL and does not fail the run.' },
  ignore: { value: 'true or false', doc: 'The test is IGNORED, not run.' },
  watch: { value: 'a map with `fail`', doc: '`fail: true`: findings of the services\' `watch:` logs fail the step they appeared in (else they are warnings on it).' },
} as const satisfies Record<string, KeyDoc>;

/** The step lists of a YAML test, in the order they run. */
export const PHASE_DOCS = {
  setup: { value: 'a list of steps', doc: 'Runs first; a failure here skips `steps`.' },
  steps: { value: 'a list of steps', doc: 'The scenario (required).' },
  teardown: { value: 'a list of steps', doc: 'Always runs, also after a failure or a timeout.' },
} as const satisfies Record<string, KeyDoc>;

/** The keys a step verb takes. */
export function stepKeys(kind: StepKind): readonly string[] {
  return Object.keys(STEP_DOCS[kind].keys);
}
