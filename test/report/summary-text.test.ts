import { expect } from 'chai';
import { renderSummaryText } from '../../src/report/summary-text.js';
import { buildAllOkReport, buildSampleReport, buildWarnReport } from './sample.js';

describe('report/summary-text', () => {
  it('starts with FAIL and counts, then every host and check, one per line', () => {
    const lines = renderSummaryText(buildSampleReport(), { session: '2026-11-22--001' }).trimEnd().split('\n');
    expect(lines[0]).to.equal(
      'FAIL 3 hosts: 1 UNKNOWN, 2 ERROR (1 unreachable); 8 checks: 5 OK, 1 WARN, 1 UNKNOWN, 1 ERROR; 1.2s; session 2026-11-22--001');
    expect(lines.slice(1, 6)).to.deep.equal([
      'ERROR   web01',
      'ERROR   web01 / fsmount: 1 of 2 mounts failed',
      'OK      web01 / varnish',
      'WARN    web01 / disk: DISK WARNING - free space: / 15% (2 GiB)',
      'OK      web01 / uname',
    ]);
    expect(lines.at(-1)).to.equal('ERROR   db1: unreachable: connect ECONNREFUSED 10.0.0.21:2222');
    expect(lines).to.have.length(1 + 3 + 8);
    expect(lines.find((l) => l.includes('web02 / http'))).to.match(/^UNKNOWN web02 \/ http: <b>"quoted"/);
  });

  it('says PASS for OK and WARN runs, FAIL for WARN with failOn warn', () => {
    expect(renderSummaryText(buildAllOkReport())).to.match(/^PASS 2 hosts: 2 OK; 3 checks: 3 OK; 800ms\n/);
    expect(renderSummaryText(buildWarnReport())).to.match(/^PASS /);
    expect(renderSummaryText(buildWarnReport(), { failOn: 'warn' })).to.match(/^FAIL /);
  });
});
