// Validated, fully defaulted configuration types: what the rest of smoker sees after load.

export type HostKeyPolicy = 'strict' | 'accept-new' | 'off';
export type TransportKind = 'ssh' | 'local';

/** Connection settings as written (any subset) in defaults, a group or a host. */
export interface ConnectionSettings {
  address?: string;
  port?: number;
  user?: string;
  identityFile?: string[];
  passwordEnv?: string;
  passphraseEnv?: string;
  jump?: string[];
  jumpIdentityFile?: string[];
  proxyCommand?: string;
  hostKeyPolicy?: HostKeyPolicy;
  knownHosts?: string[];
  connectTimeoutMs?: number;
  transport?: TransportKind;
  sudo?: boolean;
  sudoPasswordEnv?: string;
  maxChannels?: number;
  env?: Record<string, string>;
}

/** One host after inventory resolution: precedence applied, defaults filled. */
export interface HostConfig {
  /** Inventory name of the host. */
  readonly name: string;
  /** Address to connect to; the name when the inventory gives none (then ~/.ssh/config may map it). */
  readonly address: string;
  /** Whether `address` was set explicitly (so ~/.ssh/config HostName must not override it). */
  readonly addressSet: boolean;
  readonly port: number | undefined;
  readonly user: string | undefined;
  readonly identityFile: readonly string[];
  readonly passwordEnv: string | undefined;
  readonly passphraseEnv: string | undefined;
  readonly jump: readonly string[];
  /** Keys for jump hops that are not inventory hosts; empty: the host's own keys. */
  readonly jumpIdentityFile?: readonly string[];
  /** A ProxyCommand to reach the host through (unexpanded tokens); unused when `jump` is set. */
  readonly proxyCommand?: string | undefined;
  readonly hostKeyPolicy: HostKeyPolicy | undefined;
  readonly knownHosts: readonly string[];
  readonly connectTimeoutMs: number;
  readonly transport: TransportKind;
  readonly sudo: boolean;
  readonly sudoPasswordEnv: string | undefined;
  readonly maxChannels: number;
  readonly env: Readonly<Record<string, string>>;
  /** Merged inventory vars (defaults < parent group < child group < host). */
  readonly vars: Readonly<Record<string, unknown>>;
  /** Names of every group the host belongs to, directly or through children. */
  readonly groups: readonly string[];
}

/** A group after resolution. */
export interface GroupConfig {
  readonly name: string;
  /** Host names, in inventory order, including those of child groups. */
  readonly hosts: readonly string[];
  readonly children: readonly string[];
}

/** A loaded inventory. */
export interface Inventory {
  /** Absolute path of the file, or a label for inline inventories. */
  readonly file: string;
  readonly hosts: readonly HostConfig[];
  readonly groups: ReadonlyMap<string, GroupConfig>;
  /** Absolute paths of check files or folders, resolved relative to the inventory file. */
  readonly checks: readonly string[];
  readonly vars: Readonly<Record<string, unknown>>;
  readonly warnings: readonly string[];
}

export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_CHANNELS = 8;
