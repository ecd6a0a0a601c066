// Wait conditions as one POSIX sh loop each, run on the host itself: probe, pause 20 ms growing to 2 s, repeat.
import type { WaitCondition } from '../config/check-types.js';
import { shellQuote } from '../transport/shell-quote.js';
import { FOLLOW_FUNCTIONS, buildMarkEndShell } from '../watch/follow-sh.js';
import { toAwkRegex } from './awk-regex.js';

/** Where a log stood when the step began: byte size, inode ("-" when it did not exist), checksum of its head. */
export interface LogMark {
  off: number;
  ino: string;
  /** Bytes at the head of the file whose checksum was taken (0: none), and the checksum. */
  headBytes: number;
  headSum: string;
}

/** The mark of a log that does not exist yet: everything in it will be new. */
export const NO_MARK: LogMark = { off: 0, ino: '-', headBytes: 0, headSum: '' };

/** A wait loop to run on a host: the step's name, what it waits for (for messages) and the script. */
export interface WaitProbe {
  name: string;
  what: string;
  script: string;
}

/** Exit status of a loop that reached its own (safety) deadline. */
export const LOOP_GAVE_UP = 124;
/** Exit status of a loop that found no tool to probe with. */
export const LOOP_NO_TOOL = 127;

/** Shortest pause between two probes (ms): a condition is noticed within about this long early on. */
export const POLL_MIN_MS = 20;
/** Longest pause between two probes (ms), reached once the wait has lasted 20 times as long. */
export const POLL_MAX_MS = 2000;

/**
 * Wraps a probe (a shell function `smk_probe` defined by `setup`) in the polling loop. The pause
 * between probes is 1/20 of the time waited so far, from POLL_MIN_MS up to POLL_MAX_MS, so a
 * condition is noticed within 5% of the time it took (20 ms in its first 0.4 s); where `sleep`
 * takes no fractions (tested once, after the first probe failed) it sleeps whole seconds. The time
 * waited is the sum of the pauses, or the clock's whole seconds when probes are slow. The
 * controller's timeout is what ends a wait; the loop's own deadline, 10s later, only makes sure
 * nothing is left polling on a host whose connection died.
 */
export function buildLoop(setup: string, timeoutMs: number): string {
  const safety = Math.ceil(timeoutMs / 1000) + 10;
  return [
    'smk_last=',
    `smk_note() { [ "$1" = "$smk_last" ] && return 0; smk_last=$1; printf '%s\\n' "$1" >&2; }`,
    setup,
    // A condition already true costs one probe: the clock and the `sleep` test come after it.
    'if smk_probe; then exit 0; fi',
    'smk_t0=$(date +%s)',
    `smk_end=$(( smk_t0 + ${safety} ))`,
    'smk_ms=0',
    'if sleep 0.001 2>/dev/null; then smk_frac=1; else smk_frac=; fi',
    'while :; do',
    '  smk_now=$(date +%s)',
    `  if [ "$smk_now" -ge "$smk_end" ]; then exit ${LOOP_GAVE_UP}; fi`,
    '  [ $(( (smk_now - smk_t0) * 1000 )) -gt "$smk_ms" ] && smk_ms=$(( (smk_now - smk_t0) * 1000 ))',
    `  smk_d=$(( smk_ms / 20 )); [ "$smk_d" -lt ${POLL_MIN_MS} ] && smk_d=${POLL_MIN_MS}; [ "$smk_d" -gt ${POLL_MAX_MS} ] && smk_d=${POLL_MAX_MS}`,
    // The fraction padded to three digits without a subshell: one fork less per probe.
    '  if [ -n "$smk_frac" ]; then smk_f=$(( smk_d % 1000 )); case ${#smk_f} in 1) smk_f=00$smk_f ;; 2) smk_f=0$smk_f ;; esac; sleep "$(( smk_d / 1000 )).$smk_f"; else smk_d=$(( (smk_d + 999) / 1000 * 1000 )); sleep $(( smk_d / 1000 )); fi',
    '  smk_ms=$(( smk_ms + smk_d ))',
    '  if smk_probe; then exit 0; fi',
    'done',
  ].join('\n');
}

