// `bounce/start/stop/restart --plan`: batches in order, each host's exact commands, templates filled; nothing connects (issue 15 item 17).
import { expect } from 'chai';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { smoker } from '../support/cli.js';

const SERVICE = `services:
  app:
    hosts: web
    start: "systemctl start app@{{ host }} --port {{ port }}"
    stop: "systemctl stop app@{{ host }}"
    status: "systemctl is-active app@{{ host }}"
    wait:
      - port: 8080
      - log: { path: "/var/log/app-{{ host }}.log", pattern: " started$" }
      - command: "curl -sf http://{{ address }}:8080/health"
    waitTimeout: 30s
    bounce: { serial: 2, pause: 5s }
`;

/** The steps of one host of `app`, indented as the plan prints them. */
function hostSteps(host: string, n: number, steps: ('stop' | 'start' | 'status')[]): string {
  const lines = [`  ${host}`];
  for (const s of steps) {
    if (s === 'status') lines.push(`    status: systemctl is-active app@${host}  # start is skipped when this exits 0`);
    if (s === 'stop') lines.push(`    stop: systemctl stop app@${host}`, `    wait stopped: systemctl is-active app@${host}  # until this fails, up to 30.0s`);
    if (s === 'start') {
      lines.push(
        `    start: systemctl start app@${host} --port ${n}`,
        '    wait port: until 127.0.0.1:8080 accepts connections, up to 30.0s',
        `    wait log: until a new line of /var/log/app-${host}.log matches / started$/, up to 30.0s`,
        `    wait command: curl -sf http://192.0.2.${n}:8080/health  # until this exits 0, up to 30.0s`,
      );
    }
  }
  return lines.join('\n');
}

describe('cli: service commands --plan', function () {
  this.timeout(60_000);
  let dir: string;
  let inv: string;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'smoker-svc-plan-'));
    writeFileSync(join(dir, 'svc.yaml'), SERVICE);
    inv = join(dir, 'inventory.yaml');
    // TEST-NET addresses on ports 1-3: any connection attempt would hang or fail the command.
    writeFileSync(
      inv,
      `hosts:\n  web1: { address: 192.0.2.1, port: 1 }\n  web2: { address: 192.0.2.2, port: 2 }\n  web3: { address: 192.0.2.3, port: 3 }\n  db1: { address: 192.0.2.9 }\ngroups:\n  web: { hosts: [web1, web2, web3] }\nchecks: [svc.yaml]\n`,
    );
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('bounce --plan: the batches of bounce.serial in order with the pause, stop/start/wait per host, exit 0, no session', async () => {
    const results = join(dir, 'results');
    const r = await smoker(['bounce', 'app', '-i', inv, '--plan', '--results', results]);
    expect(r.code, r.stderr).to.equal(0);
    expect(r.stdout).to.equal(
      [
        'bounce app: 3 hosts, 2 at a time, 5.0s pause between batches',
        'batch 1 of 2: web1, web2',
        hostSteps('web1', 1, ['stop', 'start']),
        hostSteps('web2', 2, ['stop', 'start']),
        'pause 5.0s',
        'batch 2 of 2: web3',
        hostSteps('web3', 3, ['stop', 'start']),
        'plan: bounce app on 3 hosts in 2 batches; nothing was run',
        '',
      ].join('\n'),
    );
    expect(r.stderr).to.equal('');
    expect(existsSync(results)).to.equal(false);
  });

  it('restart --plan --serial 2: every batch stopped, then every batch started; start --plan asks status first', async () => {
    const r = await smoker(['restart', 'app', '-i', inv, '--plan', '--serial', '2']);
    expect(r.code, r.stderr).to.equal(0);
    expect(r.stdout).to.equal(
      [
        'restart app: 3 hosts, 2 at a time',
        'stop, batch 1 of 2: web1, web2',
        hostSteps('web1', 1, ['stop']),
        hostSteps('web2', 2, ['stop']),
        'stop, batch 2 of 2: web3',
        hostSteps('web3', 3, ['stop']),
        'start, batch 1 of 2: web1, web2',
        hostSteps('web1', 1, ['start']),
        hostSteps('web2', 2, ['start']),
        'start, batch 2 of 2: web3',
        hostSteps('web3', 3, ['start']),
        'plan: restart app on 3 hosts in 4 batches; nothing was run',
        '',
      ].join('\n'),
    );
    const start = await smoker(['start', 'app', '-i', inv, '--plan', '-H', 'web2']);
    expect(start.code, start.stderr).to.equal(0);
    expect(start.stdout).to.equal(['start app: 1 host, 1 at a time', 'batch 1 of 1: web2', hostSteps('web2', 2, ['status', 'start']), 'plan: start app on 1 host in 1 batch; nothing was run', ''].join('\n'));
  });

  it('stop --plan -o json gives the same plan as data', async () => {
    const r = await smoker(['stop', 'app', '-i', inv, '--plan', '-o', 'json', '-H', 'web3']);
    expect(r.code, r.stderr).to.equal(0);
    expect(JSON.parse(r.stdout)).to.deep.equal({
      op: 'stop',
      service: 'app',
      hosts: 1,
      batchSize: 1,
      pauseMs: 0,
      rounds: [
        {
          name: 'stop',
          batches: [
            [
              {
                host: 'web3',
                sudo: false,
                steps: [
                  { step: 'stop', command: 'systemctl stop app@web3' },
                  { step: 'wait stopped', command: 'systemctl is-active app@web3', note: 'until this fails, up to 30.0s' },
                ],
              },
            ],
          ],
        },
      ],
    });
  });

  it('a template that cannot be filled is exit 2 at file:line:col, with nothing planned', async () => {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, SERVICE.replace('systemctl stop app@{{ host }}', 'systemctl stop {{ unit }}'));
    const r = await smoker(['bounce', 'app', '-i', inv, '--checks', bad, '--plan']);
    expect(r.code).to.equal(2);
    expect(r.stderr).to.include(`${bad}:5:11 services.app.stop: undefined variable "unit" in {{ unit }}`);
    expect(r.stdout).to.equal('');
  });
});
