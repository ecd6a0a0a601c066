// systemctl output as systemd prints it (systemctl(1): is-active, status; the unit types of systemd.unit(5)).
import { expect } from 'chai';
import { judgeUnit, parseSystemctl, readUnitNames, readUnitStates, statusOfActiveState } from '../../src/parsers/systemctl.js';
import { makeInput } from './support.js';

const block = (header: string, active: string, ...rest: string[]) =>
  [header, '     Loaded: loaded (/lib/systemd/system/x; enabled; preset: enabled)', `     Active: ${active}`, ...rest].join('\n');

describe('parsers/systemctl edge cases', () => {
  it('maps every ActiveState systemd documents, whatever its case', () => {
    expect(['refreshing', 'maintenance'].map(statusOfActiveState)).to.deep.equal(['WARN', 'WARN']);
    expect(['ACTIVE', 'Failed', 'Inactive', 'Reloading'].map(statusOfActiveState)).to.deep.equal(['OK', 'ERROR', 'ERROR', 'WARN']);
    expect(statusOfActiveState('')).to.equal('UNKNOWN');
  });

  it('reads unit names from units (a list, or separated by spaces and commas) or from unit', () => {
    expect(readUnitNames({ units: ['a', 'b'] })).to.deep.equal(['a', 'b']);
    expect(readUnitNames({ units: ' a, b  ,c ' })).to.deep.equal(['a', 'b', 'c']);
    expect(readUnitNames({ unit: 'nginx' })).to.deep.equal(['nginx']);
    expect(readUnitNames({ units: 'x', unit: 'y' })).to.deep.equal(['x']);
    expect(readUnitNames({})).to.deep.equal([]);
    expect(readUnitNames({ units: null })).to.deep.equal([]);
  });

  it('is-active: names only when there is one per line, and ignores blank lines and CRLF', () => {
    const named = readUnitStates('active\r\n\r\ninactive\r\n', ['a', 'b']);
    expect(named.map((u) => [u.name, u.active])).to.deep.equal([['a', 'active'], ['b', 'inactive']]);
    expect(readUnitStates('  active  \n', ['a', 'b']).map((u) => [u.name, u.active])).to.deep.equal([['a', 'active']]);
    expect(readUnitStates('active\nactive\n', ['a']).map((u) => u.name)).to.deep.equal(['#1', '#2']);
    expect(readUnitStates('active\n')[0]?.name).to.equal(undefined);
  });

  it('status: reads the header of every unit type, with or without the state glyph and description', () => {
    const types = ['service', 'socket', 'target', 'timer', 'mount', 'automount', 'path', 'swap', 'slice', 'scope', 'device'];
    for (const [i, type] of types.entries()) {
      const glyph = ['●', '○', '×', '✗', '↻', '*', ''][i % 7];
      const units = readUnitStates(block(`${glyph ? `${glyph} ` : ''}x.${type} - Some description`, 'active (running)'));
      expect(units.map((u) => [u.name, u.active]), type).to.deep.equal([[`x.${type}`, 'active']]);
    }
    expect(readUnitStates(block('docker.sock', 'active (running)'))).to.deep.equal([]);
    expect(readUnitStates(block('● x.service', 'failed'))[0]?.name).to.equal('x.service');
  });

  it('status: ignores lines before the first header, and Active: lines inside the journal', () => {
    const text = [
      'Warning: some unit file changed on disk',
      '     Active: failed',
      block('● x.service - X', 'active (running) since today'),
      '     Main PID: 12 (x)',
      '',
      'Jan 01 00:00:00 h x[12]: Active: failed in the log',
      'Jan 01 00:00:00 h x[12]: Loaded: not-found in the log',
    ].join('\n');
    const [unit, ...more] = readUnitStates(text);
    expect(more).to.deep.equal([]);
    expect(unit?.active).to.equal('active');
    expect(unit?.detail).to.equal('(running) since today');
    expect(unit?.loaded).to.equal('loaded');
    expect(unit?.extra).to.deep.equal(['Main PID: 12 (x)', 'Jan 01 00:00:00 h x[12]: Active: failed in the log', 'Jan 01 00:00:00 h x[12]: Loaded: not-found in the log']);
  });

  it('status: a new unit header ends the previous unit journal', () => {
    const text = [block('● a.service', 'failed'), '', 'log of a', block('● b.service', 'active (running)'), '     Tasks: 3'].join('\n');
    const units = readUnitStates(text);
    expect(units.map((u) => [u.name, u.active, u.extra])).to.deep.equal([
      ['a.service', 'failed', ['log of a']],
      ['b.service', 'active', []],
    ]);
  });

  it('status: reads CRLF output', () => {
    const units = readUnitStates(block('● a.service', 'inactive (dead)').replace(/\n/g, '\r\n'));
    expect(units.map((u) => [u.name, u.active, u.detail])).to.deep.equal([['a.service', 'inactive', '(dead)']]);
  });

  it('shows a failing unit its last 10 extra lines, a healthy one none', () => {
    const extra = Array.from({ length: 12 }, (_, i) => `line ${i + 1}`);
    const failed = judgeUnit({ name: 'a', active: 'failed', detail: '', extra });
    expect(failed.messages.error).to.deep.equal(['failed']);
    expect(failed.messages.info).to.deep.equal(extra.slice(2));
    const ok = judgeUnit({ name: 'a', active: 'active', detail: '(running)', extra });
    expect(ok.messages).to.deep.equal({ info: ['active (running)'], warn: [], error: [] });
    const warn = judgeUnit({ name: 'a', active: 'reloading', detail: '', extra: ['Main PID: 1'] });
    expect(warn.messages).to.deep.equal({ info: ['Main PID: 1'], warn: ['reloading'], error: [] });
  });

  it('a unit that is not found is ERROR whatever its ActiveState says', () => {
    const unit = judgeUnit({ name: 'a', active: 'inactive', detail: '(dead)', loaded: 'not-found', extra: [] });
    expect(unit.status).to.equal('ERROR');
    expect(unit.messages.error).to.deep.equal(['unit not found']);
    expect(judgeUnit({ name: 'a', active: 'active', detail: '', loaded: 'masked', extra: [] }).status).to.equal('OK');
  });

  it('counts only active, found units in the summary, and keeps other stderr lines as warnings', () => {
    const result = parseSystemctl(
      makeInput({
        stdout: 'active\nactive\n',
        stderr: 'Unit nosuch.service could not be found.\n  Warning: something else  \n',
        params: { units: 'a b' },
        exitCode: 4,
      }),
    );
    expect(Object.keys(result.components)).to.deep.equal(['a', 'b', 'nosuch.service']);
    expect(result.messages.info).to.deep.equal(['3 units: 2 active']);
    expect(result.messages.warn).to.deep.equal(['Warning: something else']);
    expect(result.status).to.equal('ERROR');
  });

  it('names one unit only when it has a name, and puts the name on its first line', () => {
    const named = parseSystemctl(makeInput({ stdout: 'activating\n', params: { unit: 'db' } }));
    expect(named.status).to.equal('WARN');
    expect(named.messages.warn).to.deep.equal(['db: activating']);
    const unnamed = parseSystemctl(makeInput({ stdout: 'reloading\n' }));
    expect(unnamed.messages.warn).to.deep.equal(['reloading']);
  });

  it('with no state: ERROR with stderr, and the exit code only when it is not 0', () => {
    const quiet = parseSystemctl(makeInput({ exitCode: 0, stderr: 'Failed to connect to bus\n' }));
    expect(quiet.status).to.equal('ERROR');
    expect(quiet.messages.error).to.deep.equal(['no unit state in systemctl output', 'Failed to connect to bus']);
    const killed = parseSystemctl(makeInput({ exitCode: null, signal: 'SIGKILL' }));
    expect(killed.messages.error).to.deep.equal(['killed by signal SIGKILL', 'no unit state in systemctl output']);
  });

  it('a timed-out systemctl is ERROR even when it printed active', () => {
    const result = parseSystemctl(makeInput({ stdout: 'active\n', timedOut: true, timeoutMs: 5000 }));
    expect(result.status).to.equal('ERROR');
    expect(result.messages.error).to.deep.equal(['timed out after 5s']);
  });
});
