// `smoker test` end to end on local hosts (transport: local): selection, --collect-only, --repeat, --deflake,
// --exit-first, --failed, a hung test, and the session's formats (JUnit against the XSD, TAP parsed).
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Parser } from 'tap-parser';
import { latestSession, readReport } from '../services/support.js';
import { ROOT, smoker, type CliResult } from '../support/cli.js';
import type { TestResult } from '../../src/results/test-types.js';

const XSD = join(ROOT, 'fixtures/report/junit.xsd');

describe('smoker test (local hosts)', function () {
  this.timeout(60_000);
  let dir: string;
  const run = (args: string[]): Promise<CliResult> => smoker(['test', ...args, '-i', join(dir, 'inventory.yaml'), '--results', join(dir, 'results')], { cwd: dir });
  const write = (name: string, text: string) => {
    const p = join(dir, 'tests', name);
    writeFileSync(p, text);
    return p;
  };
  const tests = (): TestResult[] => Object.values(readReport(latestSession(join(dir, 'results'))).tests ?? {});

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'smoker-test-cli-'));
    mkdirSync(join(dir, 'tests'));
    writeFileSync(join(dir, 'inventory.yaml'), 'hosts:\n  n[1:3]: { transport: local }\ngroups:\n  node: { hosts: ["n*"] }\n');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('--collect-only -o json lists every id of a 2×3 matrix with needs, timeout and hosts, and connects to nothing', async () => {
    write('m.yaml', 'tests:\n  grid:\n    needs: { node: 2 }\n    timeout: 90s\n    matrix: { size: [1, 2], mode: [a, b, c] }\n    steps: [ { exec: "touch {{ host }}-ran" } ]\n');
    const r = await run(['--collect-only', '-o', 'json']);
    expect(r.code, r.stderr).to.equal(0);
    const out = JSON.parse(r.stdout) as { tests: { id: string; needs: unknown; timeoutMs: number; hosts: Record<string, string[]> }[] };
    expect(out.tests.map((t) => t.id)).to.have.members(['a', 'b', 'c'].flatMap((m) => [1, 2].map((s) => `grid@{"mode":"${m}","size":${s}}`)));
    expect(out.tests).to.have.length(6);
    expect(new Set(out.tests.map((t) => t.id)).size).to.equal(6);
    expect(out.tests[0]).to.deep.include({ needs: { node: 2 }, timeoutMs: 90_000, hosts: { node: ['n1', 'n2'] } });
    expect(existsSync(join(dir, 'results'))).to.equal(false);
    const narrowed = await run(['--collect-only', '-o', 'json', '--param', 'mode=b', '-k', '*"size":2}']);
    expect((JSON.parse(narrowed.stdout) as { tests: { id: string }[] }).tests.map((t) => t.id)).to.deep.equal(['grid@{"mode":"b","size":2}']);
  });

  it('--repeat runs each test N times as #1..#N; a step fails a test naming it; results per test folder', async () => {
    write('r.yaml', 'tests:\n  twice:\n    needs: { node: 1 }\n    steps: [ { exec: { command: "echo hi", expect: { stdout: "^hi$" } } } ]\n  bad:\n    needs: { node: 1 }\n    steps: [ { exec: "echo out; echo err >&2; exit 3" } ]\n');
    const r = await run(['--repeat', '2']);
    expect(r.code, r.stdout + r.stderr).to.equal(1);
    const ids = tests().map((t) => `${t.id} ${t.status}`).sort();
    expect(ids).to.deep.equal(['bad#1 FAIL', 'bad#2 FAIL', 'twice#1 PASS', 'twice#2 PASS']);
    const bad = tests().find((t) => t.id === 'bad#1') as TestResult;
    expect(bad.failure).to.equal('step 01 exec on all: echo out; echo err >&2; exit 3: exit code 3, expected 0');
    const step = join(latestSession(join(dir, 'results')), bad.steps[0]?.dir as string);
    expect(readFileSync(join(step, 'stdout'), 'utf8')).to.equal('out\n');
    expect(readFileSync(join(step, 'stderr'), 'utf8')).to.equal('err\n');
  });

  it('--deflake 3: fails twice then passes → FLAKY in summary, JSON, JUnit (XSD-valid), TAP; exit 0, and 1 with --fail-on flaky', async () => {
    const counter = join(dir, 'count');
    write('f.yaml', `tests:\n  flaky:\n    needs: { node: 1 }\n    steps:\n      - exec: 'n=$(cat ${counter} 2>/dev/null || echo 0); n=$((n+1)); echo $n > ${counter}; [ $n -ge 3 ]'\n`);
    const r = await run(['--deflake', '3']);
    expect(r.code, r.stdout + r.stderr).to.equal(0);
    expect(r.stdout).to.match(/^FLAKY +flaky/m);
    const [t] = tests();
    expect(t?.status).to.equal('FLAKY');
    expect(t?.attempts).to.equal(3);
    const session = latestSession(join(dir, 'results'));
    expect(readReport(session).counts.tests?.FLAKY).to.equal(1);
    expect(readFileSync(join(session, 'summary.txt'), 'utf8')).to.contain('FLAKY');
    const v = spawnSync('xmllint', ['--noout', '--schema', XSD, join(session, 'junit.xml')], { encoding: 'utf8' });
    expect(v.status, v.stderr).to.equal(0);
    expect(readFileSync(join(session, 'junit.xml'), 'utf8')).to.contain('flaky');
    expect(readdirSync(join(session, 'tests')).sort()).to.deep.equal(['flaky', 'flaky (try 2)', 'flaky (try 3)']);
    const tap = await run(['--deflake', '3', '-o', 'tap', '--no-results']);
    writeFileSync(counter, '0');
    const tap2 = await run(['--deflake', '3', '-o', 'tap']);
    const asserts: { ok: boolean; name: string }[] = [];
    await new Promise<void>((resolve) => {
      const p = new Parser({ strict: true }, () => resolve());
      p.on('assert', (a: { ok: boolean; name: string }) => asserts.push(a));
      p.end(tap2.stdout);
    });
    expect(asserts.map((a) => a.ok)).to.deep.equal([true]);
    expect(tap2.stdout).to.match(/flaky/i);
    expect(tap.code).to.equal(0);
    writeFileSync(counter, '0');
    expect((await run(['--deflake', '3', '--fail-on', 'flaky'])).code).to.equal(1);
  });

  it('--exit-first: after the first FAIL nothing starts, the rest are NOT_RUN (exit 1); --failed re-runs only the failure', async () => {
    write('e.yaml', 'tests:\n  a_fails:\n    steps: [ { exec: "exit 1" } ]\n  b_later:\n    steps: [ { exec: "true" } ]\n  c_later:\n    steps: [ { exec: "true" } ]\n');
    const r = await run(['--exit-first']);
    expect(r.code, r.stdout + r.stderr).to.equal(1);
    expect(tests().map((t) => `${t.id} ${t.status}`)).to.deep.equal(['a_fails FAIL', 'b_later NOT_RUN', 'c_later NOT_RUN']);
    const again = await run(['--failed']);
    expect(again.code).to.equal(1);
    expect(tests().map((t) => t.id)).to.deep.equal(['a_fails']);
  });

  it('a hung test (sleep 3600, timeout 5s) FAILs "timed out in step … exec", leaves no process, and the next test runs', async () => {
    const marker = `smoker-hang-${process.pid}-${Date.now()}`;
    write('h.yaml', `tests:\n  hung:\n    needs: { node: 3 }\n    timeout: 5s\n    steps:\n      - exec: { command: "sleep 3600 # ${marker}", on: "node[0]", background: bg }\n      - exec: "sleep 3600 # ${marker}"\n  after:\n    needs: { node: 3 }\n    steps: [ { exec: "true" } ]\n`);
    const r = await run([]);
    expect(r.code, r.stdout + r.stderr).to.equal(1);
    const [hung, after] = tests();
    expect(hung?.failure).to.match(/^timed out after 5\.0s in step 02 exec on all: sleep 3600/);
    expect(after?.status).to.equal('PASS');
    const ps = spawnSync('pgrep', ['-af', marker], { encoding: 'utf8' });
    expect(ps.stdout.split('\n').filter((l) => l && !l.includes('pgrep'))).to.deep.equal([]);
  });

  it('a test that throws mid-way FAILs with the stack in test.log; teardown runs; okToFail and ignore', async () => {
    write(
      'c.test.mjs',
      `import { test } from 'smoker/test';
import { writeFileSync } from 'node:fs';
test('throws', { needs: { node: 1 }, teardown: () => writeFileSync(${JSON.stringify(join(dir, 'torn-down'))}, 'yes') }, async (t) => {
  await t.exec(t.hosts('node')[0], 'true');
  JSON.parse('{not json');
});
test('allowed', { okToFail: true }, async (t) => { t.expect(1).toBe(2); });
test('skipped', { ignore: true }, async () => { throw new Error('never'); });
`,
    );
    const r = await run([]);
    expect(r.code, r.stdout + r.stderr).to.equal(1);
    const byId = Object.fromEntries(tests().map((t) => [t.id, t]));
    expect(byId.throws?.failure).to.match(/^threw SyntaxError: /);
    expect(byId.allowed?.status).to.equal('OK_TO_FAIL');
    expect(byId.skipped?.status).to.equal('IGNORED');
    expect(readFileSync(join(dir, 'torn-down'), 'utf8')).to.equal('yes');
    const log = readFileSync(join(latestSession(join(dir, 'results')), byId.throws?.dir as string, 'test.log'), 'utf8');
    expect(log).to.match(/the test threw: SyntaxError: .*\n\s+at JSON\.parse/);
    expect(log).to.contain('c.test.mjs:5');
  });
});

