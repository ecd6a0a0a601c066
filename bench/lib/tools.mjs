// The tools under test: how each one runs a command on every lab host, and how its output says which hosts worked.
import { mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * OpenSSH client options every OpenSSH-based peer gets: the lab key only, the lab's known_hosts with
 * strict checking, no agent, no ~/.ssh/config, no prompts.
 */
export function opensshOptions(t) {
  return [
    '-F', '/dev/null',
    '-i', t.key,
    '-o', 'IdentitiesOnly=yes',
    '-o', 'IdentityAgent=none',
    '-o', `UserKnownHostsFile=${t.knownHosts}`,
    '-o', 'GlobalKnownHostsFile=/dev/null',
    '-o', 'StrictHostKeyChecking=yes',
    '-o', 'BatchMode=yes',
    '-o', 'ConnectTimeout=120',
    '-o', 'LogLevel=ERROR',
    ...(t.port === 22 ? [] : ['-p', String(t.port)]),
  ];
}

/** Host names in lines like `pdsh@x: HOST: ...` or `clush: HOST: ...` on stderr (failed hosts). */
function failedHostsIn(text, re) {
  const hosts = new Set();
  for (const line of text.split('\n')) {
    const m = re.exec(line);
    if (m?.[1]) hosts.add(m[1]);
  }
  return hosts.size;
}

/**
 * Every tool, given a target `t`: { hosts, hostsFile, user, key, knownHosts, port, inventory,
 * ansibleInventory, command, repo, node, tmp }. `run()` returns the command line; `count()` reads
 * how many hosts succeeded from its stdout, stderr, exit code and scratch dir (`cwd`).
 */
export function allTools() {
  return [
    {
      id: 'floor',
      label: 'ssh2 floor (all at once)',
      multiProcess: false,
      run: (t) => ({ cmd: t.node, args: [join(t.repo, 'bench/lib/ssh2-floor.mjs'), t.hostsFile, t.user, t.key, t.knownHosts, String(t.port), t.command] }),
      count: (o) => ({ ok: Number(/(\d+) ok/.exec(o.stdout)?.[1] ?? 0) }),
    },
    {
      id: 'floor256',
      label: 'ssh2 floor (256 at once)',
      multiProcess: false,
      run: (t) => ({ cmd: t.node, args: [join(t.repo, 'bench/lib/ssh2-floor.mjs'), t.hostsFile, t.user, t.key, t.knownHosts, String(t.port), t.command, '256'] }),
      count: (o) => ({ ok: Number(/(\d+) ok/.exec(o.stdout)?.[1] ?? 0) }),
    },
    {
      id: 'smoker',
      label: 'smoker exec',
      multiProcess: false,
      // As a user runs it: default output (grouped), and the session written (under the run's scratch dir).
      run: (t) => ({ cmd: t.node, args: [join(t.repo, 'dist/bin/smoker.js'), 'exec', t.inventory, '--', t.command] }),
      count: (o) => {
        const report = parseJson(readText(join(o.cwd, 'results/latest/report.json')));
        const hosts = Object.values(report?.hosts ?? {});
        return { ok: report?.counts?.hosts?.OK ?? 0, problems: hosts.filter((h) => h.unreachable).map((h) => h.unreachable) };
      },
    },
    smokerRun('smoker-run', 'smoker run', (t) => join(t.repo, 'dist/bin/smoker.js')),
    // `--other-smoker`: another build's run on the same lab in the same rounds (an A/B of two builds).
    smokerRun('smoker-run-other', 'smoker run, --other-smoker', (t) => t.otherSmoker),
    {
      id: 'pssh',
      label: 'parallel-ssh',
      multiProcess: true,
      run: (t) => ({ cmd: 'parallel-ssh', args: ['-h', t.hostsFile, '-l', t.user, '-p', String(t.hosts.length), '-t', '0', '-x', shellJoin(opensshOptions(t)), t.command] }),
      count: (o) => ({ ok: (o.stdout.match(/\[SUCCESS\]/g) ?? []).length }),
    },
    {
      id: 'pdsh',
      label: 'pdsh',
      multiProcess: true,
      run: (t) => ({
        cmd: 'pdsh',
        args: ['-R', 'ssh', '-S', '-l', t.user, '-f', String(t.hosts.length), '-w', `^${t.hostsFile}`, t.command],
        env: { PDSH_SSH_ARGS: `${shellJoin(opensshOptions(t))} -l %u %h` },
      }),
      count: (o, t) => ({ ok: t.hosts.length - failedHostsIn(o.stderr, /^pdsh@[^:]*: ([^:]+): /) }),
    },
    {
      id: 'clush',
      label: 'clush',
      multiProcess: true,
      run: (t) => ({ cmd: 'clush', args: ['-l', t.user, '-f', String(t.hosts.length), '-t', '120', '--hostfile', t.hostsFile, '-o', shellJoin(opensshOptions(t)), t.command] }),
      count: (o, t) => ({ ok: t.hosts.length - failedHostsIn(o.stderr, /^clush: ([0-9.]+|[\w-]+\d): /) }),
    },
    ansibleTool('ansible-command', 'ansible -m command', 'command'),
    ansibleTool('ansible-raw', 'ansible -m raw', 'raw'),
  ];
}

function ansibleTool(id, label, module) {
  return {
    id,
    label,
    multiProcess: true,
    run: (t) => {
      // A fresh ControlPath dir per run: no master connection survives from an earlier run.
      const controlDir = mkdtempSync(join(t.tmp, 'ansible-cp-'));
      const common = ['-F', '/dev/null', '-o', `UserKnownHostsFile=${t.knownHosts}`, '-o', 'GlobalKnownHostsFile=/dev/null', '-o', 'StrictHostKeyChecking=yes', '-o', 'IdentitiesOnly=yes', '-o', 'IdentityAgent=none'];
      return {
        cmd: 'ansible',
        args: ['-i', t.ansibleInventory, 'all', '-m', module, '-a', t.command, '-f', String(t.hosts.length), '-u', t.user, '--private-key', t.key, '-o'],
        env: {
          ANSIBLE_SSH_CONTROL_PATH_DIR: controlDir,
          ANSIBLE_SSH_COMMON_ARGS: shellJoin(common),
          ANSIBLE_HOST_KEY_CHECKING: 'True',
          ANSIBLE_TIMEOUT: '120',
          ANSIBLE_PYTHON_INTERPRETER: 'auto_silent',
          ANSIBLE_NOCOLOR: '1',
          ANSIBLE_DEPRECATION_WARNINGS: 'False',
          ANSIBLE_LOCALHOST_WARNING: 'False',
        },
        // The masters ssh forks for ControlPersist leave ansible's process tree: found by this dir.
        orphanMarker: controlDir,
      };
    },
    count: (o) => ({ ok: (o.stdout.match(/^\S+ \| (CHANGED|SUCCESS)/gm) ?? []).length }),
  };
}

function readText(path) {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

function parseJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Joins words for a tool that splits its option string like a shell (pssh -x, PDSH_SSH_ARGS, clush -o). */
function shellJoin(words) {
  return words.map((w) => (/^[\w@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`)).join(' ');
}

/** `smoker run` of the workload's checks file (`t.checks`, default the 20 checks) with the build at `cli(t)`. */
function smokerRun(id, label, cli) {
  return {
    id,
    label: `${label} (checks)`,
    multiProcess: false,
    run: (t) => ({ cmd: t.node, args: [cli(t), 'run', t.inventory, '--checks', t.checks ?? join(t.repo, 'bench/fixtures/checks-20.yaml'), '--no-results', '-o', 'json'] }),
    count: (o) => {
      const report = parseJson(o.stdout);
      const c = report?.counts;
      const problems = Object.values(report?.hosts ?? {}).filter((h) => h.unreachable).map((h) => h.unreachable);
      return { ok: c?.hosts?.OK ?? 0, checksOk: c?.checks?.OK ?? 0, checks: c ? Object.values(c.checks).reduce((a, b) => a + b, 0) : 0, problems };
    },
  };
}
