import { expect } from 'chai';
import kleur from 'kleur';
import { renderHostBlock, renderHostNotice, renderHuman } from '../../src/report/human.js';
import { buildAllOkReport, buildSampleReport, makeCheck, makeHost, makeReport } from './sample.js';

const ESC = '\u001b';
const opts = { timeZone: 'utc' as const, session: 'results/2026-11-22--001' };

describe('report/human', () => {
  it('lays out hosts, checks, components and messages like Smoker', () => {
    const out = renderHuman(buildSampleReport(), 'normal', opts);
    expect(out).to.contain([
      'web01                              [ERROR]',
      '- fsmount                          [ERROR] (2026-11-22 16:12:58)',
      '    [error] 1 of 2 mounts failed',
      ' -- /data                          [ERROR]',
      '    [error] Read/Write: file write failed: Read-only file system',
      '  --- inodes                       [WARN]',
      '    [warn] inodes 91% used',
      '  --- read-write                   [ERROR]',
      '    [error] EROFS',
      '- varnish                          [OK]',
    ].join('\n'));
  });

  it('aligns every status tag in one column', () => {
    const out = renderHuman(buildSampleReport(), 'long', opts);
    const columns = out.split('\n').filter((l) => /\[(OK|WARN|ERROR|UNKNOWN)\]/.test(l) && !l.startsWith('    '))
      .map((l) => Array.from(l).findIndex((_, i, a) => a.slice(i).join('').match(/^\[(OK|WARN|ERROR|UNKNOWN)\]/)));
    expect(new Set(columns)).to.deep.equal(new Set([35]));
  });

  it('widens the status column for a long name', () => {
    const name = 'a-really-long-check-name-that-does-not-fit-35';
    const out = renderHuman(makeReport([makeHost('h', [makeCheck('h', name)])]), 'normal', opts);
    const lines = out.split('\n');
    expect(lines[0]!.indexOf('[OK]')).to.equal(lines[1]!.indexOf('[OK]'));
    expect(lines[1]!.indexOf('[OK]')).to.equal(`- ${name}`.length + 1);
  });

  it('shows an unreachable host with its error at every level', () => {
    for (const level of ['minimal', 'normal', 'long', 'full'] as const) {
      const out = renderHuman(buildSampleReport(), level, opts);
      expect(out, level).to.contain('db1                                [ERROR]');
      expect(out, level).to.contain('    [error] unreachable: connect ECONNREFUSED 10.0.0.21:2222');
    }
  });

  it('minimal shows only what is not OK', () => {
    const out = renderHuman(buildSampleReport(), 'minimal', opts);
    expect(out).to.not.match(/\[OK\]/);
    expect(out).to.contain('- fsmount');
    expect(out).to.contain('- disk                             [WARN]');
    expect(out).to.contain('- http                             [UNKNOWN]');
    expect(out).to.not.contain('[info]');
    expect(renderHuman(buildAllOkReport(), 'minimal', opts).trim().split('\n')).to.have.length(1);
  });

  it('normal lists every check but hides OK components and info messages', () => {
    const out = renderHuman(buildSampleReport(), 'normal', opts);
    expect(out).to.contain('- uname                            [OK]\n');
    expect(out).to.not.contain('backend1');
    expect(out).to.not.contain(' -- /                ');
    expect(out).to.not.contain('[info]');
  });

  it('long adds OK components, info messages, timestamps and truncation', () => {
    const out = renderHuman(buildSampleReport(), 'long', opts);
    expect(out).to.contain(' -- backend1                       [OK]');
    expect(out).to.contain(' -- /                              [OK]\n    [info] Read/Write: OK');
    expect(out).to.contain('- varnish                          [OK] (2026-11-22 16:12:58)');
    expect(out).to.contain('- uname                            [OK] (2026-11-22 16:12:58)\n    [info] Linux web01');
    expect(out).to.contain('    [note] output truncated');
    expect(out).to.not.contain('params:');
  });

  it('full adds parameters, timings, metrics and classification', () => {
    const out = renderHuman(buildSampleReport(), 'full', opts);
    expect(out).to.contain('    params: Ignore=^/media/.*$, depth=2');
    expect(out).to.contain('    started 2026-11-22T16:12:58.000Z · took 120ms · exit 1 · attempts 1');
    expect(out).to.contain('took 30s · exit 3 · signal SIGTERM · attempts 2');
    expect(out).to.contain('    metric /=85% (warn 80, crit 90, min 0, max 100)');
    expect(out).to.contain('    category infrastructure · component varnish');
    expect(out).to.contain('web01                              [ERROR] (4 checks, 505ms)');
  });

  it('indents continuation lines of multi-line messages and drops control characters', () => {
    const out = renderHuman(buildSampleReport(), 'normal', opts);
    expect(out).to.contain('    [warn] line one\n           line two\n           ...\n           ---');
    expect(out).to.contain('    [error] bell nul escred vt ');
    expect(out).to.not.contain(ESC);
    expect(out).to.contain('ünïcødé ✓ 日本語 🚀');
  });

  it('ends with the summary line, session included when given', () => {
    const lines = renderHuman(buildSampleReport(), 'normal', opts).trimEnd().split('\n');
    expect(lines.at(-1)).to.equal(
      '3 hosts: 1 UNKNOWN, 2 ERROR (1 unreachable) · 8 checks: 5 OK, 1 WARN, 1 UNKNOWN, 1 ERROR · 1.2s · results/2026-11-22--001');
    const bare = renderHuman(buildAllOkReport(), 'normal', { timeZone: 'utc' }).trimEnd().split('\n');
    expect(bare.at(-1)).to.equal('2 hosts: 2 OK · 3 checks: 3 OK · 800ms');
  });

  it('colours status tags only when asked, and restores kleur afterwards', () => {
    const before = kleur.enabled;
    kleur.enabled = false;
    try {
      const colored = renderHuman(buildSampleReport(), 'normal', { ...opts, color: true });
      expect(colored).to.contain(`${ESC}[31m[ERROR]${ESC}[39m`);
      expect(colored).to.contain(`${ESC}[32m[OK]${ESC}[39m`);
      expect(colored).to.contain(`${ESC}[33m[WARN]${ESC}[39m`);
      expect(colored).to.contain(`${ESC}[35m[UNKNOWN]${ESC}[39m`);
      expect(kleur.enabled).to.equal(false);
      kleur.enabled = true;
      expect(renderHuman(buildSampleReport(), 'normal', { ...opts, color: false })).to.not.contain(ESC);
      expect(kleur.enabled).to.equal(true);
    } finally {
      kleur.enabled = before;
    }
  });

  it('keeps colour out of the alignment', () => {
    const strip = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '');
    const plain = renderHuman(buildSampleReport(), 'long', opts);
    expect(strip(renderHuman(buildSampleReport(), 'long', { ...opts, color: true }))).to.equal(plain);
  });

  describe('streaming pieces', () => {
    const report = buildSampleReport();
    const [first, second] = Object.keys(report.hosts) as [string, string];

    it('a host block is the host as the whole view shows it, and the rest leaves printed hosts out', () => {
      const block = renderHostBlock(first, report.hosts[first]!, 'normal', opts);
      expect(renderHuman(report, 'normal', opts)).to.contain(block);
      const rest = renderHuman(report, 'normal', opts, new Set([first]));
      expect(rest).to.not.contain(block);
      expect(rest).to.match(new RegExp(`^${second} +\\[`, 'm'));
      expect(rest.trimEnd().split('\n').at(-1)).to.match(/^\d+ hosts: /);
    });

    it('minimal hides an all-OK host; a notice names a non-OK host and its non-OK checks, nothing for OK', () => {
      const ok = makeHost('ok1', [makeCheck('ok1', 'a')]);
      const bad = makeHost('web07', [makeCheck('web07', 'disk', { status: 'ERROR' }), makeCheck('web07', 'load', { status: 'WARN' }), makeCheck('web07', 'up')]);
      expect(renderHostBlock('ok1', ok, 'minimal', opts)).to.equal('');
      expect(renderHostNotice('ok1', ok, opts)).to.equal('');
      expect(renderHostNotice('web07', bad, opts)).to.match(/^web07 +\[ERROR\] disk, load\n$/);
      expect(renderHostNotice('gone', makeHost('gone', [], 'connect ECONNREFUSED'), opts)).to.match(/^gone +\[ERROR\] unreachable\n$/);
    });
  });
});
