// `run --plan`: the exact command each host would run, templates filled, and nothing connects (issue 15 item 17).
import { expect } from 'chai';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { smoker } from '../support/cli.js';

describe('cli: run --plan', function () {
  this.timeout(60_000);
  let dir: string;
  let inv: string;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'smoker-plan-'));
    writeFileSync(
      join(dir, 'checks.yaml'),
      `checks:
  greet: { command: "echo {{ greeting }} from {{ host }}:{{ port }}" }
  locked: { command: "uptime", maintenanceLock: "/etc/maint-{{ host }}" }
`,
    );
    inv = join(dir, 'inventory.yaml');
    // Port 1 on a TEST-NET address: any connection attempt would fail the run.
    writeFileSync(inv, `vars: { greeting: "it's me" }\nhosts:\n  web1: { address: 192.0.2.1, port: 1 }\n  web2: { address: 192.0.2.2, port: 2 }\nchecks: [checks.yaml]\n`);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('prints every host’s commands with templates filled and shell-quoted, exit 0, no session', async () => {
    const results = join(dir, 'results');
    const r = await smoker(['run', inv, '--plan', '--results', results]);
    expect(r.code, r.stderr).to.equal(0);
    expect(r.stdout).to.include(`web1\n  greet: echo 'it'\\''s me' from web1:1\n`);
    expect(r.stdout).to.include(`  greet: echo 'it'\\''s me' from web2:2\n`);
    expect(r.stdout).to.match(/^ {2}locked: if \[ -e \/etc\/maint-web2 \]; then .*; fi; uptime$/m);
    expect(r.stdout).to.include('plan: 2 hosts, 4 checks; nothing was run');
    expect(existsSync(results)).to.equal(false);
  });

  it('-o json gives the same plan as data', async () => {
    const r = await smoker(['run', inv, '--plan', '-o', 'json', '-H', 'web2', '-p', 'greet']);
    expect(r.code, r.stderr).to.equal(0);
    const plan = JSON.parse(r.stdout) as { hosts: { host: string; commands: { check: string; command: string }[] }[] };
    expect(plan.hosts).to.deep.equal([{ host: 'web2', commands: [{ check: 'greet', command: `echo 'it'\\''s me' from web2:2`, sudo: false }] }]);
  });
});
