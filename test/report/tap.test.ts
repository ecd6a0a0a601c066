import { expect } from 'chai';
import { Parser } from 'tap-parser';
import { renderTap } from '../../src/report/tap.js';
import type { RunReport } from '../../src/results/types.js';
import { buildAllOkReport, buildSampleReport, buildWarnReport, makeCheck, makeHost, makeReport } from './sample.js';

interface Assert { ok: boolean; id: number; name: string; diag: Record<string, unknown> | null }

/** Parses TAP with tap-parser, collecting every assertion, parse error and the final summary. */
function parseTap(text: string): Promise<{ final: any; asserts: Assert[]; extra: string[] }> {
  return new Promise((resolve) => {
    const asserts: Assert[] = [];
    const extra: string[] = [];
    const parser = new Parser({ strict: true }, (final) => resolve({ final, asserts, extra }));
    parser.on('assert', (a: Assert) => asserts.push(a));
    parser.on('extra', (line: string) => extra.push(line));
    parser.end(text);
  });
}

describe('report/tap', () => {
  let report: RunReport;
  beforeEach(() => { report = buildSampleReport(); });

  it('starts with the TAP 14 version line and a plan', () => {
    const lines = renderTap(report).split('\n');
    expect(lines[0]).to.equal('TAP version 14');
    expect(lines[1]).to.equal('1..9');
  });

  it('parses cleanly: one point per check plus connect, WARN passing, UNKNOWN/ERROR/unreachable failing', async () => {
    const { final, asserts, extra } = await parseTap(renderTap(report));
    expect(final.ok).to.equal(false);
    expect(final.count).to.equal(9);
    expect(final.pass).to.equal(6);
    expect(final.fail).to.equal(3);
    expect(final.plan).to.include({ start: 1, end: 9 });
    expect(final.failures.filter((f: { tapError?: unknown }) => f.tapError)).to.deep.equal([]);
    expect(extra).to.deep.equal([]);
    expect(asserts.filter((a) => !a.ok).map((a) => a.name))
      .to.deep.equal(['web01 / fsmount', 'web02 / http', 'db1 / connect']);
    expect(asserts.map((a) => a.id)).to.deep.equal([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('puts status and messages in YAML diagnostics that survive hostile text', async () => {
    const { asserts } = await parseTap(renderTap(report));
    const byName = new Map(asserts.map((a) => [a.name, a]));
    const http = byName.get('web02 / http')!;
    const diag = http.diag as { status: string; messages: { error: string[]; warn: string[] }; signal: string };
    expect(diag.status).to.equal('UNKNOWN');
    expect(diag.messages.error[0]).to.equal(report.hosts.web02!.checks.http!.messages.error[0]);
    expect(diag.messages.warn[0]).to.equal('line one\nline two\n...\n---');
    expect(diag.signal).to.equal('SIGTERM');
    const disk = byName.get('web01 / disk')!;
    expect(disk.ok).to.equal(true);
    expect(disk.diag).to.deep.include({ status: 'WARN', message: 'DISK WARNING - free space: / 15% (2 GiB)' });
    expect((disk.diag as { metrics: Record<string, unknown> }).metrics['/']).to.deep.include({ value: 85, uom: '%' });
    const fsmount = byName.get('web01 / fsmount')!.diag as { components: Record<string, any> };
    expect(fsmount.components['/data'].status).to.equal('ERROR');
    expect(fsmount.components['/data'].components.inodes.status).to.equal('WARN');
    expect(fsmount.components['/']).to.equal(undefined);
    expect(byName.get('db1 / connect')!.diag).to.deep.equal(
      { status: 'ERROR', message: 'unreachable: connect ECONNREFUSED 10.0.0.21:2222' });
    expect(byName.get('web01 / varnish')!.diag).to.equal(null);
  });

  it('escapes # and backslashes in names so they are not read as directives', async () => {
    const odd = makeReport([makeHost('h#1', [makeCheck('h#1', 'a # SKIP b\\c'), makeCheck('h#1', 'todo', { status: 'ERROR' })])]);
    const text = renderTap(odd);
    expect(text).to.contain('ok 1 - h\\#1 / a \\# SKIP b\\\\c');
    const { final, asserts } = await parseTap(text);
    expect(final.skip).to.equal(0);
    expect(asserts[0]!.name).to.equal('h#1 / a # SKIP b\\c');
    expect(final.fail).to.equal(1);
  });

  it('makes WARN fail with failOn warn', async () => {
    const { final } = await parseTap(renderTap(buildWarnReport(), { failOn: 'warn' }));
    expect(final).to.include({ count: 2, pass: 1, fail: 1 });
    const lenient = await parseTap(renderTap(buildWarnReport()));
    expect(lenient.final).to.include({ ok: true, count: 2, pass: 2, fail: 0 });
  });

  it('passes an all-OK run without diagnostics, and handles an empty run', async () => {
    const text = renderTap(buildAllOkReport(), { session: '2026-11-22--001' });
    expect(text).to.not.contain('---');
    expect(text).to.contain('# session 2026-11-22--001');
    const { final } = await parseTap(text);
    expect(final).to.include({ ok: true, count: 3, pass: 3, fail: 0 });
    const empty = await parseTap(renderTap(makeReport([])));
    expect(empty.final).to.include({ ok: true, count: 0 });
  });
});
