import { expect } from 'chai';
import { parseDf, readDfRows, validateDfOptions } from '../../src/parsers/df.js';
import { makeInput, readFixture, runProgram } from './support.js';

function statuses(result: ReturnType<typeof parseDf>): Record<string, string> {
  return Object.fromEntries(Object.entries(result.components).map(([k, v]) => [k, v.status]));
}

describe('parsers/df', () => {
  it('judges each mount with the default thresholds (WARN over 80%, ERROR over 90%; 90% itself is WARN)', () => {
    const result = parseDf(makeInput({ stdout: readFixture('df/df-P.txt') }));
    expect(statuses(result)).to.deep.equal({
      '/dev': 'OK',
      '/run': 'OK',
      '/': 'WARN',
      '/dev/shm': 'OK',
      '/var': 'WARN',
      '/data': 'ERROR',
      '/media/cdrom': 'ERROR',
    });
    expect(result.status).to.equal('ERROR');
    expect(result.components['/data']?.messages).to.deep.equal({
      info: ['99% used (505612412 of 515928320 1024-blocks, 10315908 available)'],
      warn: [],
      error: ['99% used, error threshold 90'],
    });
    expect(result.metrics['/var']).to.deep.equal({ value: 87, uom: '%', warn: '80', crit: '90', min: 0, max: 100 });
    expect(result.messages.info).to.deep.equal(['7 filesystems']);
    expect(result.messages.error).to.deep.equal(['/data: 99% used, error threshold 90', '/media/cdrom: 100% used, error threshold 90']);
    expect(result.messages.warn).to.deep.equal(['/: 90% used, warn threshold 80', '/var: 87% used, warn threshold 80']);
  });

  it('takes warn, error and ignore parameters', () => {
    const result = parseDf(makeInput({ stdout: readFixture('df/df-P.txt'), params: { warn: 85, error: '>=99', Ignore: '^/media/.*$' } }));
    expect(statuses(result)).to.include({ '/': 'WARN', '/var': 'WARN', '/data': 'ERROR' });
    expect(result.components).to.not.have.property('/media/cdrom');
    expect(result.metrics['/']).to.include({ warn: '85', crit: '>=99' });
    expect(parseDf(makeInput({ stdout: readFixture('df/df-P.txt'), params: { ignore: ['^/data$', '^/media'], warn: '95%' } })).status).to.equal('OK');
  });

  it('reads df -hP and df -iP', () => {
    const human = parseDf(makeInput({ stdout: readFixture('df/df-hP.txt') }));
    expect(statuses(human)).to.deep.equal({ '/': 'OK', '/srv/backups': 'WARN' });
    expect(human.components['/']?.messages.info).to.deep.equal(['32% used (12G of 40G, 26G available)']);
    const inodes = parseDf(makeInput({ stdout: readFixture('df/df-Pi.txt') }));
    expect(inodes.components['/']?.messages.info).to.deep.equal(['98% used (2550101 of 2621440 inodes, 71339 available)']);
  });

  it('reads wrapped filesystem names, spaces in names and mount points, and skips "-" rows', () => {
    const { rows } = readDfRows(readFixture('df/df-P-odd.txt'));
    expect(rows.map((r) => [r.filesystem, r.mount, r.percent])).to.deep.equal([
      ['/dev/mapper/vg_really_long_volume_group_name-lv_home', '/home', 42],
      ['nas.example.com:/exports/team share', '/mnt/team share', 50],
      ['proc', '/proc', undefined],
    ]);
    expect(Object.keys(parseDf(makeInput({ stdout: readFixture('df/df-P-odd.txt') })).components)).to.deep.equal([
      '/home',
      '/mnt/team share',
    ]);
  });

  it('is ERROR when df fails for a mount, keeping the mounts it did read', () => {
    const result = parseDf(
      makeInput({ stdout: readFixture('df/df-hP.txt'), stderr: 'df: /mnt/nfs: Stale file handle\n', exitCode: 1 }),
    );
    expect(result.status).to.equal('ERROR');
    expect(result.messages.error).to.deep.equal(['df exited with code 1', 'df: /mnt/nfs: Stale file handle']);
    expect(Object.keys(result.components)).to.have.length(2);
  });

  it('is ERROR when the output has no filesystem', () => {
    const result = parseDf(makeInput({ stdout: 'nonsense\n' }));
    expect(result.status).to.equal('ERROR');
    expect(result.messages.error).to.deep.equal(['no filesystems in df output']);
  });

  it('reads the real df -P of this machine', async () => {
    const result = parseDf(await runProgram('df', ['-P'], { warn: 100, error: 100 }));
    expect(result.status).to.equal('OK');
    expect(result.components).to.have.property('/');
    expect(result.metrics['/']?.value).to.be.within(0, 100);
  });

  it('validates options', () => {
    expect(validateDfOptions({ warn: 70, error: '95%', ignore: '^/snap' })).to.equal(undefined);
    expect(validateDfOptions({ warn: 'lots' })).to.match(/^df parser: warn: expected a percentage/);
    expect(validateDfOptions({ ignore: '(' })).to.match(/^df parser: ignore: invalid regular expression/);
    expect(() => parseDf(makeInput({ params: { error: 'x' } }))).to.throw(/df parser: error/);
  });
});
