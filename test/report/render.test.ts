import { expect } from 'chai';
import {
  REPORT_FORMATS, isReportFormat, listEntries, nagiosExitCode, renderHtml, renderReport, renderSummaryText,
} from '../../src/report/index.js';
import { isPassing } from '../../src/report/verdict.js';
import { buildAllOkReport, buildSampleReport, buildWarnReport } from './sample.js';

describe('report/index', () => {
  it('renders every -o format through renderReport', () => {
    const report = buildSampleReport();
    const outputs = Object.fromEntries(REPORT_FORMATS.map((f) => [f, renderReport(report, f, { timeZone: 'utc' })]));
    expect(outputs.minimal).to.match(/^web01 +\[ERROR\]/);
    expect(outputs.normal!.length).to.be.greaterThan(outputs.minimal!.length);
    expect(outputs.long!.length).to.be.greaterThan(outputs.normal!.length);
    expect(outputs.full!.length).to.be.greaterThan(outputs.long!.length);
    expect(JSON.parse(outputs.json!)).to.deep.equal(report);
    expect(outputs.tap).to.match(/^TAP version 14\n1\.\.9\n/);
    expect(outputs.junit).to.match(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites /);
    expect(outputs.nagios).to.match(/^SMOKER CRITICAL - /);
    for (const [format, text] of Object.entries(outputs)) expect(text.endsWith('\n'), format).to.equal(true);
  });

  it('exports the session files and the Nagios exit code', () => {
    expect(renderSummaryText(buildAllOkReport())).to.match(/^PASS /);
    expect(renderHtml(buildAllOkReport())).to.match(/^<!DOCTYPE html>/);
    expect(nagiosExitCode(buildAllOkReport())).to.equal(0);
  });

  it('knows its format names', () => {
    expect(isReportFormat('tap')).to.equal(true);
    expect(isReportFormat('xml')).to.equal(false);
  });

  it('flattens a run into one entry per check plus connect, and judges pass/fail', () => {
    const entries = listEntries(buildSampleReport());
    expect(entries.map((e) => `${e.host}/${e.check}:${e.status}`)).to.deep.equal([
      'web01/fsmount:ERROR', 'web01/varnish:OK', 'web01/disk:WARN', 'web01/uname:OK',
      'web02/fsmount:OK', 'web02/varnish:OK', 'web02/disk:OK', 'web02/http:UNKNOWN', 'db1/connect:ERROR',
    ]);
    expect(isPassing(buildSampleReport())).to.equal(false);
    expect(isPassing(buildWarnReport())).to.equal(true);
    expect(isPassing(buildWarnReport(), 'warn')).to.equal(false);
    expect(isPassing(buildAllOkReport(), 'warn')).to.equal(true);
  });
});
