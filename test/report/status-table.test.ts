import { expect } from 'chai';
import { renderStatusTable } from '../../src/report/status-table.js';

describe('report/status-table', () => {
  const rows = [
    { service: 'kafka', host: 'k1', state: 'running' as const, detail: 'active' },
    { service: 'kafka', host: 'k2', state: 'stopped' as const, detail: 'inactive' },
    { service: 'kafka', host: 'k3', state: 'unreachable' as const, detail: 'connect ETIMEDOUT' },
  ];

  it('shows service, host, state and detail per row', () => {
    const out = renderStatusTable(rows);
    expect(out).to.match(/│ SERVICE │ HOST │ STATE\s+│ DETAIL\s+│/);
    expect(out).to.match(/│ kafka\s+│ k1\s+│ running\s+│ active\s+│/);
    expect(out).to.match(/│ kafka\s+│ k3\s+│ unreachable │ connect ETIMEDOUT │/);
    expect(out).to.not.contain('\u001b');
  });

  it('colours states when asked: running green, stopped and unreachable red', () => {
    const out = renderStatusTable(rows, { color: true });
    expect(out).to.contain('\u001b[32mrunning\u001b[39m');
    expect(out).to.contain('\u001b[31mstopped\u001b[39m');
    expect(out).to.contain('\u001b[31munreachable\u001b[39m');
  });
});