/** The probe of a port: nc -z, else bash's /dev/tcp, else python3 (chosen once). */
function buildPortProbe(host: string, port: number): string {
  return [
    `H=${shellQuote(host)}; P=${port}`,
    'smk_to=; command -v timeout >/dev/null 2>&1 && smk_to="timeout 3"',
    // smk_pick trust: nc if there is one (`command -v` forks nothing); smk_pick ask, once a probe with it failed: nc only if it knows -z.
    'smk_pick() {',
    "  if command -v nc >/dev/null 2>&1 && { [ \"$1\" = trust ] || ! nc -z -w 1 127.0.0.1 1 2>&1 | grep -qiE 'usage|invalid|illegal|unrecogni|unknown'; }; then smk_tool=nc",
    '  elif command -v bash >/dev/null 2>&1; then smk_tool=bash',
    '  elif command -v python3 >/dev/null 2>&1; then smk_tool=python3',
    `  else echo "cannot probe ports: no nc, bash or python3 on the host" >&2; exit ${LOOP_NO_TOOL}; fi`,
    '}',
    'smk_pick trust; smk_nc_asked=',
    'smk_try() {',
    '  case $smk_tool in',
    '    nc) nc -z -w 2 "$H" "$P" >/dev/null 2>&1 ;;',
    `    bash) $smk_to bash -c 'exec 3<>"/dev/tcp/$0/$1"' "$H" "$P" >/dev/null 2>&1 ;;`,
    `    python3) python3 -c 'import socket,sys; socket.create_connection((sys.argv[1], int(sys.argv[2])), 2).close()' "$H" "$P" >/dev/null 2>&1 ;;`,
    '  esac',
    '}',
    'smk_probe() {',
    '  smk_try; smk_rc=$?',
    '  if [ $smk_rc -ne 0 ] && [ "$smk_tool" = nc ] && [ -z "$smk_nc_asked" ]; then',
    '    smk_nc_asked=1; smk_pick ask',
    '    if [ "$smk_tool" != nc ]; then smk_try; smk_rc=$?; fi',
    '  fi',
    '  if [ $smk_rc -eq 0 ]; then echo "open ($smk_tool)"; return 0; fi',
    '  smk_note "connection refused or timed out ($smk_tool)"; return 1',
    '}',
  ].join('\n');
}

const PY_HTTP = [
  'import ssl,sys,urllib.request,urllib.error',
  'class N(urllib.request.HTTPRedirectHandler):',
  '  def redirect_request(self,*a): return None',
  'o=urllib.request.build_opener(N,urllib.request.HTTPSHandler(context=ssl._create_unverified_context()))',
  'try: print(o.open(sys.argv[1],timeout=5).status)',
  'except urllib.error.HTTPError as e: print(e.code)',
  'except Exception: print("000")',
].join('\n');

/** The probe of a URL: curl, else wget, else python3; 2xx and 3xx pass, redirects are not followed. */
function buildHttpProbe(url: string): string {
  return [
    `U=${shellQuote(url)}`,
    'if command -v curl >/dev/null 2>&1; then smk_tool=curl',
    'elif command -v wget >/dev/null 2>&1; then smk_tool=wget',
    'elif command -v python3 >/dev/null 2>&1; then smk_tool=python3',
    `else echo "cannot probe URLs: no curl, wget or python3 on the host" >&2; exit ${LOOP_NO_TOOL}; fi`,
    'smk_probe() {',
    '  case $smk_tool in',
    `    curl) smk_c=$(curl -k -s -o /dev/null -w '%{http_code}' --max-time 5 "$U" 2>/dev/null) ;;`,
    `    wget) smk_c=$(wget -S -q -O /dev/null --no-check-certificate --max-redirect=0 -T 5 "$U" 2>&1 | awk '/^ *HTTP\\//{c=$2} END{print c}') ;;`,
    `    python3) smk_c=$(python3 -c ${shellQuote(PY_HTTP)} "$U" 2>/dev/null) ;;`,
    '  esac',
    '  case $smk_c in',
    '    2??|3??) echo "HTTP $smk_c ($smk_tool)"; return 0 ;;',
    '    ""|000) smk_note "no answer ($smk_tool)" ;;',
    '    *) smk_note "HTTP $smk_c" ;;',
    '  esac',
    '  return 1',
    '}',
  ].join('\n');
}

/**
 * The probe of a log: read what was written since the mark (from 0 after rotation), match each
 * line with awk, and advance the offset only past complete lines, so a line written in two
 * pieces is matched whole on the next round.
 */
function buildLogProbe(path: string, pattern: string, mark: LogMark): string {
  const awk = [
    '{ t += length($0) + 1; if ($0 ~ ENVIRON["SMK_PAT"]) { print "M " $0; m = 1; exit } last = length($0) }',
    'END { if (!m) { c = n; if (t == n + 1) c = n - last; print "C " c } }',
  ].join(' ');
  return [
    `F=${shellQuote(path)}; SMK_PAT=${shellQuote(toAwkRegex(pattern))}; export SMK_PAT`,
    `smk_off=${mark.off}; smk_ino=${shellQuote(mark.ino)}; smk_hn=${mark.headBytes}; smk_hk=${shellQuote(mark.headSum)}`,
    FOLLOW_FUNCTIONS,
    'smk_probe() {',
    '  smk_stat "$F" || { smk_note "$F does not exist yet"; return 1; }',
    '  smk_rotate "$F"',
    '  [ "$smk_sz" -gt "$smk_off" ] || { smk_note "no new line matched yet"; return 1; }',
    `  smk_r=$(smk_range "$F" | LC_ALL=C awk -v n=$((smk_sz - smk_off)) ${shellQuote(awk)})`,
    '  case $smk_r in',
    `    M\\ *) printf '%s\\n' "\${smk_r#M }"; return 0 ;;`,
    '    C\\ *) smk_off=$((smk_off + ${smk_r#C })); smk_rehead "$F" ;;',
    '  esac',
    '  smk_note "no new line matched yet"; return 1',
    '}',
  ].join('\n');
}