describe('smoker test: Ctrl-C and the log watcher (local hosts)', function () {
  this.timeout(60_000);
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'smoker-test-int-'));
    mkdirSync(join(dir, 'tests'));
    writeFileSync(join(dir, 'inventory.yaml'), `hosts:\n  n1: { transport: local }\ngroups:\n  node: { hosts: [n1] }\nchecks: [services.yaml]\n`);
    writeFileSync(
      join(dir, 'services.yaml'),
      `services:\n  app:\n    start: "echo starting >> ${dir}/app.log"\n    stop: "true"\n    watch: { path: ${dir}/app.log, name: app.log }\n`,
    );
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('watch: {fail: true} makes a FATAL line in a watched log fail the step it appeared in; without it, a warning', async () => {
    const body = (fail: boolean) => `tests:\n  watched:\n    needs: { node: 1 }\n    watch: { fail: ${fail} }\n    steps:\n      - start: app\n      - exec: "echo 'FATAL disk on fire' >> ${dir}/app.log; sleep 1"\n      - exec: "sleep 1"\n`;
    writeFileSync(join(dir, 'tests/w.yaml'), body(true));
    const r = await smoker(['test', '-i', join(dir, 'inventory.yaml'), '--results', join(dir, 'results')], { cwd: dir });
    expect(r.code, r.stdout + r.stderr).to.equal(1);
    const [t] = Object.values(readReport(latestSession(join(dir, 'results'))).tests ?? {});
    expect(t?.failure).to.match(/^step 02 exec on all: echo 'FATAL disk on fire'.*: log watcher: app\.log line \d+: FATAL/);
    expect(existsSync(join(latestSession(join(dir, 'results')), t?.dir as string, 'watch/n1/app.log'))).to.equal(true);
    writeFileSync(join(dir, 'tests/w.yaml'), body(false));
    const ok = await smoker(['test', '-i', join(dir, 'inventory.yaml'), '--results', join(dir, 'results')], { cwd: dir });
    expect(ok.code, ok.stdout + ok.stderr).to.equal(0);
    const [w] = Object.values(readReport(latestSession(join(dir, 'results'))).tests ?? {});
    expect(w?.steps[1]?.status).to.equal('WARN');
    expect(w?.steps[1]?.messages.warn[0]).to.match(/log watcher: app\.log line \d+: FATAL/);
  });

  it('Ctrl-C marks the running test INTERRUPTED, runs its teardown, leaves the rest NOT_RUN; exit 130', async () => {
    writeFileSync(join(dir, 'tests/i.yaml'), `tests:\n  long:\n    needs: { node: 1 }\n    steps: [ { exec: "echo started > ${dir}/started; sleep 3600" } ]\n    teardown: [ { exec: "echo yes > ${dir}/torn-down" } ]\n  later:\n    needs: { node: 1 }\n    steps: [ { exec: "true" } ]\n`);
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, [join(ROOT, 'dist/bin/smoker.js'), 'test', '-i', join(dir, 'inventory.yaml'), '--results', join(dir, 'results')], { cwd: dir, stdio: 'pipe' });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    for (let i = 0; i < 200 && !existsSync(join(dir, 'started')); i++) await new Promise((r) => setTimeout(r, 50));
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code, out).to.equal(130);
    const byId = Object.fromEntries(Object.values(readReport(latestSession(join(dir, 'results'))).tests ?? {}).map((t) => [t.id, t.status]));
    expect(byId).to.deep.equal({ long: 'INTERRUPTED', later: 'NOT_RUN' });
    expect(readFileSync(join(dir, 'torn-down'), 'utf8')).to.equal('yes\n');
  });
});
