import { expect } from 'chai';
import { parseVarnish, readBackends } from '../../src/parsers/varnish.js';
import { makeInput, readFixture } from './support.js';

function parseFixture(name: string, params: Record<string, unknown> = {}) {
  return parseVarnish(makeInput({ stdout: readFixture(`varnish/${name}`), params }));
}

describe('parsers/varnish', () => {
  describe('debug.health (Varnish 3 and 4)', () => {
    it('makes each backend a component: healthy OK, sick ERROR, slow WARN', () => {
      const result = parseFixture('debug-health-v3.txt');
      expect(result.status).to.equal('ERROR');
      expect(Object.keys(result.components)).to.deep.equal(['web1', 'web2', 'web3']);
      expect(result.components['web1']).to.deep.equal({
        status: 'OK',
        messages: { info: ['healthy, 5/5 good probes (threshold 3), response time 0.001367s'], warn: [], error: [] },
      });
      expect(result.components['web2']?.status).to.equal('ERROR');
      expect(result.components['web2']?.messages.error).to.deep.equal([
        'sick, 0/5 good probes (threshold 3), response time 0s',
      ]);
      expect(result.components['web3']?.status).to.equal('WARN');
      expect(result.components['web3']?.messages.warn).to.deep.equal(['response time 0.734512s over 0.5s']);
      expect(result.messages.info).to.deep.equal(['3 backends: 2 healthy, 1 sick']);
      expect(result.messages.error).to.deep.equal(['web2: sick, 0/5 good probes (threshold 3), response time 0s']);
      expect(result.messages.warn).to.deep.equal(['web3: response time 0.734512s over 0.5s']);
      expect(result.metrics['web1.response_time']).to.deep.equal({ value: 0.001367, uom: 's', warn: '0.5' });
    });

    it('takes the response-time limit from responseTimeWarn', () => {
      expect(parseFixture('debug-health-v3.txt', { responseTimeWarn: 1 }).components['web3']?.status).to.equal('OK');
    });

    it('reads a single sick backend (Varnish 4.0)', () => {
      const result = parseFixture('debug-health-v4-sick.txt');
      expect(result.status).to.equal('ERROR');
      expect(Object.keys(result.components)).to.deep.equal(['backend1']);
    });
  });

  describe('backend.list', () => {
    it('reads the Varnish 4.1 table with Refs, "(no probe)" and an admin override', () => {
      const result = parseFixture('backend-list-v4.1.txt');
      expect(Object.keys(result.components)).to.deep.equal([
        'apps01(172.16.32.100,,81)',
        'apps02(172.16.32.101,,81)',
        'fallback(172.16.80.5,,80)',
        'maint(172.16.80.6,,80)',
      ]);
      expect(result.components['apps01(172.16.32.100,,81)']?.messages.info).to.deep.equal(['healthy, probe 5/5']);
      expect(result.components['apps02(172.16.32.101,,81)']?.status).to.equal('ERROR');
      expect(result.components['fallback(172.16.80.5,,80)']?.messages.info).to.deep.equal(['healthy, no probe']);
      expect(result.components['maint(172.16.80.6,,80)']?.status).to.equal('ERROR');
      expect(result.components['maint(172.16.80.6,,80)']?.messages.error).to.deep.equal(['sick (set by admin), probe 5/5']);
      expect(result.status).to.equal('ERROR');
    });

    it('reads the Varnish 6.0 table (Probe "Healthy 5/5", "Last updated" dates)', () => {
      const result = parseFixture('backend-list-v6.0.txt');
      expect(Object.fromEntries(Object.entries(result.components).map(([k, v]) => [k, v.status]))).to.deep.equal({
        'boot.default': 'OK',
        'boot.api': 'OK',
        'boot.search': 'ERROR',
      });
    });

    it('reads the Varnish 7 table with a Health column', () => {
      const result = parseFixture('backend-list-v7.txt');
      expect(result.components['boot.web1']?.status).to.equal('OK');
      expect(result.components['boot.web2']?.messages.error).to.deep.equal(['sick, probe 2/5']);
      expect(result.components['boot.static']?.messages.info).to.deep.equal(['healthy (set by admin), probe 0/0']);
      expect(result.messages.info).to.deep.equal(['3 backends: 2 healthy, 1 sick']);
    });

    it('reads backend.list -p with probe details under each backend', () => {
      const backends = readBackends(readFixture('varnish/backend-list-p-v7.txt'));
      expect(backends.map((b) => [b.name, b.health, b.good, b.threshold, b.responseTime])).to.deep.equal([
        ['vcl-1e99292c.mw101', 'sick', 3, 4, 0],
        ['vcl-1e99292c.mw102', 'healthy', 5, 4, 0.012873],
      ]);
      const result = parseFixture('backend-list-p-v7.txt');
      expect(result.status).to.equal('ERROR');
      expect(result.metrics['vcl-1e99292c.mw102.response_time']?.value).to.equal(0.012873);
    });
  });

  it('is ERROR when varnishadm fails or lists no backend', () => {
    const failed = parseVarnish(makeInput({ exitCode: 1, stdout: readFixture('varnish/unknown-request.txt') }));
    expect(failed.status).to.equal('ERROR');
    expect(failed.messages.error).to.deep.equal([
      'varnishadm exited with code 1',
      'no backends found in varnishadm output',
      'Unknown request.',
      "Type 'help' for more info.",
      'Command failed with error code 101',
    ]);
    const empty = parseVarnish(makeInput({ stdout: 'Backend name   Admin   Probe   Health   Last change\n' }));
    expect(empty.status).to.equal('ERROR');
    expect(empty.messages.error[0]).to.equal('no backends found in varnishadm output');
  });
});