/** The probe of a command: exit 0 passes, exit 127 (command not found) fails at once; the last line of a failed attempt is noted when it changes. */
function buildCommandProbe(command: string): string {
  return [
    'smk_probe() {',
    `  smk_o=$(sh -c ${shellQuote(command)} </dev/null 2>&1); smk_rc=$?`,
    `  if [ $smk_rc -eq 0 ]; then printf '%s\\n' "$smk_o" | tail -n 3; return 0; fi`,
    `  smk_t=$(printf '%s\\n' "$smk_o" | tail -n 1)`,
    // 127: the command does not exist on the host; waiting longer cannot help.
    `  if [ $smk_rc -eq 127 ]; then printf 'command not found (exit 127)%s\\n' "\${smk_t:+: $smk_t}" >&2; exit ${LOOP_NO_TOOL}; fi`,
    '  if [ -n "$smk_t" ]; then smk_note "exit $smk_rc: $smk_t"; else smk_note "exit $smk_rc"; fi',
    '  return 1',
    '}',
  ].join('\n');
}

/** The probe of `stop`'s last step: the status command must fail. */
function buildStoppedCheck(status: string): string {
  return [
    'smk_probe() {',
    `  sh -c ${shellQuote(status)} </dev/null >/dev/null 2>&1; smk_rc=$?`,
    '  if [ $smk_rc -ne 0 ]; then echo "status exits $smk_rc"; return 0; fi',
    '  smk_note "status still exits 0"; return 1',
    '}',
  ].join('\n');
}

/** Builds the loop for one wait condition (a log condition needs the mark taken when the step began). */
export function buildWaitProbe(c: WaitCondition, timeoutMs: number, mark: LogMark = NO_MARK): WaitProbe {
  switch (c.kind) {
    case 'port': {
      const where = isLoopback(c.host) ? `${c.port}` : `${c.host}:${c.port}`;
      return { name: `wait port ${where}`, what: `port ${where}`, script: buildLoop(buildPortProbe(c.host, c.port), timeoutMs) };
    }
    case 'http':
      return { name: `wait http ${c.url}`, what: `HTTP 2xx/3xx from ${c.url}`, script: buildLoop(buildHttpProbe(c.url), timeoutMs) };
    case 'log':
      return { name: `wait log ${c.path} /${c.pattern}/`, what: `/${c.pattern}/ in ${c.path}`, script: buildLoop(buildLogProbe(c.path, c.pattern, mark), timeoutMs) };
    case 'command':
      return { name: `wait command ${shorten(c.command, 50)}`, what: `command ${JSON.stringify(shorten(c.command, 80))} to succeed`, script: buildLoop(buildCommandProbe(c.command), timeoutMs) };
  }
}

/** Builds the loop that waits until the status command fails (the service stopped). */
export function buildStoppedProbe(status: string, timeoutMs: number): WaitProbe {
  return { name: 'wait stopped', what: 'status to fail (service stopped)', script: buildLoop(buildStoppedCheck(status), timeoutMs) };
}

/** The shell that prints `SIZE INODE HEADBYTES HEADSUM` for each path, one line each: the marks of log conditions. */
export function buildMarkScript(paths: readonly string[]): string {
  return [FOLLOW_FUNCTIONS, `for f in ${paths.map(shellQuote).join(' ')}; do ${buildMarkEndShell('f')}; echo "$smk_off $smk_ino $smk_hn $smk_hk"; done`].join('\n');
}

/** Parses the output of buildMarkScript into marks by path. */
export function parseMarks(paths: readonly string[], stdout: string): Map<string, LogMark> {
  const lines = stdout.split('\n');
  const out = new Map<string, LogMark>();
  paths.forEach((p, i) => {
    const m = /^(\d+) (\S+) (\d+) ?(\d*)$/.exec((lines[i] ?? '').trim());
    out.set(p, m ? { off: Number(m[1]), ino: m[2] as string, headBytes: Number(m[3]), headSum: m[4] ?? '' } : NO_MARK);
  });
  return out;
}

function isLoopback(host: string): boolean {
  return host === '127.0.0.1' || host === 'localhost' || host === '::1';
}

function shorten(text: string, max: number): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length <= max ? one : `${one.slice(0, max - 1)}…`;
}
