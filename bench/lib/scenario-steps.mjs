// The 20 steps of the scenario bench (bench/test-scenario.mjs), written out for smoker test, ansible-playbook and the ssh2 floor.
// Read-only or host-private commands (the lab hosts share one filesystem), each judged by exit code and, some, by stdout.

/** { command, stdout? (a regex the output must match) }, in order. */
export const STEPS = [
  { command: 'uname -s', stdout: '^Linux$' },
  { command: 'id -u', stdout: '^[0-9]+$' },
  { command: 'test -d /tmp' },
  { command: 'echo ready', stdout: '^ready$' },
  { command: 'cat /proc/loadavg', stdout: '^[0-9.]+ ' },
  { command: 'test -r /etc/passwd' },
  { command: 'grep -c : /etc/passwd', stdout: '^[0-9]+$' },
  { command: 'ls / >/dev/null' },
  { command: 'df -P / | tail -n 1', stdout: '%' },
  { command: 'printf "%s\\n" a b c | wc -l', stdout: '^ *3$' },
  { command: 'date +%s', stdout: '^[0-9]+$' },
  { command: 'true' },
  { command: 'sh -c "exit 0"' },
  { command: 'echo $HOME', stdout: '^/' },
  { command: 'head -c 16 /dev/urandom | od -An -tx1 | wc -l', stdout: '^ *1$' },
  { command: 'cat /proc/uptime', stdout: '^[0-9.]+ ' },
  { command: 'test -x /bin/sh' },
  { command: 'ip -o link show lo | grep -c lo', stdout: '^1$' },
  { command: 'echo done-$((6*7))', stdout: '^done-42$' },
  { command: 'uptime', stdout: 'load average' },
];

const q = (s) => JSON.stringify(s);

/** A workload for the background: a line every 20 ms on every host, 150 times (about as long as the steps on the lab); joined after them. */
export const BACKGROUND = 'i=0; while [ $i -lt 150 ]; do echo "load $i"; sleep 0.02; i=$((i+1)); done';

/** The smoker test file: one test on every host of group `node`, a step per command with its expectation; `background` starts BACKGROUND first. */
export function smokerYaml({ background = false } = {}) {
  const steps = STEPS.map((s) => `      - exec: { command: ${q(s.command)}${s.stdout ? `, expect: { exit: 0, stdout: ${q(s.stdout)} }` : ''} }`);
  const setup = background ? `    setup:\n      - exec: { command: ${q(BACKGROUND)}, background: load }\n` : '';
  const join = background ? `\n      - join: { name: load, expect: { exit: 0, stdout: "^load 149$" } }` : '';
  return `tests:\n  scenario20:\n    needs: { node: all }\n    timeout: 10m\n${setup}    steps:\n${steps.join('\n')}${join}\n`;
}

/** The playbook: the same commands as `shell` tasks on every host, failing on a non-zero exit or a stdout that does not match. */
export function ansiblePlaybook() {
  const tasks = STEPS.map((s, i) => [
    `    - name: step ${i + 1}`,
    `      shell: ${q(s.command)}`,
    `      register: r`,
    `      changed_when: false`,
    ...(s.stdout ? [`      failed_when: r.rc != 0 or (r.stdout is not regex(${q(s.stdout)}, multiline=True))`] : []),
  ].join('\n'));
  return `- hosts: all\n  gather_facts: false\n  tasks:\n${tasks.join('\n')}\n`;
}
