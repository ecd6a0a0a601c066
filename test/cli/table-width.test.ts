// Tables fit the terminal (COLUMNS, else a TTY's width), no rule between rows, host lists folded (issue 15 item 14).
import { expect } from 'chai';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from '../results/workspace.js';

const longest = (text: string) => Math.max(...text.trimEnd().split('\n').map((l) => Array.from(l).length));
const rules = (text: string) => text.split('\n').filter((l) => /^[├╞]/.test(l)).length;

describe('cli: tables fit the width, host lists fold', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'smoker-width-'));
    const names = [...Array.from({ length: 10 }, (_, i) => `web${String(i + 2).padStart(2, '0')}`), ...Array.from({ length: 10 }, (_, i) => `db${i + 12}`)];
    writeFileSync(join(dir, 'inventory.yaml'), [
      'hosts:',
      ...names.map((n) => `  ${n}: { transport: local, vars: { role: ${n.slice(0, 2)} } }`),
      '  edge-proxy-with-a-rather-long-name.example.com: { address: 192.0.2.10, port: 2222, user: deploy, identityFile: [/etc/smoker/keys/deploy_ed25519, /etc/smoker/keys/backup_rsa] }',
      'groups:',
      '  web: { hosts: ["web*"] }',
      '  db: { hosts: ["db*"] }',
      'checks: [checks.yaml]',
      '',
    ].join('\n'));
    writeFileSync(join(dir, 'checks.yaml'), [
      'checks:',
      '  disk: { command: "/usr/lib/nagios/plugins/check_disk -w 20% -c 10% -p / -p /var -p /srv", parser: nagios, hosts: "web,db", category: infrastructure, component: storage }',
      '  uptime: { module: uptime, type: healthCheck, category: system, hosts: web }',
      '  load: { command: "cat /proc/loadavg", hosts: "db", type: smokeTest }',
      '',
    ].join('\n'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const command of ['checks', 'hosts']) {
    it(`smoker ${command} at COLUMNS=60: no line longer than 60, no rule between rows`, () => {
      const r = cli([command, 'inventory.yaml'], { cwd: dir, env: { COLUMNS: '60' } });
      expect(r.code, r.stderr).to.equal(0);
      expect(longest(r.stdout), r.stdout).to.be.at.most(60);
      expect(rules(r.stdout), r.stdout).to.equal(1);
    });
  }

  it('piped without COLUMNS: no width limit, one line per row', () => {
    const r = cli(['checks', 'inventory.yaml'], { cwd: dir, env: { COLUMNS: '' } });
    expect(r.code, r.stderr).to.equal(0);
    expect(longest(r.stdout)).to.be.above(60);
    expect(r.stdout.trimEnd().split('\n')).to.have.length(3 + 3 + 1 + 1);
  });

  it('the hosts column folds numbered names: web[02-11],db[12-21]', () => {
    const r = cli(['checks', 'inventory.yaml'], { cwd: dir, env: { COLUMNS: '' } });
    expect(r.stdout).to.match(/│ disk .*│ web\[02-11\],db\[12-21\] +│$/m);
    expect(r.stdout).to.match(/│ uptime .*│ web\[02-11\] +│$/m);
    expect(r.stdout).to.match(/│ load .*│ db\[12-21\] +│$/m);
  });
});
