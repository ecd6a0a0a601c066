// `smoker test` end to end on a 3-host lab (real sshd, hosts in their own namespaces): the example scenarios,
// a false assertion, a timeout that leaves nothing behind, and needs allocation.
import { expect } from 'chai';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLab, type Lab } from '../lab/index.js';
import { latestSession, readReport } from '../services/support.js';
import { ROOT, smoker, type CliResult } from '../support/cli.js';
import type { TestResult } from '../../src/results/test-types.js';

const INVENTORY_CHECKS = [join(ROOT, 'checks/demo.yaml')];

describe('smoker test on a 3-host lab @lab', function () {
  this.timeout(300_000);
  let lab: Lab;
  let dir: string;
  let inventory: string;
  const results = () => join(dir, 'results');
  const run = (args: string[]): Promise<CliResult> => smoker(['test', ...args, '-i', inventory, '--results', results()], { env: { HOME: dir, SSH_AUTH_SOCK: '' } });
  const testsOf = (session: string): TestResult[] => Object.values(readReport(session).tests ?? {});
  /** Lines of `ps` on every host whose command line matches (the lab's own namespaces, not over SSH). */
  const leftovers = async (pattern: string) => (await Promise.all(lab.hosts.map(async (h) => (await lab.exec(h.name, `pgrep -af ${JSON.stringify(pattern)} || true`)).stdout.trim()))).filter(Boolean);
  const demoRunning = async () => (await Promise.all(lab.hosts.map(async (h) => (await lab.exec(h.name, 'p=$(cat /tmp/demo/demo.pid 2>/dev/null) && kill -0 "$p" 2>/dev/null && echo up')).stdout.trim()))).filter(Boolean);
  const write = (name: string, text: string) => {
    const p = join(dir, 'tests', name);
    writeFileSync(p, text);
    return p;
  };

  before(async () => {
    lab = await startLab({ hosts: 3 });
    dir = mkdtempSync(join(tmpdir(), 'smoker-scenarios-'));
    mkdirSync(join(dir, '.ssh'), { mode: 0o700 });
    mkdirSync(join(dir, 'tests'));
    // The scenarios copy the demo from ../fixtures/service/, relative to their own folder.
    mkdirSync(join(dir, 'fixtures/service'), { recursive: true });
    writeFileSync(join(dir, 'fixtures/service/demo-service.sh'), readFileSync(join(ROOT, 'fixtures/service/demo-service.sh')));
    inventory = lab.writeInventory(join(dir, 'inventory.yaml'), { checks: INVENTORY_CHECKS, groups: { demo: { hosts: ['host*'] } } });
  });
  after(async () => {
    await lab?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('the YAML and the .mjs example each start the demo on 3 hosts, load, bounce, kill -9, restart, wait, join, stop: PASS', async () => {
    for (const f of ['demo.yaml', 'demo.test.mjs']) writeFileSync(join(dir, 'tests', f), readFileSync(join(ROOT, 'tests', f)));
    const r = await run([join(dir, 'tests/demo.yaml'), join(dir, 'tests/demo.test.mjs')]);
    expect(r.code, r.stdout + r.stderr).to.equal(0);
    expect(r.stdout).to.match(/^PASS +bounce_under_load@\{"requests":30\}/m).and.to.match(/^PASS +bounce under load \(code\)/m).and.to.contain('2 tests: 2 PASS');
    const session = latestSession(results());
    const tests = testsOf(session);
    expect(tests.map((t) => t.status)).to.deep.equal(['PASS', 'PASS']);
    for (const t of tests) {
      expect(t.hosts).to.deep.equal({ demo: ['host1', 'host2', 'host3'] });
      const kinds = t.steps.map((s) => s.kind);
      expect(kinds).to.include.members(['copy', 'start', 'exec', 'bounce', 'kill', 'wait', 'stop']);
      const kill = t.steps.find((s) => s.kind === 'kill');
      expect(kill?.hosts).to.deep.equal(['host3']);
      const bounce = t.steps.find((s) => s.kind === 'bounce');
      expect(bounce?.messages.info[0]).to.match(/3 bounced/);
      expect(t.steps.find((s) => s.phase === 'teardown')?.kind).to.equal('stop');
      const folder = join(session, t.dir);
      expect(readdirSync(folder)).to.include.members(['test.log', 'result.json', 'data.json', 'steps', 'services', 'watch']);
      expect(readFileSync(join(folder, 'test.log'), 'utf8')).to.match(/^\d{4}-\d\d-\d\dT[\d:.]+Z >> step 01 \[setup\] copy/m);
      expect(readdirSync(join(folder, 'services/demo'))).to.have.members(['host1', 'host2', 'host3']);
    }
    const code = tests.find((t) => t.name === 'bounce under load (code)') as TestResult;
    expect(JSON.parse(readFileSync(join(session, code.dir, 'data.json'), 'utf8')).answered).to.be.greaterThan(0);
    const yaml = tests.find((t) => t.name === 'bounce_under_load') as TestResult;
    const exec = yaml.steps.find((s) => s.kind === 'exec') as NonNullable<TestResult['steps'][number]>;
    expect(readFileSync(join(session, exec.dir as string, 'stdout'), 'utf8')).to.match(/^answered \d+ of 30$/m);
    expect(readdirSync(session)).to.include.members(['junit.xml', 'report.html', 'summary.txt']);
    expect(await demoRunning(), 'teardown stopped the demo everywhere').to.deep.equal([]);
  });

  it('a false assertion FAILs the test naming its step (YAML join expect, and t.expect in code); teardown still runs', async () => {
    const yaml = write(
      'false.yaml',
      `tests:
  wrong_count:
    needs: { demo: 2 }
    setup: [ { copy: { src: ../fixtures/service/demo-service.sh, dest: /tmp/demo/demo-service.sh } }, { start: demo } ]
    steps:
      - exec: { on: "demo[0]", command: "echo answered 3 of 3", background: load }
      - join: { name: load, expect: { stdout: "^answered 30 of 30$" } }
      - exec: { on: "demo[0]", command: "echo never" }
    teardown: [ { stop: demo } ]
`,
    );
    const code = write(
      'false.test.mjs',
      `import { test } from 'smoker/test';
test('code assertion', { needs: { demo: 1 } }, async (t) => {
  const r = await t.exec(t.hosts('demo')[0], 'echo 41');
  t.expect(Number(r.stdout), 'the answer').toBe(42);
  await t.exec(t.hosts('demo')[0], 'echo never');
});
`,
    );
    const r = await run([yaml, code]);
    expect(r.code, r.stdout + r.stderr).to.equal(1);
    const tests = testsOf(latestSession(results()));
    const byName = Object.fromEntries(tests.map((t) => [t.name, t]));
    expect(byName.wrong_count?.status).to.equal('FAIL');
    expect(byName.wrong_count?.failure).to.match(/^step 04 join load: host1: stdout does not match \/\^answered 30 of 30\$\//);
    expect(byName.wrong_count?.steps.map((s) => s.kind)).to.deep.equal(['copy', 'start', 'exec', 'join', 'stop']);
    expect(byName['code assertion']?.status).to.equal('FAIL');
    expect(byName['code assertion']?.failure).to.equal('step 02 expect the answer: expected 41 to be 42: expected 41 to be 42');
    expect(r.stdout, r.stdout).to.match(/^FAIL +wrong_count\b.*\n +step 04 join load/m);
    expect(await demoRunning()).to.deep.equal([]);
  });

  it('a test that times out FAILs "timed out … in step NN exec", its remote processes are killed, and its teardown ran', async () => {
    const f = write(
      'hang.yaml',
      `tests:
  hangs:
    needs: { demo: 2 }
    timeout: 6s
    steps:
      - exec: { on: "demo[0]", command: "sleep 3601", background: bg }
      - exec: { on: "demo[1]", command: "sleep 3600" }
    teardown:
      - exec: { command: "touch /tmp/teardown-ran" }
  next:
    needs: { demo: 1 }
    steps: [ { exec: "echo next ran" } ]
`,
    );
    const t0 = Date.now();
    const r = await run([f]);
    expect(r.code, r.stdout + r.stderr).to.equal(1);
    expect(Date.now() - t0).to.be.below(60_000);
    const tests = testsOf(latestSession(results()));
    const hang = tests.find((t) => t.name === 'hangs') as TestResult;
    expect(hang.status).to.equal('FAIL');
    expect(hang.failure).to.match(/^timed out after 6\.0s in step 02 exec on demo\[1\]: sleep 3600$/);
    expect(hang.steps.find((s) => s.phase === 'teardown')?.status).to.equal('OK');
    expect(tests.find((t) => t.name === 'next')?.status, 'the next test runs').to.equal('PASS');
    expect(await leftovers('sleep 360[01]'), 'no sleep left on any host').to.deep.equal([]);
    const touched = await Promise.all(lab.hosts.slice(0, 2).map((h) => lab.exec(h.name, 'test -f /tmp/teardown-ran && echo yes')));
    expect(touched.map((x) => x.stdout.trim())).to.deep.equal(['yes', 'yes']);
  });

  it('needs: tests needing 1 of 3 run at once on disjoint hosts; tests needing 2 of 3 never overlap in time', async () => {
    const f = write(
      'needs.yaml',
      `tests:
${['a', 'b', 'c'].map((n) => `  one_${n}:\n    needs: { demo: 1 }\n    steps: [ { exec: "sleep 2; hostname" } ]`).join('\n')}
${['a', 'b'].map((n) => `  two_${n}:\n    needs: { demo: 2 }\n    steps: [ { exec: "sleep 1; hostname" } ]`).join('\n')}
`,
    );
    const r = await run([f]);
    expect(r.code, r.stdout + r.stderr).to.equal(0);
    const tests = testsOf(latestSession(results()));
    const span = (t: TestResult) => [Date.parse(t.startedAt), Date.parse(t.endedAt as string)] as const;
    const overlap = (x: TestResult, y: TestResult) => span(x)[0] < span(y)[1] && span(y)[0] < span(x)[1];
    const ones = tests.filter((t) => t.name.startsWith('one_'));
    expect(new Set(ones.map((t) => t.hosts.demo?.[0])).size, 'three disjoint hosts').to.equal(3);
    expect(overlap(ones[0] as TestResult, ones[1] as TestResult) && overlap(ones[1] as TestResult, ones[2] as TestResult), 'ran at once').to.equal(true);
    const [x, y] = tests.filter((t) => t.name.startsWith('two_')) as [TestResult, TestResult];
    expect(x.hosts.demo).to.have.length(2);
    expect(overlap(x, y), '2 + 2 hosts of 3 cannot run at once').to.equal(false);
    for (const a of tests) for (const b of tests) if (a !== b && overlap(a, b)) expect(a.hosts.demo?.some((h) => b.hosts.demo?.includes(h)), `${a.id} and ${b.id} share a host`).to.equal(false);
  });

  it('a test that needs 4 of 3 hosts is exit 2 at collection: file:line:col, nothing run', async () => {
    const f = write('four.yaml', 'tests:\n  too_big:\n    needs: { demo: 4 }\n    steps: [ { exec: "touch /tmp/should-not-run" } ]\n');
    const before = readdirSync(results()).length;
    const r = await run([f]);
    expect(r.code).to.equal(2);
    expect(r.stderr).to.contain(`${f}:3:14 too_big.needs.demo: needs 4 hosts of group "demo", but ${inventory} has 3 (host1, host2, host3)`).and.to.contain('nothing was run');
    expect(readdirSync(results()).length, 'no session').to.equal(before);
  });
});
