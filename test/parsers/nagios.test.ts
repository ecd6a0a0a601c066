import { expect } from 'chai';
import { existsSync } from 'node:fs';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { parseNagios, splitNagiosOutput, statusOfExitCode } from '../../src/parsers/nagios.js';
import { makeInput, readFixture, runProgram } from './support.js';

const PLUGINS = '/usr/lib/nagios/plugins';

describe('parsers/nagios', () => {
  it('maps exit codes 0-3 to OK, WARN, ERROR, UNKNOWN and anything else to UNKNOWN', () => {
    expect([0, 1, 2, 3, 4, 127, null].map(statusOfExitCode)).to.deep.equal([
      'OK', 'WARN', 'ERROR', 'UNKNOWN', 'UNKNOWN', 'UNKNOWN', 'UNKNOWN',
    ]);
  });

  it('splits the first line, long output and perfdata from both places (plugin API example)', () => {
    const output = splitNagiosOutput(readFixture('nagios/check_disk-multiline.txt'));
    expect(output.summary).to.equal('DISK OK - free space: / 3326 MB (56%);');
    expect(output.longOutput).to.deep.equal(['/ 15272 MB (77%);', '/boot 68 MB (69%);', '/home 69357 MB (27%);', '/var/log 819 MB (84%);']);
    const result = parseNagios(makeInput({ stdout: readFixture('nagios/check_disk-multiline.txt') }));
    expect(result.status).to.equal('OK');
    expect(result.messages.info).to.deep.equal([output.summary, ...output.longOutput]);
    expect(Object.keys(result.metrics)).to.deep.equal(['/', '/boot', '/home', '/var/log']);
    expect(result.metrics['/var/log']).to.deep.equal({ value: 818, uom: 'MB', warn: '970', crit: '975', min: 0, max: 980 });
  });

  it('files the message at the level of the status', () => {
    const warn = parseNagios(makeInput({ exitCode: 1, stdout: 'LOAD WARNING - load average: 5.1|load1=5.1;5;10\n' }));
    expect(warn.status).to.equal('WARN');
    expect(warn.messages).to.deep.equal({ info: [], warn: ['LOAD WARNING - load average: 5.1'], error: [] });
    const unknown = parseNagios(makeInput({ exitCode: 3, stdout: 'UNKNOWN - bad args' }));
    expect(unknown.messages.error).to.deep.equal(['UNKNOWN - bad args']);
  });

  it('reports a plugin with no output, and one that is not a plugin (exit 127)', () => {
    const empty = parseNagios(makeInput({ exitCode: 2 }));
    expect(empty.status).to.equal('ERROR');
    expect(empty.messages.error).to.deep.equal(['(no output returned from plugin)']);
    const missing = parseNagios(makeInput({ exitCode: 127, stderr: 'sh: 1: check_nope: not found\n' }));
    expect(missing.status).to.equal('UNKNOWN');
    expect(missing.messages.error).to.include('plugin exited with code 127, not a Nagios status (0-3)');
    expect(missing.messages.error).to.include('sh: 1: check_nope: not found');
  });

  it('a timed-out plugin is ERROR and keeps what it printed', () => {
    const result = parseNagios(makeInput({ exitCode: null, timedOut: true, timeoutMs: 10_000, stdout: 'CHECK OK|x=1' }));
    expect(result.status).to.equal('ERROR');
    expect(result.messages.error[0]).to.equal('timed out after 10s');
    expect(result.metrics['x']?.value).to.equal(1);
  });

  describe('against the real monitoring-plugins', function () {
    before(function () {
      if (!existsSync(`${PLUGINS}/check_dummy`)) this.skip();
    });

    const dummy: Array<[string, string]> = [
      ['0', 'OK'],
      ['1', 'WARN'],
      ['2', 'ERROR'],
      ['3', 'UNKNOWN'],
    ];
    for (const [code, status] of dummy) {
      it(`check_dummy ${code} "text" is ${status}`, async () => {
        const result = parseNagios(await runProgram(`${PLUGINS}/check_dummy`, [code, 'smoke text']));
        expect(result.status).to.equal(status);
        const level = status === 'OK' ? 'info' : status === 'WARN' ? 'warn' : 'error';
        expect(result.messages[level]).to.have.length(1);
        expect(result.messages[level][0]).to.match(/^(OK|WARNING|CRITICAL|UNKNOWN): smoke text$/);
        expect(result.metrics).to.deep.equal({});
      });
    }

    it('check_disk -w 20% -c 10% -p / puts the root usage into metrics', async () => {
      const result = parseNagios(await runProgram(`${PLUGINS}/check_disk`, ['-w', '20%', '-c', '10%', '-p', '/']));
      expect(['OK', 'WARN', 'ERROR']).to.include(result.status);
      expect(result.messages.info.concat(result.messages.warn, result.messages.error)[0]).to.match(/^DISK (OK|WARNING|CRITICAL)/);
      const root = result.metrics['/'];
      expect(root, JSON.stringify(result.metrics)).to.not.equal(undefined);
      expect(root!.value).to.be.a('number').at.least(0);
      expect(root!.max).to.be.a('number').greaterThan(0);
      expect(root!.warn).to.be.a('string');
      expect(root!.crit).to.be.a('string');
    });

    it('check_load with unreachable thresholds is OK with load1, load5, load15', async () => {
      const result = parseNagios(await runProgram(`${PLUGINS}/check_load`, ['-w', '99,99,99', '-c', '100,100,100']));
      expect(result.status).to.equal('OK');
      expect(result.messages.info[0]).to.match(/^LOAD OK/);
      expect(Object.keys(result.metrics)).to.include.members(['load1', 'load5', 'load15']);
      expect(result.metrics['load1']?.warn).to.match(/^99(\.0+)?$/);
      expect(result.metrics['load15']?.crit).to.match(/^100(\.0+)?$/);
    });

    it('check_procs counts processes into the procs metric', async () => {
      const result = parseNagios(await runProgram(`${PLUGINS}/check_procs`, []));
      expect(result.status).to.equal('OK');
      expect(result.metrics['procs']?.value).to.be.greaterThan(0);
      const critical = parseNagios(await runProgram(`${PLUGINS}/check_procs`, ['-w', '0', '-c', '1']));
      expect(critical.status).to.equal('ERROR');
      expect(critical.metrics['procs']).to.include({ warn: '0', crit: '1' });
    });

    describe('check_tcp', () => {
      let server: Server;
      let port: number;
      before(async () => {
        server = createServer((socket) => socket.end());
        await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
        port = (server.address() as AddressInfo).port;
      });
      after(() => new Promise<void>((done) => server.close(() => done())));

      it('is OK on a port the test opened, with the response time as a metric', async () => {
        const result = parseNagios(await runProgram(`${PLUGINS}/check_tcp`, ['-H', '127.0.0.1', '-p', String(port)]));
        expect(result.status).to.equal('OK');
        expect(result.messages.info[0]).to.match(/^TCP OK/);
        expect(result.metrics['time']?.uom).to.equal('s');
        expect(result.metrics['time']?.value).to.be.at.least(0);
      });

      it('is ERROR on a closed port', async () => {
        const closed = createServer();
        await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
        const closedPort = (closed.address() as AddressInfo).port;
        await new Promise<void>((done) => closed.close(() => done()));
        const result = parseNagios(await runProgram(`${PLUGINS}/check_tcp`, ['-H', '127.0.0.1', '-p', String(closedPort)]));
        expect(result.status).to.equal('ERROR');
        expect(result.messages.error[0]).to.match(/Connection refused/);
      });
    });
  });
});
