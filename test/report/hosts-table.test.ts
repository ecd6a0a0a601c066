import { expect } from 'chai';
import { renderHostsTable } from '../../src/report/hosts-table.js';

describe('report/hosts-table', () => {
  const rows = [
    { name: 'web01', address: '10.0.0.1', port: 22, user: 'deploy', transport: 'ssh', jump: ['bastion', 'edge'],
      identityFile: ['~/.ssh/id_ed25519'], hostKeyPolicy: 'strict', groups: ['web', 'prod'] },
    { name: 'db1', passwordEnv: 'DB_PASSWORD', hostKeyPolicy: 'accept-new' },
    { name: 'here', transport: 'local' },
  ];

  it('shows one row per host with its resolved settings', () => {
    const out = renderHostsTable(rows);
    const lines = out.trimEnd().split('\n');
    expect(lines[1]).to.match(/│ HOST\s+│ ADDRESS\s+│ PORT │ USER\s+│ TRANSPORT │ JUMP\s+│ AUTH\s+│ HOST KEYS\s+│ GROUPS\s+│/);
    expect(out).to.match(/│ web01 │ 10\.0\.0\.1 │ 22\s+│ deploy │ ssh\s+│ bastion,edge │ key ~\/\.ssh\/id_ed25519 │ strict\s+│ web,prod │/);
    expect(out).to.match(/│ db1\s+│ db1\s+│\s+│\s+│ ssh\s+│\s+│ password \$DB_PASSWORD\s+│ accept-new │/);
    expect(out).to.match(/│ here\s+│ here\s+│\s+│\s+│ local\s+│/);
  });

  it('names where a secret comes from, never a value, and colours nothing by default', () => {
    const out = renderHostsTable([{ name: 'h', passwordEnv: 'PW' }]);
    expect(out).to.contain('$PW');
    expect(out).to.not.contain('\u001b');
    expect(renderHostsTable(rows, { color: true })).to.contain('\u001b[1mHOST\u001b[22m');
  });
});
