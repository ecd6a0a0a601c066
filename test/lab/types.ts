// The lab's public types: what a test gets back from startLab.

/** How hosts are isolated: own network namespace, or sshd on 127.0.0.1 ports. */
export type LabMode = 'netns' | 'loopback' | 'auto';

/** Options of startLab. */
export interface LabOptions {
  /** Number of hosts (1 or more). */
  hosts: number;
  /** Host names are `<namePrefix><i>`, i from 1, zero-padded to the width of `hosts`. Default `host`. */
  namePrefix?: string;
  /** Default `auto`: netns when root and `ip netns` works, else loopback. */
  mode?: LabMode;
  /** Also create LAB_SUDO_USER, who may sudo with LAB_SUDO_PASSWORD (root only). */
  sudoUser?: boolean;
  /** Let sshd accept passwords (`PasswordAuthentication yes`; only LAB_SUDO_USER has one). */
  passwordAuth?: boolean;
  /** One sshd for all hosts (netns: one namespace with every address; loopback: one sshd per 16 ports). */
  sharedSshd?: boolean;
  /** sshd's MaxStartups. Default OpenSSH's `10:30:100`, or room for every host with sharedSshd. */
  maxStartups?: string;
  /** Give up when the hosts do not all answer within this many ms. Default 20000. */
  readyTimeoutMs?: number;
}

/** One host of a lab. `pid` changes when the host is restarted. */
export interface LabHost {
  name: string;
  address: string;
  port: number;
  /** Root-namespace pid of the host's init (sshd as pid 1 of its pid namespace), or of its sshd. */
  pid: number;
  /** Network namespace name (netns mode). */
  netns?: string;
  /** The host's files: sshd_config, host key, run.sh, sshd.log. */
  dir: string;
}

/** What `Lab.exec` returns: the outcome of a command run inside a host, without SSH. */
export interface LabExecResult {
  stdout: string;
  stderr: string;
  code: number | null;
}

/** Options of `Lab.exec`. */
export interface LabExecOptions {
  /** Written to the command's stdin, then closed. */
  input?: string;
  /** Kill the command after this many ms (code null). Default 30000. */
  timeoutMs?: number;
}

/** Extra content for `Lab.inventoryYaml`. */
export interface LabInventoryOptions {
  /** Merged over the lab's defaults (user, identityFile, knownHosts, hostKeyPolicy). */
  defaults?: Record<string, unknown>;
  vars?: Record<string, unknown>;
  groups?: Record<string, unknown>;
  checks?: string[];
  /** Only these hosts (default all). */
  hosts?: string[];
  /** Per-host extra keys, merged into each host's entry. */
  hostSettings?: Record<string, Record<string, unknown>>;
}

/** A running lab. */
export interface Lab {
  /** Lab id, e.g. `smk1234l1`: prefix of its namespaces and name of its dir. */
  readonly id: string;
  /** The isolation actually used (`auto` resolved). */
  readonly mode: 'netns' | 'loopback';
  readonly hosts: LabHost[];
  /** Login user. */
  readonly user: string;
  /** Path of the ed25519 private key (unencrypted) authorized for every login user on every host. */
  readonly clientKey: string;
  /** Path of a known_hosts file with every host's key (`[addr]:port` when port is not 22). */
  readonly knownHosts: string;
  /** The lab's temp dir (outside /tmp, which hosts see privately). */
  readonly dir: string;
  /** A smoker inventory (SPEC §1) for these hosts, strict host keys. */
  inventoryYaml(opts?: LabInventoryOptions): string;
  /** Writes inventoryYaml() to `path` (default `<dir>/inventory.yaml`) and returns the path. */
  writeInventory(path?: string, opts?: LabInventoryOptions): string;
  /** The host named `name`; throws on an unknown name. */
  host(name: string): LabHost;
  /** Kills the host (everything on it in netns mode): connections are refused afterwards. */
  stopHost(name: string): Promise<void>;
  /** Starts a stopped host again (fresh /tmp and home in netns mode) and waits for its banner. */
  startHost(name: string): Promise<void>;
  /** Runs `sh -c cmd` as root inside the host's namespaces (or on this machine in plain loopback mode). */
  exec(name: string, cmd: string, opts?: LabExecOptions): Promise<LabExecResult>;
  /** Kills every host process, deletes namespaces, bridge and dir. Idempotent. */
  close(): Promise<void>;
}
