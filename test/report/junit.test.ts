import { expect } from 'chai';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderJunit } from '../../src/report/junit.js';
import { buildAllOkReport, buildSampleReport, HOSTILE, makeCheck, makeHost, makeReport } from './sample.js';

const XSD = new URL('../../fixtures/report/junit.xsd', import.meta.url).pathname;

describe('report/junit (xmllint against fixtures/report/junit.xsd)', () => {
  let dir: string;
  before(() => { dir = mkdtempSync(join(tmpdir(), 'smoker-junit-')); });
  after(() => rmSync(dir, { recursive: true, force: true }));

  /** Writes the XML to a file and validates it with xmllint; returns the file path. */
  function validate(xml: string, name: string): string {
    const file = join(dir, `${name}.xml`);
    writeFileSync(file, xml);
    const res = spawnSync('xmllint', ['--noout', '--schema', XSD, file], { encoding: 'utf8' });
    expect(res.status, res.stderr).to.equal(0);
    expect(res.stderr).to.contain('validates');
    return file;
  }

  /** Evaluates an XPath expression over a file with xmllint. */
  function xpath(file: string, expr: string): string {
    return execFileSync('xmllint', ['--xpath', expr, file], { encoding: 'utf8' }).trim();
  }

  it('validates the sample run and counts per host', () => {
    const file = validate(renderJunit(buildSampleReport(), { session: 'results/2026-11-22--001' }), 'sample');
    expect(xpath(file, 'count(//testsuite)')).to.equal('3');
    expect(xpath(file, 'count(//testcase)')).to.equal('9');
    expect(xpath(file, 'string(/testsuites/@tests)')).to.equal('9');
    expect(xpath(file, 'string(/testsuites/@failures)')).to.equal('1');
    expect(xpath(file, 'string(/testsuites/@errors)')).to.equal('2');
    expect(xpath(file, 'string(//testsuite[@name="web01"]/@tests)')).to.equal('4');
    expect(xpath(file, 'string(//testsuite[@name="web01"]/@failures)')).to.equal('1');
    expect(xpath(file, 'string(//testsuite[@name="web01"]/@skipped)')).to.equal('0');
    expect(xpath(file, 'string(//testsuite[@name="web01"]/@timestamp)')).to.equal('2026-11-22T16:12:58');
    expect(xpath(file, 'string(//testsuite[@name="web01"]/@time)')).to.equal('0.505');
    expect(xpath(file, 'string(//testsuite[@name="web02"]/@errors)')).to.equal('1');
    expect(xpath(file, 'string(//property[@name="session"]/@value)')).to.equal('results/2026-11-22--001');
  });

  it('maps ERROR to failure, UNKNOWN to error, WARN to system-out, unreachable to a connect error', () => {
    const file = validate(renderJunit(buildSampleReport()), 'mapping');
    const fsmount = '//testcase[@classname="smoker.web01"][@name="fsmount"]';
    expect(xpath(file, `string(${fsmount}/failure/@type)`)).to.equal('ERROR');
    expect(xpath(file, `string(${fsmount}/failure/@message)`)).to.equal('1 of 2 mounts failed');
    expect(xpath(file, `string(${fsmount}/failure)`)).to.contain('/data [ERROR]');
    expect(xpath(file, `string(${fsmount}/failure)`)).to.contain('[error] Read/Write: file write failed: Read-only file system');
    expect(xpath(file, `string(${fsmount}/system-err)`)).to.contain('Read-only file system');
    expect(xpath(file, 'string(//testcase[@name="http"]/error/@type)')).to.equal('UNKNOWN');
    expect(xpath(file, 'count(//testcase[@name="disk"][@classname="smoker.web01"]/*)')).to.equal('1');
    expect(xpath(file, 'string(//testcase[@name="disk"][@classname="smoker.web01"]/system-out)'))
      .to.equal('[warn] DISK WARNING - free space: / 15% (2 GiB)');
    expect(xpath(file, 'count(//testcase[@name="varnish"]/*)')).to.equal('0');
    expect(xpath(file, 'string(//testcase[@classname="smoker.db1"]/@name)')).to.equal('connect');
    expect(xpath(file, 'string(//testcase[@classname="smoker.db1"]/error/@message)'))
      .to.equal('unreachable: connect ECONNREFUSED 10.0.0.21:2222');
  });

  it('escapes markup and strips characters XML 1.0 forbids', () => {
    const xml = renderJunit(buildSampleReport());
    expect(xml).to.not.match(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/);
    expect(xml).to.not.contain('<script>');
    const file = validate(xml, 'escaping');
    const message = xpath(file, 'string(//testcase[@name="http"]/error/@message)');
    expect(message).to.equal(HOSTILE);
    const err = xpath(file, 'string(//testcase[@name="http"]/system-err)');
    expect(err).to.equal('bell nul escred vt fffe lone end');
  });

  it('escapes hostile host and check names in attributes', () => {
    const name = `a"b'c<d>&e\tf`;
    const report = makeReport([makeHost(name, [makeCheck(name, name, { status: 'ERROR', messages: { info: [], warn: [], error: ['x\ny'] } })])]);
    const file = validate(renderJunit(report), 'names');
    expect(xpath(file, 'string(//testsuite/@name)')).to.equal(name);
    expect(xpath(file, 'string(//testcase/@name)')).to.equal(name);
    expect(xpath(file, 'string(//testcase/@classname)')).to.equal(`smoker.${name}`);
    expect(xpath(file, 'string(//failure/@message)')).to.equal('x y');
  });

  it('validates an all-OK run and an empty one', () => {
    const ok = validate(renderJunit(buildAllOkReport()), 'ok');
    expect(xpath(ok, 'count(//failure | //error)')).to.equal('0');
    const empty = validate(renderJunit(makeReport([])), 'empty');
    expect(xpath(empty, 'string(/testsuites/@tests)')).to.equal('0');
  });
});
