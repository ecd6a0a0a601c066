// `smoker test --plan`: each test's hosts from needs, its steps in order with the exact command per host; nothing connects (issue 15 item 17).
import { expect } from 'chai';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { smoker } from '../support/cli.js';

const SERVICE = `services:
  app:
    start: "start-app {{ host }}"
    stop: "stop-app {{ host }}"
    status: "status-app {{ host }}"
    wait:
      - port: 8080
    waitTimeout: 10s
    bounce: { serial: 1, pause: 2s }
checks:
  health: { command: "curl -sf http://{{ address }}:8080/" }
`;

const TESTS = `tests:
  roll:
    needs: { web: 2 }
    params:
      - { n: 3 }
    setup:
      - start: app
    steps:
      - exec: { on: "web[0]", command: "echo {{ n }} from {{ host }} at {{ address }}:{{ port }}", expect: { stdout: "^{{ n }} from" } }
      - bounce: { service: app }
      - check: [health]
      - sleep: 1s
`;

describe('cli: test --plan', function () {
  this.timeout(60_000);
  let dir: string;
  let inv: string;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'smoker-test-plan-'));
    writeFileSync(join(dir, 'app.yaml'), SERVICE);
    mkdirSync(join(dir, 'tests'));
    writeFileSync(join(dir, 'tests', 'roll.yaml'), TESTS);
    inv = join(dir, 'inventory.yaml');
    // TEST-NET addresses on ports 1-3: any connection attempt would hang or fail.
    writeFileSync(inv, `hosts:\n  web1: { address: 192.0.2.1, port: 1 }\n  web2: { address: 192.0.2.2, port: 2 }\n  web3: { address: 192.0.2.3, port: 3 }\ngroups:\n  web: { hosts: [web1, web2, web3] }\nchecks: [app.yaml]\n`);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the hosts from needs and every step with each host\'s exact command, exit 0, no session', async () => {
    const results = join(dir, 'results');
    const r = await smoker(['test', 'tests/roll.yaml', '-i', inv, '--plan', '--results', results], { cwd: dir });
    expect(r.code, r.stderr).to.equal(0);
    expect(r.stdout).to.equal(
      [
        'roll@{"n":3}',
        '  hosts: web: web1, web2',
        '  setup 1 (tests/roll.yaml:7:9): start app',
        '    start app: 2 hosts, 2 at a time',
        '    batch 1 of 1: web1, web2',
        '      web1',
        '        status: status-app web1  # start is skipped when this exits 0',
        '        start: start-app web1',
        '        wait port: until 127.0.0.1:8080 accepts connections, up to 10.0s',
        '      web2',
        '        status: status-app web2  # start is skipped when this exits 0',
        '        start: start-app web2',
        '        wait port: until 127.0.0.1:8080 accepts connections, up to 10.0s',
        '  step 1 (tests/roll.yaml:9:9): exec on web[0] (expect exit 0, stdout /^3 from/)',
        '    web1: echo 3 from web1 at 192.0.2.1:1',
        '  step 2 (tests/roll.yaml:10:9): bounce app',
        '    bounce app: 2 hosts, 1 at a time, 2.0s pause between batches',
        '    batch 1 of 2: web1',
        '      web1',
        '        stop: stop-app web1',
        '        wait stopped: status-app web1  # until this fails, up to 10.0s',
        '        start: start-app web1',
        '        wait port: until 127.0.0.1:8080 accepts connections, up to 10.0s',
        '    pause 2.0s',
        '    batch 2 of 2: web2',
        '      web2',
        '        stop: stop-app web2',
        '        wait stopped: status-app web2  # until this fails, up to 10.0s',
        '        start: start-app web2',
        '        wait port: until 127.0.0.1:8080 accepts connections, up to 10.0s',
        '  step 3 (tests/roll.yaml:11:9): check health',
        '    web1: curl -sf http://192.0.2.1:8080/  # health',
        '    web2: curl -sf http://192.0.2.2:8080/  # health',
        '  step 4 (tests/roll.yaml:12:9): sleep 1.0s',
        'plan: 1 test, 5 steps; nothing was run',
        '',
      ].join('\n'),
    );
    expect(existsSync(results)).to.equal(false);
  });

  it('-o json gives the plan as data', async () => {
    const r = await smoker(['test', 'tests/roll.yaml', '-i', inv, '--plan', '-o', 'json'], { cwd: dir });
    expect(r.code, r.stderr).to.equal(0);
    const plan = JSON.parse(r.stdout) as { tests: { id: string; hosts: Record<string, string[]>; steps: { label: string; hosts?: { host: string; command?: string }[] }[] }[] };
    expect(plan.tests.map((t) => [t.id, t.hosts])).to.deep.equal([['roll@{"n":3}', { web: ['web1', 'web2'] }]]);
    expect(plan.tests[0]?.steps[1]?.hosts).to.deep.equal([{ host: 'web1', command: 'echo 3 from web1 at 192.0.2.1:1' }]);
  });

  it('a template that cannot be filled is exit 2 at the step\'s file:line:col', async () => {
    writeFileSync(join(dir, 'tests', 'bad.yaml'), 'tests:\n  bad:\n    steps:\n      - sleep: 1s\n      - exec: { command: "echo {{ nope }}" }\n');
    const r = await smoker(['test', 'tests/bad.yaml', '-i', inv, '--plan'], { cwd: dir });
    expect(r.code).to.equal(2);
    expect(r.stderr).to.equal('tests/bad.yaml:5:9 unknown parameter "nope" in {{ nope }}\n');
  });
});
