// The smoker inventory file (SPEC §1) as plain data, the shape every converter produces.

import type { HostKeyPolicy, TransportKind } from '../config/types.js';

/** Connection keys as written in `defaults`, a group or a host (SPEC §1). */
export interface ConnectionFields {
  address?: string;
  port?: number;
  user?: string;
  identityFile?: string | string[];
  passwordEnv?: string;
  passphraseEnv?: string;
  /** ProxyJump hops, comma-separated. */
  jump?: string;
  /** Keys for jump hops that are not inventory hosts. */
  jumpIdentityFile?: string | string[];
  /** A ProxyCommand kept as written (run for real by the transport). */
  proxyCommand?: string;
  hostKeyPolicy?: HostKeyPolicy;
  knownHosts?: string | string[];
  /** A duration: `15s`, `500ms` or a bare number of seconds. */
  connectTimeout?: string;
  transport?: TransportKind;
  sudo?: boolean;
  sudoPasswordEnv?: string;
  maxChannels?: number;
  env?: Record<string, string>;
}

/** One entry of `hosts:`; the key may be a range such as `web[01:03]`. */
export interface HostEntry extends ConnectionFields {
  vars?: Record<string, unknown>;
}

/** One entry of `groups:`. */
export interface GroupEntry extends ConnectionFields {
  hosts?: string[];
  children?: string[];
  vars?: Record<string, unknown>;
}

/** A whole inventory file. */
export interface SmokerInventoryDoc {
  defaults?: ConnectionFields;
  vars?: Record<string, unknown>;
  hosts: Record<string, HostEntry>;
  groups?: Record<string, GroupEntry>;
}

/** What a converter returns: the inventory, what it could not carry over, and where it came from. */
export interface Conversion {
  /** Names the input for the header of the printed file, e.g. `vagrant ssh-config`. */
  source: string;
  inventory: SmokerInventoryDoc;
  /** One line each, prefixed by `file:line:col` when the input position is known. */
  warnings: string[];
  /** For Ansible inputs: the host order Ansible gives for `all` and each group (the printed file cannot carry it). */
  hostOrder?: { hosts: string[]; groups: Record<string, string[]> };
}

/** Connection keys in the order SPEC §1 lists them; also the printing order. */
export const CONNECTION_KEYS = [
  'address',
  'port',
  'user',
  'identityFile',
  'passwordEnv',
  'passphraseEnv',
  'jump',
  'jumpIdentityFile',
  'proxyCommand',
  'hostKeyPolicy',
  'knownHosts',
  'connectTimeout',
  'transport',
  'sudo',
  'sudoPasswordEnv',
  'maxChannels',
  'env',
] as const satisfies readonly (keyof ConnectionFields)[];
