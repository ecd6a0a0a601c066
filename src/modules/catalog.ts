// The built-in modules and their parameters, as data: for the CLI, the validator and the docs.

/** Names of the built-in modules (`module: NAME` in a check). */
export const BUILTIN_MODULES = [
  'fsmount',
  'uname',
  'uptime',
  'disk',
  'memory',
  'tcp',
  'http',
  'process',
  'systemd',
  'file',
  'package',
] as const;
export type BuiltinModuleName = (typeof BUILTIN_MODULES)[number];

/** How a parameter's value is read by the script. */
export type ModuleParamType =
  | 'string'
  | 'regex' // POSIX extended regular expression (grep -E)
  | 'list' // items separated by commas or whitespace; a YAML list works too
  | 'paths' // like list, but a blank splits only before a "/", so "/my disk" is one path
  | 'number'
  | 'integer'
  | 'boolean' // true/false, yes/no, on/off, 1/0
  | 'duration' // 500ms, 30s, 5m, 2h, 1d or bare seconds
  | 'size' // bytes, or with a k/M/G/T suffix (binary)
  | 'enum';

/** One parameter of a built-in module. */
export interface ModuleParamDoc {
  /** Name as documented; check keys match it case-insensitively. */
  readonly name: string;
  readonly type: ModuleParamType;
  readonly required?: boolean;
  /** The default the script applies, as text; absent when there is none. */
  readonly default?: string;
  /** Allowed values of an `enum`. */
  readonly values?: readonly string[];
  readonly description: string;
}

/** One built-in module. */
export interface ModuleDoc {
  readonly name: BuiltinModuleName;
  readonly description: string;
  /** Host tools it uses, in the order tried; missing ones make it UNKNOWN, never a crash. */
  readonly uses: string;
  readonly params: readonly ModuleParamDoc[];
}

// Module parameters never reuse check keys (`timeout`, `type`, ...): those configure the check.
const TIMEOUT = (name: string, dflt: string, what: string): ModuleParamDoc => ({
  name,
  type: 'duration',
  default: dflt,
  description: `Time limit for ${what}; keep it below the check's timeout.`,
});

