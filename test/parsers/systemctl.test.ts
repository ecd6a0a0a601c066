import { expect } from 'chai';
import { parseSystemctl, readUnitStates, statusOfActiveState } from '../../src/parsers/systemctl.js';
import { makeInput, readFixture } from './support.js';

describe('parsers/systemctl', () => {
  it('maps active states: active OK; activating, reloading, deactivating WARN; inactive, failed ERROR', () => {
    const states = ['active', 'activating', 'reloading', 'deactivating', 'inactive', 'failed', 'weird'];
    expect(states.map(statusOfActiveState)).to.deep.equal(['OK', 'WARN', 'WARN', 'WARN', 'ERROR', 'ERROR', 'UNKNOWN']);
  });

  describe('systemctl is-active', () => {
    it('reads one word as the status, named by the unit parameter', () => {
      const result = parseSystemctl(makeInput({ stdout: 'active\n', params: { unit: 'nginx' } }));
      expect(result.status).to.equal('OK');
      expect(result.messages.info).to.deep.equal(['nginx: active']);
      expect(result.components).to.deep.equal({});
      const failed = parseSystemctl(makeInput({ stdout: 'failed\n', exitCode: 3 }));
      expect(failed.status).to.equal('ERROR');
      expect(failed.messages.error).to.deep.equal(['failed']);
    });

    it('makes one component per unit when several, named by units', () => {
      const result = parseSystemctl(
        makeInput({ stdout: readFixture('systemctl/is-active-multi.txt'), exitCode: 3, params: { units: 'sshd postgresql cron' } }),
      );
      expect(result.status).to.equal('ERROR');
      expect(Object.fromEntries(Object.entries(result.components).map(([k, v]) => [k, v.status]))).to.deep.equal({
        sshd: 'OK',
        postgresql: 'WARN',
        cron: 'ERROR',
      });
      expect(result.messages.info).to.deep.equal(['3 units: 1 active']);
      expect(result.messages.error).to.deep.equal(['cron: failed']);
    });

    it('numbers the units when their names are not given', () => {
      expect(readUnitStates('active\ninactive\n').map((u) => u.name)).to.deep.equal(['#1', '#2']);
    });
  });

  describe('systemctl status', () => {
    it('reads an active unit', () => {
      const result = parseSystemctl(makeInput({ stdout: readFixture('systemctl/status-active.txt') }));
      expect(result.status).to.equal('OK');
      expect(result.messages.info).to.deep.equal(['nginx.service: active (running) since Mon 2024-03-04 10:12:01 UTC; 2 days ago']);
    });

    it('reads a failed unit with its Main PID and journal lines', () => {
      const result = parseSystemctl(makeInput({ stdout: readFixture('systemctl/status-failed.txt'), exitCode: 3 }));
      expect(result.status).to.equal('ERROR');
      expect(result.messages.error).to.deep.equal([
        'kafka.service: failed (Result: exit-code) since Tue 2024-03-05 08:01:44 UTC; 3min 2s ago',
      ]);
      expect(result.messages.info[0]).to.equal('Main PID: 2211 (code=exited, status=1/FAILURE)');
      expect(result.messages.info).to.have.length(5);
      expect(result.messages.info[4]).to.match(/Failed with result 'exit-code'/);
    });

    it('reads an inactive unit and a unit that is not found', () => {
      expect(parseSystemctl(makeInput({ stdout: readFixture('systemctl/status-inactive.txt'), exitCode: 3 })).messages.error).to.deep.equal([
        'redis-server.service: inactive (dead)',
      ]);
      const missing = parseSystemctl(makeInput({ stdout: readFixture('systemctl/status-not-found.txt'), exitCode: 4 }));
      expect(missing.status).to.equal('ERROR');
      expect(missing.messages.error).to.deep.equal(['nosuch.service: unit not found']);
    });

    it('makes one component per unit block', () => {
      const result = parseSystemctl(makeInput({ stdout: readFixture('systemctl/status-multi.txt'), exitCode: 3 }));
      expect(Object.keys(result.components)).to.deep.equal(['sshd.service', 'postgresql.service', 'cron.service']);
      expect(result.components['sshd.service']?.status).to.equal('OK');
      expect(result.components['postgresql.service']?.status).to.equal('WARN');
      expect(result.components['postgresql.service']?.messages.warn).to.deep.equal([
        'activating (start) since Tue 2024-03-05 08:10:02 UTC; 4s ago',
      ]);
      expect(result.components['cron.service']?.status).to.equal('ERROR');
      expect(result.status).to.equal('ERROR');
    });

    it('turns "Unit X could not be found." on stderr into an ERROR unit', () => {
      const result = parseSystemctl(
        makeInput({ stdout: readFixture('systemctl/status-active.txt'), stderr: 'Unit kafka.service could not be found.\n', exitCode: 4 }),
      );
      expect(result.status).to.equal('ERROR');
      expect(result.components['kafka.service']?.messages.error).to.deep.equal(['unit not found']);
      expect(result.components['nginx.service']?.status).to.equal('OK');
    });
  });

  it('is ERROR when systemctl printed no state', () => {
    const result = parseSystemctl(
      makeInput({ exitCode: 1, stderr: 'System has not been booted with systemd as init system (PID 1). Can\'t operate.\n' }),
    );
    expect(result.status).to.equal('ERROR');
    expect(result.messages.error[0]).to.equal('no unit state in systemctl output');
    expect(result.messages.error).to.include('systemctl exited with code 1');
  });
});
