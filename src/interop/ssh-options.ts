// ssh_config options (from `vagrant ssh-config` blocks or `-o` flags) turned into smoker connection keys.

import type { HostKeyPolicy } from '../config/types.js';
import type { ConnectionFields } from './inventory-doc.js';
import { readProxyCommand } from './proxy-command.js';

/** The options of one host, as collected; keys are matched case-insensitively, first value wins as in ssh. */
export interface SshOptions {
  hostName?: string;
  user?: string;
  port?: string;
  identityFiles: string[];
  proxyJump?: string;
  proxyCommand?: string;
  strictHostKeyChecking?: string;
  userKnownHostsFiles?: string[];
  connectTimeout?: string;
  forwardAgent?: string;
}

/** Options with no smoker equivalent that only tune the client; dropped without a warning. */
const TUNING_ONLY = new Set(
  [
    'PasswordAuthentication',
    'IdentitiesOnly',
    'LogLevel',
    'PubkeyAcceptedKeyTypes',
    'PubkeyAcceptedAlgorithms',
    'HostKeyAlgorithms',
    'PreferredAuthentications',
    'Compression',
    'DSAAuthentication',
    'ServerAliveInterval',
    'ServerAliveCountMax',
    'ControlMaster',
    'ControlPath',
    'ControlPersist',
    'AddKeysToAgent',
    'UseKeychain',
    'TCPKeepAlive',
    'ForwardX11',
    'ForwardX11Trusted',
    'GSSAPIAuthentication',
    'KbdInteractiveAuthentication',
    'ChallengeResponseAuthentication',
    'BatchMode',
    'CheckHostIP',
  ].map((k) => k.toLowerCase()),
);

/** Creates an empty option set. */
export function createSshOptions(): SshOptions {
  return { identityFiles: [] };
}

/** Records one option; returns false for an option smoker cannot express (the caller warns). */
export function addSshOption(opts: SshOptions, key: string, value: string): boolean {
  const k = key.toLowerCase();
  if (TUNING_ONLY.has(k)) return true;
  switch (k) {
    case 'hostname':
      opts.hostName ??= value;
      return true;
    case 'user':
      opts.user ??= value;
      return true;
    case 'port':
      opts.port ??= value;
      return true;
    case 'identityfile':
      opts.identityFiles.push(value);
      return true;
    case 'proxyjump':
      opts.proxyJump ??= value;
      return true;
    case 'proxycommand':
      opts.proxyCommand ??= value;
      return true; // a jump when it is the ssh -W idiom, else run for real

    case 'stricthostkeychecking':
      opts.strictHostKeyChecking ??= value.toLowerCase();
      return true;
    case 'userknownhostsfile':
      opts.userKnownHostsFiles ??= value.split(/\s+/).filter(Boolean);
      return true;
    case 'connecttimeout':
      opts.connectTimeout ??= value;
      return true;
    case 'forwardagent':
      opts.forwardAgent ??= value.toLowerCase();
      return value.toLowerCase() === 'no';
    default:
      return false;
  }
}

/** Maps collected options to connection keys; `warn` hears about values that do not fit. */
export function sshOptionsToFields(opts: SshOptions, warn: (message: string) => void): ConnectionFields {
  const out: ConnectionFields = {};
  if (opts.hostName !== undefined) out.address = opts.hostName;
  if (opts.port !== undefined) {
    const port = Number(opts.port);
    if (Number.isInteger(port) && port >= 1 && port <= 65535) out.port = port;
    else warn(`Port "${opts.port}" is not a port number 1-65535; not converted`);
  }
  if (opts.user !== undefined) out.user = opts.user;
  if (opts.identityFiles.length === 1) out.identityFile = opts.identityFiles[0];
  else if (opts.identityFiles.length > 1) out.identityFile = [...opts.identityFiles];
  if (opts.proxyJump !== undefined) {
    if (opts.proxyJump.toLowerCase() !== 'none') out.jump = opts.proxyJump;
  } else if (opts.proxyCommand !== undefined && opts.proxyCommand.toLowerCase() !== 'none') {
    // `ssh -W %h:%p [-i KEY] user@bastion` becomes a jump with the bastion's own key; anything else runs as written.
    const form = readProxyCommand(opts.proxyCommand);
    if (form) {
      out.jump = form.jump;
      if (form.identityFiles.length) out.jumpIdentityFile = form.identityFiles.length === 1 ? form.identityFiles[0] : [...form.identityFiles];
    } else out.proxyCommand = opts.proxyCommand;
  }
  Object.assign(out, hostKeyFields(opts.strictHostKeyChecking, opts.userKnownHostsFiles));
  if (opts.connectTimeout !== undefined) {
    if (/^\d+$/.test(opts.connectTimeout)) out.connectTimeout = `${opts.connectTimeout}s`;
    else warn(`ConnectTimeout "${opts.connectTimeout}" is not a number of seconds; not converted`);
  }
  return out;
}

// UserKnownHostsFile /dev/null with StrictHostKeyChecking no (Vagrant's pair) means: never check keys.
function hostKeyFields(strict: string | undefined, files: string[] | undefined): ConnectionFields {
  const out: ConnectionFields = {};
  const discards = files !== undefined && files.length > 0 && files.every((f) => f === '/dev/null');
  const policy = hostKeyPolicyOf(strict);
  if (discards && policy !== 'strict') out.hostKeyPolicy = 'off';
  else if (policy) out.hostKeyPolicy = policy;
  if (files && files.length && !(discards && out.hostKeyPolicy === 'off')) {
    out.knownHosts = files.length === 1 ? (files[0] as string) : [...files];
  }
  return out;
}

function hostKeyPolicyOf(value: string | undefined): HostKeyPolicy | undefined {
  switch (value) {
    case 'yes':
    case 'ask':
      return 'strict';
    case 'accept-new':
      return 'accept-new';
    case 'no':
    case 'off':
      return 'off';
    default:
      return undefined;
  }
}
