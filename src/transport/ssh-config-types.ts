// The shapes of a loaded ~/.ssh/config and of what it resolves to for one host.
import type { HostKeyPolicy } from '../config/types.js';

/** The ssh_config keywords smoker honours besides Host, Match and Include. */
export type SshOptionKeyword =
  | 'hostname'
  | 'user'
  | 'port'
  | 'identityfile'
  | 'proxyjump'
  | 'proxycommand'
  | 'userknownhostsfile'
  | 'stricthostkeychecking';

/** One `Match` criterion; `patterns` is the comma list it tests (absent for `all`). */
export interface MatchCriterion {
  readonly name: 'all' | 'host' | 'originalhost' | 'user' | 'localuser' | 'final' | 'canonical';
  readonly negated: boolean;
  readonly patterns?: string;
}

/** One meaningful line of a config file; `at` is `file:line` for messages. */
export type SshConfigDirective =
  | { readonly kind: 'host'; readonly patterns: readonly string[]; readonly at: string }
  /** `criteria` is undefined when the line uses a criterion smoker cannot evaluate: it never matches. */
  | { readonly kind: 'match'; readonly criteria: readonly MatchCriterion[] | undefined; readonly at: string }
  | { readonly kind: 'option'; readonly keyword: SshOptionKeyword; readonly args: readonly string[]; readonly at: string }
  | { readonly kind: 'include'; readonly files: readonly SshConfigFile[]; readonly at: string };

/** A parsed config file. */
export interface SshConfigFile {
  readonly file: string;
  readonly directives: readonly SshConfigDirective[];
}

/** Facts about the local user that tokens and Match need, captured once at load time. */
export interface SshLocalContext {
  /** `~` and `%d`. */
  readonly home: string;
  /** `%u`, `Match localuser`, and `%r` when no user is set. */
  readonly localUser: string;
  /** `%i`. */
  readonly uid: string;
  /** `%l`; `%L` is its part before the first dot. */
  readonly localHost: string;
}

/** A loaded configuration: the files in the order OpenSSH reads them, and what was wrong in them. */
export interface SshConfig {
  readonly files: readonly SshConfigFile[];
  readonly local: SshLocalContext;
  /** `file:line: message` for lines smoker ignored or could not fully honour. */
  readonly warnings: readonly string[];
}

/** What the config sets for one host; unset keys are absent. Paths are tilde- and token-expanded. */
export interface ResolvedSshConfig {
  hostname?: string;
  user?: string;
  port?: number;
  identityFiles: string[];
  /** Hops as written; `ProxyJump none` gives `[]`. */
  proxyJump?: string[];
  /** ProxyCommand as written (tokens unexpanded); `none` when so set. Whichever of the two came first wins. */
  proxyCommand?: string;
  /** `UserKnownHostsFile none` gives `[]`. */
  userKnownHostsFiles?: string[];
  strictHostKeyChecking?: HostKeyPolicy;
  /** Problems met while resolving (unknown `%` tokens). */
  warnings: string[];
}
