// Turns measured runs into medians, ratios against smoker, the targets' verdicts, and Markdown tables.

/** The median of numbers (mean of the middle two for an even count). */
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** One row per tool of a workload: medians over its runs, and how many hosts worked in the worst run. */
export function summarize(runs) {
  const byTool = new Map();
  for (const r of runs) {
    const list = byTool.get(r.tool) ?? [];
    list.push(r);
    byTool.set(r.tool, list);
  }
  return [...byTool].map(([tool, rs]) => ({
    tool,
    label: rs[0].label,
    runs: rs.length,
    wallS: median(rs.map((r) => r.wallMs / 1000)),
    wallMinS: Math.min(...rs.map((r) => r.wallMs / 1000)),
    wallMaxS: Math.max(...rs.map((r) => r.wallMs / 1000)),
    cpuS: median(rs.map((r) => r.cpuS)),
    peakRssMiB: median(rs.map((r) => r.peakRssMiB)),
    serverCpuS: median(rs.map((r) => r.serverCpuS)),
    hosts: rs[0].hosts,
    okMin: Math.min(...rs.map((r) => r.ok)),
    checks: rs[0].checks,
    checksOkMin: rs[0].checks === undefined ? undefined : Math.min(...rs.map((r) => r.checksOk ?? 0)),
    failedRuns: rs.filter((r) => r.timedOut || r.ok < r.hosts || (r.checks !== undefined && r.checksOk < r.checks)).length,
    timedOut: rs.some((r) => r.timedOut),
  }));
}

const f1 = (x) => (Number.isFinite(x) ? x.toFixed(1) : '–');
const f2 = (x) => (Number.isFinite(x) ? x.toFixed(2) : '–');
const ratio = (x, base) => (Number.isFinite(x) && base > 0 ? `${(x / base).toFixed(2)}×` : '–');

/** The Markdown table of one workload; ratios are tool ÷ `baseTool` (smoker exec). */
export function workloadTable(rows, baseTool = 'smoker') {
  const base = rows.find((r) => r.tool === baseTool);
  const lines = [
    '| tool | wall s (median, min–max) | wall ÷ smoker | client CPU s | CPU ÷ smoker | peak RSS MiB | RSS ÷ smoker | server CPU s | hosts OK | runs |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const r of rows) {
    const ok = `${r.okMin}/${r.hosts}${r.checks !== undefined ? ` (checks ${r.checksOkMin}/${r.checks})` : ''}${r.timedOut ? ' TIMEOUT' : ''}`;
    lines.push(
      `| ${r.label} | ${f2(r.wallS)} (${f2(r.wallMinS)}–${f2(r.wallMaxS)}) | ${ratio(r.wallS, base?.wallS)} | ${f2(r.cpuS)} | ${ratio(r.cpuS, base?.cpuS)} | ${f1(r.peakRssMiB)} | ${ratio(r.peakRssMiB, base?.peakRssMiB)} | ${f2(r.serverCpuS)} | ${ok} | ${r.runs} |`,
    );
  }
  return lines.join('\n');
}

/** Each target of the issue, met or not, from the workload rows and start-up timings. */
export function judgeTargets(results, startup) {
  const row = (w, t) => results[w]?.find((r) => r.tool === t);
  const out = [];
  const check = (name, value, limit, cmp, unit = '×') => {
    if (!Number.isFinite(value)) return out.push({ name, verdict: 'not measured', value: '–' });
    const met = cmp === '>=' ? value >= limit : value <= limit;
    out.push({ name, verdict: met ? 'met' : 'NOT met', value: `${unit === '×' ? value.toFixed(2) : Math.round(value)} ${unit} (target ${cmp} ${limit} ${unit})` });
  };
  const s100 = row('exec-100', 'smoker');
  check('exec 100: parallel-ssh ÷ smoker (wall)', row('exec-100', 'pssh')?.wallS / s100?.wallS, 4, '>=');
  // Context for the line above: the same ratio for the minimal ssh2 script, the most a Node tool reaches here.
  const floorVsPssh = row('exec-100', 'pssh')?.wallS / row('exec-100', 'floor')?.wallS;
  if (Number.isFinite(floorVsPssh)) out.push({ name: 'exec 100: parallel-ssh ÷ ssh2 floor (wall), for reference', verdict: 'no target', value: `${floorVsPssh.toFixed(2)} ×` });
  check('exec 100: ansible command ÷ smoker (wall)', row('exec-100', 'ansible-command')?.wallS / s100?.wallS, 10, '>=');
  check('exec 100: smoker ÷ ssh2 floor (wall)', s100?.wallS / row('exec-100', 'floor')?.wallS, 1.25, '<=');
  check('run 20 checks × 100: run ÷ exec (wall)', row('run-100', 'smoker-run')?.wallS / row('run-100', 'smoker')?.wallS, 2, '<=');
  const s1000 = row('exec-1000', 'smoker');
  if (s1000) out.push({ name: 'exec 1,000: no failures', verdict: s1000.failedRuns === 0 ? 'met' : 'NOT met', value: `${s1000.okMin}/${s1000.hosts} OK in the worst run` });
  check('exec 1,000: smoker ÷ ssh2 floor (wall)', s1000?.wallS / row('exec-1000', 'floor')?.wallS, 1.25, '<=');
  check('exec 1,000: smoker peak RSS', s1000?.peakRssMiB, 250, '<=', 'MiB');
  check('start-up: smoker --help (median wall)', startup?.help?.medianMs, 150, '<=', 'ms');
  check('start-up: smoker run inventories/local.yaml (median wall)', startup?.runLocal?.medianMs, 400, '<=', 'ms');
  return out;
}

/** The targets as a Markdown table. */
export function targetsTable(targets) {
  return ['| target | measured | verdict |', '| --- | --- | --- |', ...targets.map((t) => `| ${t.name} | ${t.value} | ${t.verdict} |`)].join('\n');
}
