// Makes a fresh clone ready to benchmark: root, the peer tools (apt), node_modules and a build.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Commands the benchmark runs, with the Debian package that provides each. */
const NEEDED = [
  ['parallel-ssh', 'pssh'],
  ['pdsh', 'pdsh'],
  ['clush', 'clustershell'],
  ['ansible', 'ansible'],
  ['/usr/bin/time', 'time'],
  ['/usr/sbin/sshd', 'openssh-server'],
  ['ssh', 'openssh-client'],
  ['ip', 'iproute2'],
  ['nsenter', 'util-linux'],
  ['pgrep', 'procps'],
];

/** Throws unless we are root; installs missing tools with apt-get (unless `install` is false), then npm ci / build if needed. */
export function preflight(repo, { install, log }) {
  if (process.getuid?.() !== 0) throw new Error('npm run bench needs root: the lab makes network namespaces and runs sshd');
  const missing = NEEDED.filter(([cmd]) => !has(cmd));
  if (missing.length) {
    const pkgs = [...new Set(missing.map(([, p]) => p))];
    if (!install) throw new Error(`missing ${missing.map(([c]) => c).join(', ')}: apt-get install ${pkgs.join(' ')} (or drop --no-install)`);
    log(`installing ${pkgs.join(' ')} with apt-get`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    run('apt-get', ['update', '-q'], { env, timeout: 600_000 });
    run('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...pkgs], { env, timeout: 1_200_000 });
    const still = NEEDED.filter(([cmd]) => !has(cmd));
    if (still.length) throw new Error(`still missing after apt-get: ${still.map(([c]) => c).join(', ')}`);
  }
  if (!existsSync(join(repo, 'node_modules/ssh2')) || !existsSync(join(repo, 'node_modules/tsx'))) {
    log('node_modules missing: npm ci');
    run('npm', ['ci'], { cwd: repo, timeout: 900_000 });
  }
  if (!existsSync(join(repo, 'dist/bin/smoker.js'))) {
    log('dist missing: npm run build');
    run('npm', ['run', 'build'], { cwd: repo, timeout: 600_000 });
  }
}

/** Versions of everything measured, and the machine, for RESULTS.md. */
export function describeMachine() {
  const sh = (cmd) => {
    const r = spawnSync('sh', ['-c', cmd], { encoding: 'utf8', timeout: 20_000 });
    return `${r.stdout}${r.stderr}`.trim().split('\n')[0] ?? '';
  };
  return {
    date: new Date().toISOString(),
    nproc: sh('nproc'),
    memory: sh("awk '/MemTotal/ {printf \"%.1f GiB\", $2/1048576}' /proc/meminfo"),
    kernel: sh('uname -sr'),
    cpu: sh("awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo"),
    os: sh('. /etc/os-release && echo "$PRETTY_NAME"'),
    node: process.version,
    openssh: sh('ssh -V 2>&1'),
    ssh2: sh(`node -p "require('ssh2/package.json').version" 2>/dev/null`),
    pssh: sh('parallel-ssh --version 2>&1'),
    pdsh: sh('pdsh -V 2>&1'),
    clush: sh('clush --version 2>&1'),
    ansible: sh('ansible --version 2>&1'),
    loadavg: sh('cat /proc/loadavg'),
  };
}

function has(cmd) {
  return cmd.startsWith('/') ? existsSync(cmd) : spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

function run(cmd, args, opts) {
  execFileSync(cmd, args, { stdio: 'inherit', ...opts });
}
