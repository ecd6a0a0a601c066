// The check file's schema (SPEC §1): checks (Smoker's "plugins"), templates, actions, services.
import { t } from './schema/types.js';
import { envMap } from './inventory-schema.js';

const statusList = t.list(t.enum(['OK', 'WARN', 'ERROR', 'UNKNOWN'] as const));
const parserSpec = t.union<unknown>(t.string('a parser name or path'), t.object({ type: t.string('a parser type') }, { restInto: 'options', caseInsensitive: true }));

/** Keys shared by checks and templates (a template is a partial check). */
export const checkFields = {
  command: t.string('a shell command').describe('Command run on the host (exactly one of command, module)'),
  module: t.string('a module name or path').describe('Built-in module name or ./path to a script'),
  parser: parserSpec.describe('auto (default), nagios, json, regex/number spec, varnish, systemctl, df, or ./parser.js'),
  timeout: t.duration().describe('Per-check timeout (default 30s)'),
  hosts: t.string('a host pattern').describe('Hosts this check runs on (pattern); default all'),
  type: t.enum(['smokeTest', 'healthCheck'] as const, { smoke: 'smokeTest', health: 'healthCheck' }).describe('smokeTest or healthCheck'),
  category: t.string('a category').describe('Category, for --category'),
  component: t.string('a component').describe('Component, for --component'),
  template: t.string('a template name').describe('Template whose keys this check inherits'),
  action: t.string('an action name').describe('Action run after the check'),
  interval: t.duration().describe('Interval (accepted for Smoker compatibility)'),
  history: t.int(0, 1_000_000).describe('Results to keep (Smoker compatibility)'),
  enabled: t.bool().describe('false disables the check'),
  maintenanceLock: t.string('a path').describe('If this file exists on the host, the check is skipped with WARN'),
  runOnLocked: t.bool().describe('Run even when the maintenance lock exists'),
  sudo: t.bool().describe('Run under sudo'),
  retries: t.int(0, 100).describe('Re-runs when not OK'),
  params: t.record(t.any()).describe('Parameters, as {{ name }} in the command and SMOKER_PARAM_* for modules'),
  watch: t.string('a service name').describe('Watch this service\'s logs while the check runs'),
  // Smoker daemon keys, accepted and ignored: smoker runs commands as the SSH user.
  uid: t.any(),
  gid: t.any(),
  gracePeriod: t.any(),
};

/** A check (or template): unknown keys become parameters, as in Smoker. */
export const checkSchema = t.object(checkFields, { caseInsensitive: true, restInto: 'params' });

/** An action run after a check. */
export const actionSchema = t.object(
  {
    command: t.string('a shell command').describe('Command run after the check (exactly one of command, module)'),
    module: t.string('a module path').describe('Script run after the check, relative to the check file'),
    on: statusList.describe('Statuses that trigger the action (default ERROR, WARN, UNKNOWN)'),
    where: t.enum(['host', 'controller'] as const).describe('host (Smoker behaviour) or controller'),
    timeout: t.duration().describe('Time limit of the action (default 30s)'),
    sudo: t.bool().describe('Run the action under sudo'),
  },
  { caseInsensitive: true, oneOf: { keys: ['command', 'module'], exactlyOne: true } },
);

/** One wait condition of a service (exactly one of port, http, log, command). */
export const waitConditionSchema = t.object(
  {
    port: t.int(1, 65535).describe('TCP port that must accept connections'),
    host: t.string('an address').describe('Address for port checks (default 127.0.0.1)'),
    http: t.string('a URL').describe('URL that must answer 2xx/3xx'),
    log: t.object({ path: t.string('a path'), pattern: t.string('a regular expression') }, { required: ['path', 'pattern'] }).describe('A line matching pattern written to path after the step began'),
    command: t.string('a shell command').describe('Command that must exit 0'),
  },
  { oneOf: { keys: ['port', 'http', 'log', 'command'], exactlyOne: true } },
);

/** A log the watcher tails. */
export const watchSchema = t.object(
  {
    path: t.string('a path').describe('Log file tailed while an operation or run goes on'),
    patterns: t.list(t.string('a regular expression')).describe('Extra exception patterns (Python, Java, FATAL and panic: are built in)'),
    name: t.string('a name').describe('Name of the saved log (default: the file name)'),
  },
  { required: ['path'] },
);

/** A service (ducktape-style): how to start, stop, check and wait for it. */
export const serviceSchema = t.object(
  {
    hosts: t.string('a host pattern').describe('Hosts the service runs on (pattern); default all'),
    start: t.string('a shell command').describe('Starts the service on a host'),
    stop: t.string('a shell command').describe('Stops the service on a host'),
    status: t.string('a shell command').describe('Exit 0 means running'),
    clean: t.string('a shell command').describe('Removes what the service left (data, logs; ducktape\'s clean_node); `smoker clean` runs it, refused while status says running'),
    pidFile: t.string('a path').describe('File holding the pid of the service (for kill and signal)'),
    pids: t.string('a shell command').describe('Prints the pids of the service, one per line (for kill and signal; beats pidFile)'),
    wait: t.list(waitConditionSchema).describe('Conditions polled from the host after start, until waitTimeout'),
    waitTimeout: t.duration().describe('How long wait conditions may take (default 60s)'),
    logs: t.union<unknown>(t.record(t.string('a path')), t.list(t.string('a path'))).describe('Logs collected into the session (name: path, or a list of paths)'),
    watch: t.union<unknown>(watchSchema, t.list(watchSchema)).describe('Logs tailed for exceptions while an operation runs'),
    bounce: t.object({ serial: t.union<unknown>(t.int(1, 100000), t.string('a number or a percentage', /^\d+%$/)), pause: t.duration() }).describe('Rolling restart: serial hosts (N or N%) at a time, pause between batches'),
    sudo: t.bool().describe('Run every command of the service under sudo'),
    env: envMap().describe('Environment variables for the service\'s commands'),
  },
  { caseInsensitive: true },
);

/** A whole check file. `plugins:` is Smoker's name for checks; Smoker daemon settings are ignored. */
export const checksFileSchema = t.object(
  {
    // Valid entries are kept beside invalid ones, so every problem of every check is reported at once.
    checks: t.record(checkSchema, { keepValid: true }),
    plugins: t.record(checkSchema, { keepValid: true }),
    templates: t.record(checkSchema, { keepValid: true }),
    actions: t.record(actionSchema, { keepValid: true }),
    services: t.record(serviceSchema, { keepValid: true }),
    // smokerd.yaml keys, accepted so Smoker's own configuration loads unchanged.
    bind_host: t.any(),
    bind_port: t.any(),
    pidfile: t.any(),
    uid: t.any(),
    gid: t.any(),
    stdin: t.any(),
    stdout: t.any(),
    stderr: t.any(),
    favicon: t.any(),
    logconfig: t.any(),
  },
  { caseInsensitive: true },
);
