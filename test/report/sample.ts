// Builds RunReports for the report tests: several hosts, one unreachable, every status,
// nested components, hostile and unicode messages, metrics and truncated output.
import { STATUSES, worst, type Status } from '../../src/results/status.js';
import type { CheckResult, ComponentResult, HostResult, Messages, RunReport, StatusCounts } from '../../src/results/types.js';

/** Text that breaks naive HTML/XML/JSON-in-script/TAP/YAML output, plus unicode and control characters. */
export const HOSTILE = `<b>"quoted" & 'single'</b> </script><script>window.pwned=1</script> ]]> # not a directive \\ back ünïcødé ✓ 日本語 🚀`;
/** Characters XML 1.0 cannot hold, and an ANSI colour sequence. */
export const ILLEGAL_XML = `bell\u0007 nul\u0000 esc\u001b[31mred\u001b[0m vt\u000b fffe\ufffe lone\ud800 end`;

/** Returns messages with the given levels filled. */
export function messages(partial: Partial<Messages> = {}): Messages {
  return { info: [], warn: [], error: [], ...partial };
}

/** Builds a check result with defaults for everything not given. */
export function makeCheck(host: string, check: string, partial: Partial<CheckResult> = {}): CheckResult {
  return {
    check,
    host,
    status: 'OK',
    messages: messages(),
    components: {},
    metrics: {},
    exitCode: 0,
    signal: null,
    durationMs: 120,
    startedAt: '2026-11-22T16:12:58.000Z',
    truncated: false,
    attempts: 1,
    ...partial,
  };
}

/** Builds a host from its checks, its status the worst of them (ERROR when unreachable). */
export function makeHost(host: string, checks: CheckResult[], unreachable?: string): HostResult {
  const statuses = checks.map((c) => c.status);
  return {
    host,
    status: unreachable !== undefined ? 'ERROR' : worst(statuses),
    ...(unreachable !== undefined ? { unreachable } : {}),
    checks: Object.fromEntries(checks.map((c) => [c.check, c])),
    durationMs: checks.reduce((t, c) => t + c.durationMs, 0) + 100,
  };
}

/** Builds a run from hosts, computing status and counts as the results layer does. */
export function makeReport(hosts: HostResult[], durationMs = 1234): RunReport {
  const count = (statuses: Status[]): StatusCounts => {
    const c = Object.fromEntries(STATUSES.map((s) => [s, 0])) as StatusCounts;
    for (const s of statuses) c[s] += 1;
    return c;
  };
  const checks = hosts.flatMap((h) => Object.values(h.checks));
  return {
    status: worst(hosts.map((h) => h.status)),
    hosts: Object.fromEntries(hosts.map((h) => [h.host, h])),
    startedAt: '2026-11-22T16:12:57.500Z',
    endedAt: '2026-11-22T16:12:58.734Z',
    durationMs,
    counts: {
      hosts: count(hosts.map((h) => h.status)),
      checks: count(checks.map((c) => c.status)),
      unreachable: hosts.filter((h) => h.unreachable !== undefined).length,
    },
  };
}

const fsmountComponents: Record<string, ComponentResult> = {
  '/': { status: 'OK', messages: messages({ info: ['Read/Write: OK'] }) },
  '/data': {
    status: 'ERROR',
    messages: messages({ error: ['Read/Write: file write failed: Read-only file system'] }),
    components: {
      inodes: { status: 'WARN', messages: messages({ warn: ['inodes 91% used'] }) },
      'read-write': { status: 'ERROR', messages: messages({ error: ['EROFS'] }) },
    },
  },
};

/**
 * The main sample: web01 (ERROR, WARN, OK ×2), web02 (UNKNOWN, OK ×3), db1 unreachable.
 * 3 hosts (2 ERROR, 1 UNKNOWN), 8 checks: 5 OK, 1 WARN, 1 UNKNOWN, 1 ERROR.
 */
export function buildSampleReport(): RunReport {
  const web01 = makeHost('web01', [
    makeCheck('web01', 'fsmount', {
      status: 'ERROR',
      exitCode: 1,
      type: 'smokeTest',
      messages: messages({ error: ['1 of 2 mounts failed'], info: ['checked 2 mounts'] }),
      components: fsmountComponents,
      params: { Ignore: '^/media/.*$', depth: 2 },
      stdoutTail: '{"status":"ERROR"}',
      stderrTail: 'touch: cannot touch /data/.smoker: Read-only file system',
    }),
    makeCheck('web01', 'varnish', {
      category: 'infrastructure',
      component: 'varnish',
      messages: messages({ info: ['2 backends healthy'] }),
      components: { backend1: { status: 'OK', messages: messages() }, backend2: { status: 'OK', messages: messages() } },
    }),
    makeCheck('web01', 'disk', {
      status: 'WARN',
      exitCode: 1,
      durationMs: 45,
      messages: messages({ warn: ['DISK WARNING - free space: / 15% (2 GiB)'] }),
      metrics: { '/': { value: 85, uom: '%', warn: '80', crit: '90', min: 0, max: 100 } },
    }),
    makeCheck('web01', 'uname', {
      truncated: true,
      messages: messages({ info: ['Linux web01 6.1.0 x86_64 GNU/Linux'] }),
      stdoutTail: 'Linux web01 6.1.0 x86_64 GNU/Linux\n… (truncated at 1 MiB)',
    }),
  ]);
  const web02 = makeHost('web02', [
    makeCheck('web02', 'fsmount'),
    makeCheck('web02', 'varnish'),
    makeCheck('web02', 'disk', { metrics: { '/': { value: 40, uom: '%' } } }),
    makeCheck('web02', 'http', {
      status: 'UNKNOWN',
      exitCode: 3,
      signal: 'SIGTERM',
      attempts: 2,
      durationMs: 30_000,
      messages: messages({ error: [HOSTILE, ILLEGAL_XML], warn: ['line one\nline two\n...\n---'], info: ['ok: ünïcødé'] }),
      stdoutTail: `<html>${HOSTILE}</html>`,
      stderrTail: ILLEGAL_XML,
    }),
  ]);
  const db1 = makeHost('db1', [], 'connect ECONNREFUSED 10.0.0.21:2222');
  return makeReport([web01, web02, db1]);
}

/** A run where everything is OK: two hosts, three checks. */
export function buildAllOkReport(): RunReport {
  return makeReport([
    makeHost('web01', [makeCheck('web01', 'uname'), makeCheck('web01', 'disk')]),
    makeHost('web02', [makeCheck('web02', 'uname')]),
  ], 800);
}

/** A run whose worst status is WARN: one host, one OK and one WARN check. */
export function buildWarnReport(): RunReport {
  return makeReport([
    makeHost('web01', [
      makeCheck('web01', 'uname'),
      makeCheck('web01', 'disk', { status: 'WARN', messages: messages({ warn: ['disk 85% full'] }) }),
    ]),
  ]);
}
