import { expect } from 'chai';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startLab, type Lab } from '../lab/index.js';
import { smoker as runCli, type CliResult } from '../support/cli.js';
import type { RunReport } from '../../src/results/types.js';

// The built CLI needs no loader: keep a test runner's NODE_OPTIONS (e.g. --import tsx) out of it.
const smoker = (args: string[]): Promise<CliResult> => runCli(args, { env: { NODE_OPTIONS: '' } });

/** An Ansible INI inventory for the lab, as an Ansible user would write it (host keys via ssh args). */
function ansibleIni(lab: Lab): string {
  const [a, b, c] = lab.hosts;
  if (!a || !b || !c) throw new Error('the lab needs 3 hosts');
  const line = (h: typeof a) => `${h.name} ansible_host=${h.address} ansible_port=${h.port}`;
  return [
    '# Written the way an Ansible user would: connection vars, and known_hosts through ssh args.',
    '[web]',
    line(a),
    line(b),
    '',
    '[db]',
    `${line(c)} role=primary`,
    '',
    '[web:vars]',
    'tier=frontend',
    '',
    '[all:vars]',
    `ansible_user=${lab.user}`,
    `ansible_ssh_private_key_file=${lab.clientKey}`,
    `ansible_ssh_common_args='-o UserKnownHostsFile=${lab.knownHosts}'`,
    '',
  ].join('\n');
}

const CHECKS = `checks:
  whoami: { command: id -un, type: smokeTest, category: system }
  kernel: { module: uname, type: healthCheck }
  tier:   { command: 'echo {{ tier }}', hosts: web }
  role:   { command: 'echo {{ role }}', hosts: db }
`;

describe('Ansible inventory used directly against real sshd hosts (e2e) @lab', function () {
  this.timeout(120_000);
  let lab: Lab;
  let inventory: string;
  let checks: string;

  before(async () => {
    lab = await startLab({ hosts: 3 });
    inventory = join(lab.dir, 'hosts.ini');
    checks = join(lab.dir, 'checks.yaml');
    writeFileSync(inventory, ansibleIni(lab));
    writeFileSync(checks, CHECKS);
  });
  after(async () => lab?.close());

  it('smoker hosts resolves the Ansible connection settings, strict host keys from the ssh args', async () => {
    const r = await smoker(['hosts', inventory, '-o', 'json']);
    expect(r.code, r.stderr).to.equal(0);
    const hosts = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(hosts.map((h) => h.name)).to.deep.equal(lab.hosts.map((h) => h.name));
    for (const [i, h] of hosts.entries()) {
      const labHost = lab.hosts[i];
      expect(h).to.deep.include({ address: labHost?.address, port: labHost?.port, user: lab.user, identityFile: [lab.clientKey], knownHosts: [lab.knownHosts] });
      expect(h.hostKeyPolicy ?? 'strict').to.equal('strict');
    }
  });

  it('smoker run --checks runs every check on every host, with Ansible vars substituted', async () => {
    const results = join(lab.dir, 'results-run');
    const r = await smoker(['run', inventory, '--checks', checks, '-o', 'json', '--results', results]);
    expect(r.code, r.stderr).to.equal(0);
    const report = JSON.parse(r.stdout) as RunReport;
    expect(Object.keys(report.hosts).sort()).to.deep.equal(lab.hosts.map((h) => h.name).sort());
    expect(report.counts.unreachable).to.equal(0);
    const [web1, web2, db] = lab.hosts.map((h) => report.hosts[h.name]);
    for (const h of [web1, web2, db]) {
      expect(h?.status, JSON.stringify(h)).to.equal('OK');
      expect(h?.checks.whoami?.messages.info).to.deep.equal([lab.user]);
      expect(h?.checks.kernel?.status).to.equal('OK');
    }
    expect(Object.keys(web1?.checks ?? {}).sort()).to.deep.equal(['kernel', 'tier', 'whoami']);
    expect(web2?.checks.tier?.messages.info).to.deep.equal(['frontend']);
    expect(Object.keys(db?.checks ?? {}).sort()).to.deep.equal(['kernel', 'role', 'whoami']);
    expect(db?.checks.role?.messages.info).to.deep.equal(['primary']);
    const meta = JSON.parse(readFileSync(join(results, 'latest', 'session.json'), 'utf8')) as { inventory: string; state: string };
    expect(meta).to.deep.include({ inventory, state: 'complete' });
  });

  it('smoker run -H takes Ansible group names', async () => {
    const r = await smoker(['run', inventory, '--checks', checks, '-H', 'db', '-o', 'json', '--no-results']);
    expect(r.code, r.stderr).to.equal(0);
    expect(Object.keys((JSON.parse(r.stdout) as RunReport).hosts)).to.deep.equal([lab.hosts[2]?.name]);
  });

  it('smoker exec works on the same file', async () => {
    const r = await smoker(['exec', inventory, '-o', 'json', '--no-results', '--', 'id', '-un']);
    expect(r.code, r.stderr).to.equal(0);
    const out = JSON.parse(r.stdout) as { hosts: { host: string; status: string; stdout?: string }[] };
    expect(out.hosts.map((h) => h.status)).to.deep.equal(['OK', 'OK', 'OK']);
    expect(out.hosts.map((h) => h.stdout?.trim())).to.deep.equal([lab.user, lab.user, lab.user]);
  });
});