/** Every built-in module with its parameters. */
export const MODULE_CATALOG: Readonly<Record<BuiltinModuleName, ModuleDoc>> = {
  fsmount: {
    name: 'fsmount',
    description:
      'Every mounted filesystem of the chosen types (from /proc/mounts) is listed ("Access") and gets a file written, read back and deleted ("Read/Write"); one component per mount point. Read-only mounts skip the write unless expectRw. No matching mount is WARN.',
    uses: '/proc/mounts, ls, timeout (optional)',
    params: [
      { name: 'ignore', type: 'regex', description: 'Skip mount points matching this regex, anchored at the start as in Smoker (`^/media/.*$`).' },
      {
        name: 'types',
        type: 'list',
        default: 'ext2 ext3 ext4 xfs btrfs reiserfs zfs f2fs jfs nfs nfs4 cifs smb3 ceph fuse.glusterfs',
        description: 'Filesystem types to check; globs such as `fuse.*` work; `all` means every type except kernel/virtual ones (proc, sysfs, tmpfs, devtmpfs, cgroup, overlay, squashfs, ...).',
      },
      { name: 'mounts', type: 'paths', description: 'Check only these mount points (default: all that match types).' },
      { name: 'expectRw', type: 'boolean', default: 'false', description: 'Run the write test on read-only mounts too, so a read-only mount is an ERROR.' },
      TIMEOUT('ioTimeout', '10s', 'each listing, write, read and delete (a hung NFS mount becomes an ERROR)'),
    ],
  },
  uname: {
    name: 'uname',
    description: 'Reports `uname -a` as info; optionally asserts parts of it.',
    uses: 'uname',
    params: [
      { name: 'kernel', type: 'regex', description: 'ERROR unless the kernel release (`uname -r`) matches.' },
      { name: 'os', type: 'regex', description: 'ERROR unless the operating system (`uname -s`) matches.' },
      { name: 'machine', type: 'regex', description: 'ERROR unless the hardware name (`uname -m`) matches.' },
    ],
  },
  uptime: {
    name: 'uptime',
    description: 'Reports uptime and load averages (metrics uptime, load1, load5, load15, cpus); optional load thresholds and minimum uptime.',
    uses: '/proc/uptime, /proc/loadavg (else the uptime command), getconf or nproc',
    params: [
      { name: 'warn', type: 'number', description: 'WARN when the load is at or above this (no default: never).' },
      { name: 'error', type: 'number', description: 'ERROR when the load is at or above this (no default: never).' },
      { name: 'perCpu', type: 'boolean', default: 'false', description: 'Divide the load by the number of CPUs before comparing.' },
      { name: 'period', type: 'enum', values: ['1', '5', '15'], default: '1', description: 'Which load average the thresholds apply to, in minutes.' },
      { name: 'minUptime', type: 'duration', description: 'WARN when the host has been up for less than this (a recent reboot).' },
    ],
  },
  disk: {
    name: 'disk',
    description: 'Space and inode usage of the filesystems holding the given paths (`df -P`); one component per path.',
    uses: 'df (-i for inodes, when supported)',
    params: [
      { name: 'paths', type: 'paths', default: '/', description: 'Paths whose filesystems to check.' },
      { name: 'warn', type: 'number', default: '80', description: 'WARN when space used is at or above this percentage.' },
      { name: 'error', type: 'number', default: '90', description: 'ERROR when space used is at or above this percentage.' },
      { name: 'inodeWarn', type: 'number', default: 'warn', description: 'WARN when inodes used are at or above this percentage.' },
      { name: 'inodeError', type: 'number', default: 'error', description: 'ERROR when inodes used are at or above this percentage.' },
    ],
  },
  memory: {
    name: 'memory',
    description: 'Memory in use (MemTotal minus MemAvailable from /proc/meminfo) and swap in use, against percent thresholds.',
    uses: '/proc/meminfo',
    params: [
      { name: 'warn', type: 'number', default: '90', description: 'WARN when memory used is at or above this percentage.' },
      { name: 'error', type: 'number', default: '95', description: 'ERROR when memory used is at or above this percentage.' },
      { name: 'swapWarn', type: 'number', description: 'WARN when swap used is at or above this percentage (no default: never).' },
      { name: 'swapError', type: 'number', description: 'ERROR when swap used is at or above this percentage (no default: never).' },
    ],
  },
  tcp: {
    name: 'tcp',
    description: 'Opens a TCP connection to host:port, one component per port; ERROR with the reason when it fails.',
    uses: 'nc, busybox nc, python3, python, perl or bash (/dev/tcp), first found',
    params: [
      { name: 'host', type: 'string', default: '127.0.0.1', description: 'Host name or address to connect to (from the checked host).' },
      { name: 'port', type: 'list', required: true, description: 'Port, or several ports, to connect to.' },
      TIMEOUT('connectTimeout', '5s', 'each connection'),
      { name: 'tool', type: 'enum', values: ['auto', 'nc', 'busybox', 'python3', 'python', 'perl', 'bash'], default: 'auto', description: 'Force one tool instead of the first found.' },
    ],
  },
  http: {
    name: 'http',
    description: 'Requests a URL and checks the status code and optionally the body.',
    uses: 'curl, else wget (GNU or busybox)',
    params: [
      { name: 'url', type: 'string', required: true, description: 'URL to request (from the checked host).' },
      { name: 'status', type: 'string', default: '2xx,3xx', description: 'Accepted status codes: codes, classes or ranges, comma-separated (`200`, `2xx`, `200-204`).' },
      { name: 'contains', type: 'string', description: 'ERROR unless the body contains this fixed string.' },
      { name: 'method', type: 'string', default: 'GET', description: 'HTTP method (busybox wget: GET only).' },
      TIMEOUT('requestTimeout', '10s', 'the whole request'),
      { name: 'insecure', type: 'boolean', default: 'false', description: 'Do not verify TLS certificates.' },
      { name: 'follow', type: 'boolean', default: 'false', description: 'Follow redirects (busybox wget always does).' },
      { name: 'tool', type: 'enum', values: ['auto', 'curl', 'wget'], default: 'auto', description: 'Force one tool instead of the first found.' },
    ],
  },
  process: {
    name: 'process',
    description: 'Counts processes by exact name or by a regex on the command line and checks the count; the check\'s own wrapper processes never count.',
    uses: 'pgrep, else a scan of /proc',
    params: [
      { name: 'name', type: 'string', description: 'Exact process name (`pgrep -x`; at most 15 characters on Linux). This or pattern is required.' },
      { name: 'pattern', type: 'regex', description: 'Regex on the full command line (`pgrep -f`).' },
      { name: 'user', type: 'string', description: 'Count only processes of this user.' },
      { name: 'min', type: 'integer', default: '1', description: 'ERROR when fewer processes run.' },
      { name: 'max', type: 'integer', description: 'ERROR when more processes run (no default: no limit).' },
    ],
  },
  systemd: {
    name: 'systemd',
    description: 'One component per unit: active is OK, activating/deactivating/reloading WARN, anything else (inactive, failed, not found) ERROR. UNKNOWN without systemctl or a running systemd.',
    uses: 'systemctl',
    params: [
      { name: 'units', type: 'list', required: true, description: 'Units to check (`nginx` means nginx.service).' },
      { name: 'state', type: 'enum', values: ['active', 'inactive'], default: 'active', description: 'Expected state; `inactive` asserts the units are stopped (failed and not-found count as stopped).' },
    ],
  },
  file: {
    name: 'file',
    description: 'A path exists (or not), has the expected type, age and size, and contains a regex.',
    uses: 'stat or date -r (age), wc, grep',
    params: [
      { name: 'path', type: 'string', required: true, description: 'Path to check.' },
      { name: 'exists', type: 'boolean', default: 'true', description: 'false asserts that the path does not exist.' },
      { name: 'kind', type: 'enum', values: ['any', 'file', 'dir', 'link'], default: 'any', description: 'Expected kind of path.' },
      { name: 'maxAge', type: 'duration', description: 'ERROR when the last modification is older than this.' },
      { name: 'minSize', type: 'size', description: 'ERROR when the file is smaller.' },
      { name: 'maxSize', type: 'size', description: 'ERROR when the file is larger.' },
      { name: 'contains', type: 'regex', description: 'ERROR unless a line of the file matches.' },
    ],
  },
  package: {
    name: 'package',
    description: 'Packages are installed, optionally at a version prefix; one component per package.',
    uses: 'dpkg-query, rpm, apk or pacman, whichever manages the host',
    params: [
      { name: 'name', type: 'list', required: true, description: 'Package name, or several.' },
      { name: 'version', type: 'string', description: 'ERROR unless the installed version starts with this.' },
      { name: 'manager', type: 'enum', values: ['auto', 'dpkg', 'rpm', 'apk', 'pacman'], default: 'auto', description: 'Force one package manager.' },
    ],
  },
};

/** Whether `name` is a built-in module. */
export function isBuiltinModule(name: string): name is BuiltinModuleName {
  return (BUILTIN_MODULES as readonly string[]).includes(name);
}

/** Finds a module's parameter by a check key, case-insensitively. */
export function findModuleParam(module: BuiltinModuleName, key: string): ModuleParamDoc | undefined {
  const wanted = key.toLowerCase();
  return MODULE_CATALOG[module].params.find((p) => p.name.toLowerCase() === wanted);
}
