// `kill` / `signal`: fault injection on processes of the test's hosts: a service's, a pid file's, or by pattern.
import type { HostConfig } from '../config/types.js';
import { UsageError } from '../errors.js';
import { substituteRaw } from '../run/substitute.js';
import { shellQuote } from '../transport/shell-quote.js';
import type { StepOutcome } from './step-recorder.js';
import { placeholders, type TestEnv } from './test-env.js';
import { runOp, serviceHosts, serviceNamed } from './verb-service.js';

/** Which processes: a service's (its pidFile:), the pid in a file, or a `pgrep -f` pattern. */
export interface ProcessTarget {
  service?: string | undefined;
  pidFile?: string | undefined;
  process?: string | undefined;
}

/** Sends a signal to the target's processes on each host; a host where none was found fails the step. */
export async function signalStep(env: TestEnv, kind: 'kill' | 'signal', target: ProcessTarget, signal: string, on: string | undefined): Promise<StepOutcome> {
  const sig = signal.toUpperCase().replace(/^SIG/, '');
  let hosts: HostConfig[];
  const pidFile = target.pidFile;
  if (target.service !== undefined) {
    // A service's processes: its pidFile: or pids: command (src/services/).
    const svc = serviceNamed(env, target.service);
    hosts = serviceHosts(env, svc, on);
    await env.watchService(svc, hosts);
    if (svc.pidFile === undefined && svc.pids === undefined) throw new UsageError(`kill/signal of service ${svc.name}: the service has no pidFile: or pids: (or give pidFile: or process: in the step)`);
    return runOp(env, svc, hosts, kind, undefined, sig);
  }
  hosts = env.hosts.select(on);
  const results = await Promise.all(
    hosts.map(async (h) => {
      const values = placeholders(env, h);
      const script = pidFile !== undefined ? byPidFile(substituteRaw(pidFile, values), sig) : byPattern(substituteRaw(target.process ?? '', values), sig);
      const out = await (await env.conn(h)).exec(script, { signal: env.signal(), timeoutMs: 30_000, env: h.env, sudo: h.sudo });
      const line = (out.stdout.trim() || out.stderr.trim()).split('\n').pop() ?? '';
      return { host: h.name, ok: out.exitCode === 0, line };
    }),
  );
  const error = results.filter((r) => !r.ok).map((r) => `${r.host}: ${r.line || 'failed'}`);
  return { status: error.length ? 'ERROR' : 'OK', error, info: results.filter((r) => r.ok).map((r) => `${r.host}: ${r.line}`), hosts: hosts.map((h) => h.name) };
}

/** The shell that signals the pid written in a file. */
export function byPidFile(path: string, sig: string): string {
  const f = shellQuote(path);
  return `p=$(cat ${f} 2>/dev/null) || { echo "no pid file ${path.replace(/["$`\\]/g, '')}"; exit 1; }
[ -n "$p" ] && kill -${sig} "$p" && echo "SIG${sig} sent to pid $p"`;
}

/** The shell that signals every process whose command line matches, except this script and its ancestors. */
export function byPattern(pattern: string, sig: string): string {
  return `anc=" $$ "; p=$$
while [ "$p" -gt 1 ] 2>/dev/null; do p=$(awk '{print $4}' /proc/$p/stat 2>/dev/null); [ -n "$p" ] || break; anc="$anc$p "; done
n=0; list=""
for q in $(pgrep -f -- ${shellQuote(pattern)}); do
  case "$anc" in *" $q "*) continue ;; esac
  kill -${sig} "$q" 2>/dev/null && { n=$((n + 1)); list="$list $q"; }
done
if [ $n -eq 0 ]; then echo "no process matches ${pattern.replace(/["$`\\]/g, '')}"; exit 1; fi
echo "SIG${sig} sent to $n process(es):$list"`;
}
