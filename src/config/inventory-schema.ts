// The inventory file's schema (SPEC §1): one definition for the validator and for `smoker schema`.
import { t } from './schema/types.js';

/** A POSIX environment variable name: the only keys that reach a remote shell as `export NAME=...`. */
export const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

const envName = t.string('an environment variable name', ENV_NAME);

/** Environment variables for remote commands: names checked here, values always shell-quoted. */
export const envMap = () => t.record(t.string('a string value'), { key: { pattern: ENV_NAME, expected: 'an environment variable name ([A-Za-z_][A-Za-z0-9_]*)' } });

/** Connection keys allowed in defaults, a group or a host. */
export const connectionFields = {
  address: t.string('a host name or IP address').describe('Address to connect to; default: the host name (then ~/.ssh/config)'),
  port: t.int(1, 65535).describe('SSH port (default 22 or ~/.ssh/config)'),
  user: t.string('a user name').describe('Login user'),
  identityFile: t.list(t.string('a path')).describe('Private key file(s); ~ is expanded'),
  passwordEnv: envName.describe('Environment variable holding the SSH password'),
  passphraseEnv: envName.describe('Environment variable holding the identity file passphrase'),
  jump: t.commaList(t.string('a jump host ([user@]host[:port])')).describe('ProxyJump hops, comma list or list'),
  jumpIdentityFile: t.list(t.string('a path')).describe('Private key file(s) for jump hops not in the inventory (default: the host\'s)'),
  proxyCommand: t.string('a command').describe('ProxyCommand: run locally (%h %p %r %n expanded), SSH spoken over its stdin/stdout'),
  hostKeyPolicy: t.enum(['strict', 'accept-new', 'off'] as const).describe('Host key checking'),
  knownHosts: t.list(t.string('a path')).describe('known_hosts file(s); default ~/.ssh/known_hosts'),
  connectTimeout: t.duration().describe('Connect timeout (default 10s)'),
  transport: t.enum(['ssh', 'local'] as const).describe('ssh (default) or local: run on the controller'),
  sudo: t.bool().describe('Run commands under sudo'),
  sudoPasswordEnv: envName.describe('Environment variable holding the sudo password'),
  maxChannels: t.int(1, 64).describe('Concurrent channels per connection (default 8)'),
  env: envMap().describe('Environment variables for remote commands'),
};

const vars = t.record(t.any()).describe('Variables available as {{ name }} in checks and services');
const pathList = t.list(t.string('a path'));

/** A host entry: connection keys plus vars. */
export const hostSchema = t.object({ ...connectionFields, vars });

/** A group: member host patterns, child groups, vars and connection keys. */
export const groupSchema = t.object({
  hosts: t.list(t.string('a host pattern')).describe('Host names or patterns (globs, ranges, ~regex)'),
  children: t.list(t.string('a group name')).describe('Child groups'),
  vars,
  ...connectionFields,
});

/** The whole inventory file. */
export const inventorySchema = t.object({
  defaults: t.object({ ...connectionFields }).describe('Connection settings for every host'),
  vars,
  hosts: t.record(hostSchema).describe('Hosts by name; names may hold ranges like web[01:03]'),
  groups: t.record(groupSchema).describe('Groups by name'),
  checks: pathList.describe('Check/service files or folders, relative to this file'),
});
