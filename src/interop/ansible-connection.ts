// Ansible's behavioural inventory variables mapped to smoker connection keys; secrets are never copied.

import type { SourcePos } from '../errors.js';
import type { AnsibleVars } from './ansible-model.js';
import { describeSecret } from './ansible-secrets.js';
import type { ConnectionFields } from './inventory-doc.js';
import { ShellSyntaxError } from './shlex.js';
import { readSshArgs } from './ssh-args.js';
import { createSshOptions, sshOptionsToFields } from './ssh-options.js';
import { formatWarning } from './source-pos.js';

/** Connection keys and the variables left over for `vars:`. */
export interface MappedVars {
  fields: ConnectionFields;
  vars: Record<string, unknown>;
}

const SSH_ARGS = ['ansible_ssh_common_args', 'ansible_ssh_extra_args'];
const SSH_CONNECTIONS = new Set(['ssh', 'smart', 'paramiko', 'paramiko_ssh', 'ansible.builtin.ssh', 'ansible.builtin.paramiko_ssh']);
const TEMPLATE = /\{\{|\{%/;

interface Ctx {
  subject: string;
  warnings: string[];
  fields: ConnectionFields;
  vars: Record<string, unknown>;
}

/**
 * Splits one host's or group's Ansible variables into smoker connection keys and plain vars.
 * `subject` names it in warnings ("host web1"); `envSubject` seeds suggested env var names ("web1").
 */
export function mapAnsibleVars(source: AnsibleVars, subject: string, envSubject: string, warnings: string[]): MappedVars {
  const ctx: Ctx = { subject, warnings, fields: {}, vars: {} };
  readArgs(ctx, source);
  for (const [name, { value, pos }] of source) {
    if (SSH_ARGS.includes(name)) continue;
    const warn = (msg: string): void => void warnings.push(formatWarning(pos, `${subject}: ${msg}`));
    const secret = describeSecret(name, value, envSubject);
    if (secret) {
      warn(secret);
      continue;
    }
    if (typeof value === 'string' && TEMPLATE.test(value) && isConnectionVar(name)) {
      warn(`${name} is a Jinja template ("${value}"); kept in vars, set the smoker key by hand`);
      ctx.vars[name] = value;
      continue;
    }
    if (!mapOne(ctx, name, value, warn)) ctx.vars[name] = value;
  }
  return { fields: ctx.fields, vars: ctx.vars };
}

const CONNECTION_VARS = new Set([
  'ansible_host',
  'ansible_ssh_host',
  'ansible_port',
  'ansible_ssh_port',
  'ansible_user',
  'ansible_ssh_user',
  'ansible_ssh_private_key_file',
  'ansible_private_key_file',
  'ansible_connection',
  'ansible_become',
  'ansible_sudo',
  'ansible_timeout',
  'ansible_ssh_timeout',
  'ansible_host_key_checking',
  'ansible_ssh_host_key_checking',
]);

function isConnectionVar(name: string): boolean {
  return CONNECTION_VARS.has(name) || SSH_ARGS.includes(name);
}

// Returns true when the variable became a connection key (or was deliberately dropped).
function mapOne(ctx: Ctx, name: string, value: unknown, warn: (msg: string) => void): boolean {
  const f = ctx.fields;
  switch (name) {
    case 'ansible_host':
    case 'ansible_ssh_host':
      f.address = String(value);
      return true;
    case 'ansible_port':
    case 'ansible_ssh_port': {
      const port = Number(value);
      if (Number.isInteger(port) && port >= 1 && port <= 65535) {
        f.port = port;
        return true;
      }
      warn(`${name} "${String(value)}" is not a port 1-65535; kept in vars`);
      return false;
    }
    case 'ansible_user':
    case 'ansible_ssh_user':
      f.user = String(value);
      return true;
    case 'ansible_ssh_private_key_file':
    case 'ansible_private_key_file':
      f.identityFile = String(value);
      return true;
    case 'ansible_connection':
      return mapConnection(f, String(value), warn);
    case 'ansible_become':
    case 'ansible_sudo':
      return mapBoolean(value, (b) => (f.sudo = b), name, warn);
    case 'ansible_become_method':
      if (value === 'sudo') return true;
      warn(`ansible_become_method ${String(value)}: smoker escalates with sudo only; kept in vars`);
      return false;
    case 'ansible_become_user':
      if (value === 'root') return true;
      warn(`ansible_become_user ${String(value)}: smoker's sudo runs commands as root; kept in vars`);
      return false;
    case 'ansible_timeout':
    case 'ansible_ssh_timeout':
      if (Number.isFinite(Number(value)) && Number(value) > 0) {
        f.connectTimeout = `${Number(value)}s`;
        return true;
      }
      warn(`${name} "${String(value)}" is not a number of seconds; kept in vars`);
      return false;
    case 'ansible_host_key_checking':
    case 'ansible_ssh_host_key_checking':
      return mapBoolean(value, (b) => (f.hostKeyPolicy = b ? 'strict' : 'off'), name, warn);
    default:
      return false;
  }
}

function mapConnection(f: ConnectionFields, kind: string, warn: (msg: string) => void): boolean {
  if (kind === 'local' || kind === 'ansible.builtin.local') {
    f.transport = 'local';
    return true;
  }
  if (SSH_CONNECTIONS.has(kind)) {
    f.transport = 'ssh';
    return true;
  }
  warn(`ansible_connection ${kind}: smoker connects over ssh or locally only; kept in vars`);
  return false;
}

function mapBoolean(value: unknown, set: (b: boolean) => void, name: string, warn: (msg: string) => void): boolean {
  const b = toBoolean(value);
  if (b === undefined) {
    warn(`${name} "${String(value)}" is not a boolean; kept in vars`);
    return false;
  }
  set(b);
  return true;
}

/** Ansible's boolean(): yes/no, true/false, on/off, 1/0, y/n, t/f. */
function toBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  const s = String(value).toLowerCase();
  if (['yes', 'true', 'on', '1', 'y', 't', '1.0'].includes(s)) return true;
  if (['no', 'false', 'off', '0', 'n', 'f', '0.0'].includes(s)) return false;
  return undefined;
}

// ansible_ssh_common_args/extra_args: -o ProxyJump=, -J, ProxyCommand "ssh -W %h:%p", host key options.
function readArgs(ctx: Ctx, source: AnsibleVars): void {
  const opts = createSshOptions();
  let pos: SourcePos | undefined;
  const unused: string[] = [];
  for (const name of SSH_ARGS) {
    const entry = source.get(name);
    if (!entry || entry.value === null || entry.value === undefined) continue;
    pos ??= entry.pos;
    const text = String(entry.value);
    try {
      unused.push(...readSshArgs(text, opts));
    } catch (err) {
      if (!(err instanceof ShellSyntaxError)) throw err;
      ctx.warnings.push(formatWarning(entry.pos, `${ctx.subject}: ${name} has ${err.message}; not converted`));
    }
  }
  if (pos === undefined) return;
  const warn = (msg: string): void => void ctx.warnings.push(formatWarning(pos, `${ctx.subject}: ${msg}`));
  Object.assign(ctx.fields, sshOptionsToFields(opts, warn));
  if (unused.length) warn(`ssh arguments not converted: ${unused.join(' ')}`);
}
