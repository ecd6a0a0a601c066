import { expect } from 'chai';
import { nagiosExitCode, renderNagios } from '../../src/report/nagios.js';
import { buildAllOkReport, buildSampleReport, buildWarnReport, makeCheck, makeHost, makeReport } from './sample.js';

describe('report/nagios', () => {
  it('renders one line: state, counts, the failing checks named, perfdata', () => {
    const out = renderNagios(buildSampleReport());
    expect(out.endsWith('\n')).to.equal(true);
    expect(out.trimEnd().split('\n')).to.have.length(1);
    expect(out).to.equal('SMOKER CRITICAL - 3 hosts (1 unreachable), 8 checks: 5 OK, 1 WARN, 1 UNKNOWN, 1 ERROR; '
      + 'not OK: web01/fsmount, db1/connect, web02/http and 1 more | '
      + 'ok=5 warn=1 error=1 unknown=1 unreachable=1 time=1.234s\n');
  });

  it('returns 0, 1, 2 or 3 as Nagios plugins do', () => {
    expect(nagiosExitCode(buildAllOkReport())).to.equal(0);
    expect(nagiosExitCode(buildWarnReport())).to.equal(1);
    expect(nagiosExitCode(buildSampleReport())).to.equal(2);
    const unknown = makeReport([makeHost('h', [makeCheck('h', 'a', { status: 'UNKNOWN' }), makeCheck('h', 'b', { status: 'WARN' })])]);
    expect(nagiosExitCode(unknown)).to.equal(3);
    expect(renderNagios(unknown)).to.match(/^SMOKER UNKNOWN - /);
    const unreachableOnly = makeReport([makeHost('h', [makeCheck('h', 'a')]), makeHost('x', [], 'timeout')]);
    expect(nagiosExitCode(unreachableOnly)).to.equal(2);
  });

  it('names WARN checks when nothing worse failed, and keeps | out of the text', () => {
    expect(renderNagios(buildWarnReport())).to.match(/^SMOKER WARNING - 1 host, 2 checks: 1 OK, 1 WARN; not OK: web01\/disk \| ok=1 warn=1 /);
    const piped = makeReport([makeHost('h|1', [makeCheck('h|1', 'a\nb', { status: 'ERROR' })])]);
    const [text] = renderNagios(piped).split(' | ');
    expect(text).to.not.contain('|');
    expect(renderNagios(piped).trimEnd()).to.not.contain('\n');
  });

  it('says OK with no list when all pass', () => {
    expect(renderNagios(buildAllOkReport())).to.equal(
      'SMOKER OK - 2 hosts, 3 checks: 3 OK | ok=3 warn=0 error=0 unknown=0 unreachable=0 time=0.800s\n');
  });
});
