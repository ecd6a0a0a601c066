// report.html's header, readable without script: the title and the facts line (session, start, duration,
// hosts with unreachable ones, checks, tests), each fact shown only when there is one.
import { expect } from 'chai';
import { renderHtml } from '../../src/report/html.js';
import type { RunReport } from '../../src/results/types.js';
import { buildAllOkReport, buildSampleReport } from './sample.js';

function header(html: string): { title: string | undefined; facts: string | undefined } {
  return { title: /<title>(.*)<\/title>/.exec(html)?.[1], facts: /<p class="facts" id="facts">(.*)<\/p>/.exec(html)?.[1] };
}

describe('report/html: header', () => {
  it('with a session: the session in the title and first among the facts, unreachable hosts counted', () => {
    expect(header(renderHtml(buildSampleReport(), { session: 'results/S1' }))).to.deep.equal({
      title: 'smoker ERROR · results/S1',
      facts: '<span>session results/S1</span><span>started 2026-11-22 16:12:57 UTC</span><span>1.2s</span>'
        + '<span>3 hosts: 1 UNKNOWN, 2 ERROR (1 unreachable)</span><span>8 checks: 5 OK, 1 WARN, 1 UNKNOWN, 1 ERROR</span>',
    });
  });

  it('without a session or unreachable hosts, and with tests', () => {
    const ok = buildAllOkReport();
    expect(header(renderHtml(ok))).to.deep.equal({
      title: 'smoker OK',
      facts: '<span>started 2026-11-22 16:12:57 UTC</span><span>800ms</span><span>2 hosts: 2 OK</span><span>3 checks: 3 OK</span>',
    });
    const withTests: RunReport = {
      ...ok,
      tests: { t: { id: 't', name: 't', file: 't.yaml', params: {}, status: 'PASS', hosts: {}, startedAt: ok.startedAt, durationMs: 5, steps: [], attempts: 1, dir: 'tests/t' } },
    };
    expect(header(renderHtml(withTests)).facts).to.match(/<span>3 checks: 3 OK<\/span><span>1 test: 1 PASS<\/span>$/);
  });
});
