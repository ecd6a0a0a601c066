// Every parser through `smoker run` on a lab host: fixtures/checks/parsers.yaml, real Nagios plugins included.
import { expect } from 'chai';
import { join } from 'node:path';
import type { RunReport } from '../../src/results/types.js';
import { allMessages, explain, FIXTURES, result, run, runJson, startRunLab, type RunLab } from './support.js';

const PARSERS = join(FIXTURES, 'checks', 'parsers.yaml');

describe('smoker run: parsers on a lab host @lab', function () {
  this.timeout(120_000);
  let rl: RunLab;
  let inv: string;
  let report: RunReport;

  before(async () => {
    rl = await startRunLab(1);
    inv = rl.inventory('inventory-parsers.yaml');
    report = (await runJson([inv, '--checks', PARSERS])).report;
  });
  after(async () => rl?.close());

  const check = (name: string, status: string, message?: RegExp) => {
    const r = result(report, 'host1', name);
    expect(r.status, explain(r)).to.equal(status);
    if (message) expect(allMessages(r).some((m) => message.test(m)), `${message} in ${explain(r)}`).to.equal(true);
    return r;
  };

  describe('auto', () => {
    it('exit 0 is OK with stdout lines as info', () => {
      expect(check('auto-ok', 'OK').messages.info).to.deep.equal(['first line', 'second line']);
    });
    it('a non-zero exit is ERROR with the exit code and stderr', () => {
      const r = check('auto-error', 'ERROR');
      expect(r.exitCode).to.equal(3);
      expect(r.messages.error).to.include('it broke');
      expect(r.messages.error.join(' ')).to.match(/code 3/);
    });
    it("reads Smoker's JSON contract, componentResults as components", () => {
      const r = check('auto-contract', 'WARN');
      expect(Object.keys(r.components)).to.deep.equal(['/srv/data', '/srv/logs']);
      expect(r.components['/srv/data']?.status).to.equal('WARN');
      expect(r.components['/srv/data']?.messages.warn).to.deep.equal(['Read/Write: slow write (2.3 s)']);
      expect(r.components['/srv/logs']?.status).to.equal('OK');
    });
    it('-o long renders the components under the check', async () => {
      const out = await run([inv, '--checks', PARSERS, '-p', 'auto-contract', '-o', 'long']);
      expect(out.code, out.stderr).to.equal(0);
      const lines = out.stdout.split('\n');
      const at = lines.findIndex((l) => /^- auto-contract\s+\[WARN\]/.test(l));
      expect(at, out.stdout).to.be.greaterThan(-1);
      const body = lines.slice(at + 1).join('\n');
      expect(body).to.match(/^ -- \/srv\/data\s+\[WARN\]\n\s+\[warn\] Read\/Write: slow write \(2\.3 s\)/m);
      expect(body).to.match(/^ -- \/srv\/logs\s+\[OK\]/m);
      expect(body).to.include('[info] 2 volumes checked');
    });
  });

  describe('nagios, with the real monitoring plugins', () => {
    it('check_dummy 0-3 map to OK, WARN, ERROR, UNKNOWN with the plugin text', () => {
      check('dummy-0', 'OK', /^OK: all fine$/);
      check('dummy-1', 'WARN', /^WARNING: getting full$/);
      check('dummy-2', 'ERROR', /^CRITICAL: on fire$/);
      check('dummy-3', 'UNKNOWN', /^UNKNOWN: no idea$/);
      expect(result(report, 'host1', 'dummy-0').category).to.equal('nagios');
    });
    it('check_disk: perfdata of / becomes a metric; impossible thresholds are ERROR', () => {
      const r = check('check-disk', 'OK', /^DISK OK/);
      expect(r.metrics['/'], JSON.stringify(r.metrics)).to.include.keys('value', 'uom');
      check('check-disk-bad', 'ERROR', /^DISK CRITICAL/);
    });
    it('check_load: load1/load5/load15 metrics', () => {
      const r = check('check-load', 'OK', /LOAD OK/);
      expect(r.metrics).to.include.keys('load1', 'load5', 'load15');
    });
    it('check_procs counts the host\'s own sshd; a missing process is CRITICAL', () => {
      check('check-procs', 'OK', /PROCS OK/);
      check('check-procs-bad', 'ERROR', /PROCS CRITICAL: 0 processes/);
    });
    it('check_tcp against {{ address }}:{{ port }} of the host; port 1 is refused', () => {
      const r = check('check-tcp', 'OK', new RegExp(`TCP OK .* on ${rl.lab.host('host1').address.replace(/\./g, '\\.')} port`));
      expect(r.metrics).to.have.property('time');
      check('check-tcp-bad', 'ERROR', /Connection refused/);
    });
  });

  describe('json', () => {
    it('takes status and messages from the contract', () => {
      check('json-ok', 'OK', /^fine$/);
      check('json-warn', 'WARN', /^queue is long$/);
    });
    it('output that is not JSON is ERROR', () => {
      check('json-invalid', 'ERROR', /^invalid JSON result/);
    });
  });

  describe('regex and number', () => {
    it('regex: ok / warn / error patterns decide', () => {
      check('regex-ok', 'OK', /service started/);
      check('regex-error', 'ERROR', /FATAL: out of memory/);
      check('regex-warn', 'WARN', /deprecated/);
    });
    it('number: the captured value against thresholds, kept as a metric', () => {
      expect(check('number-ok', 'OK').metrics['value']?.value).to.equal(12);
      const warn = check('number-warn', 'WARN', /queue 85 breaches warn threshold >80/);
      expect(warn.metrics['queue']).to.deep.include({ value: 85, warn: '>80', crit: '>90' });
      check('number-error', 'ERROR', /95 breaches error threshold >90/);
    });
  });

  describe('built-ins for common tools', () => {
    it('varnish: debug.health and backend.list, one component per backend', () => {
      const sick = check('varnish-sick', 'ERROR');
      expect(sick.components['backend1']?.status).to.equal('ERROR');
      const list = check('varnish-list', 'ERROR');
      expect(Object.fromEntries(Object.entries(list.components).map(([k, v]) => [k, v.status]))).to.deep.equal({
        'boot.web1': 'OK',
        'boot.web2': 'ERROR',
        'boot.static': 'OK',
      });
    });
    it('systemctl: active is OK; failed is ERROR with the journal lines', () => {
      check('systemctl-ok', 'OK', /nginx\.service: active \(running\)/);
      check('systemctl-bad', 'ERROR', /kafka\.service: failed/);
    });
    it('df: every mount a component judged by use%; thresholds as check params', () => {
      const r = check('df', 'ERROR');
      expect(r.components['/data']?.status).to.equal('ERROR');
      expect(r.components['/var']?.status).to.equal('WARN');
      expect(r.components['/run']?.status).to.equal('OK');
      const real = check('df-real', 'OK');
      expect(Object.keys(real.components)).to.deep.equal(['/']);
    });
  });

  describe('custom parser modules', () => {
    it('a .js module next to the check file gets stdout, exit code and params', () => {
      const ok = check('custom-ok', 'OK', /^exit 0, 1 error lines \(max 1\)$/);
      expect(ok.metrics['errors']?.value).to.equal(1);
      const bad = check('custom-error', 'ERROR');
      expect(bad.messages.error).to.deep.equal(['ERROR one', 'ERROR two']);
    });
    it('a parser that throws is ERROR "parser failed: ..." and keeps the output', () => {
      const r = check('custom-throws', 'ERROR', /^parser failed: cannot read this output$/);
      expect(r.messages.info).to.include('some output');
    });
  });
});
