import { expect } from 'chai';
import { parseJsonResult } from '../../src/parsers/json.js';
import { makeInput, readFixture } from './support.js';

function parse(stdout: string, extra: Parameters<typeof makeInput>[0] = {}) {
  return parseJsonResult(makeInput({ stdout, ...extra }));
}

describe('parsers/json', () => {
  it('reads a Smoker result as smokerd produced it (null componentResults, action, lastRun)', () => {
    const result = parse(readFixture('json/smoker-ok.json'));
    expect(result.status).to.equal('OK');
    expect(result.messages.info).to.deep.equal(['13:12:10 up 7 days, 2:08, 1 user, load average: 0.74, 0.44, 0.36']);
    expect(result.components).to.deep.equal({});
  });

  it('reads componentResults with their own status and messages', () => {
    const result = parse(readFixture('json/smoker-components.json'));
    expect(result.status).to.equal('ERROR');
    expect(result.messages).to.deep.equal({ info: [], warn: [], error: [] });
    expect(Object.keys(result.components)).to.deep.equal(['/data', '/']);
    expect(result.components['/data']?.status).to.equal('ERROR');
    expect(result.components['/data']?.messages.error).to.deep.equal([
      'Read/Write: file write failed: [Errno 30] Read-only file system',
    ]);
    expect(result.components['/']?.messages.info).to.have.length(3);
  });

  it('accepts lower-case statuses, message shortcuts, one nested level and metrics', () => {
    const result = parse(readFixture('json/nested-metrics.json'));
    expect(result.status).to.equal('WARN');
    expect(result.messages.warn).to.deep.equal(['replication lag is growing']);
    const cluster = result.components['cluster'];
    expect(cluster?.messages.warn).to.deep.equal(['1 of 3 replicas lagging']);
    expect(cluster?.components?.['replica-2']).to.deep.equal({
      status: 'WARN',
      messages: { info: [], warn: ['lag 42s'], error: [] },
    });
    expect(result.metrics).to.deep.equal({ lag: { value: 42, uom: 's', warn: '30', crit: '60' }, replicas: { value: 3 } });
  });

  it('files a bare string or list of messages at the level of the status', () => {
    expect(parse('{"status": "error", "messages": "disk gone"}').messages.error).to.deep.equal(['disk gone']);
    expect(parse('{"status": "OK", "messages": ["a", "b"]}').messages.info).to.deep.equal(['a', 'b']);
    expect(parse('{"status": "UNKNOWN", "messages": ["?"]}').messages.error).to.deep.equal(['?']);
    expect(parse('{"status": "WARNING", "messages": {"warning": "w"}}').messages.warn).to.deep.equal(['w']);
  });

  it('accepts metrics as a Nagios perfdata string', () => {
    expect(parse('{"status": "OK", "metrics": "load1=0.5;1;2 users=3"}').metrics).to.deep.equal({
      load1: { value: 0.5, warn: '1', crit: '2' },
      users: { value: 3 },
    });
  });

  it('reads the last line when a script logged before its JSON', () => {
    expect(parse('starting\nchecking\n{"status": "OK", "messages": ["done"]}\n').messages.info).to.deep.equal(['done']);
  });

  const invalid: Array<[string, string, RegExp]> = [
    ['empty output', '', /^invalid JSON result: no output$/],
    ['not JSON', 'OK all good', /^invalid JSON result: /],
    ['an array', '[1, 2]', /^invalid JSON result: result: expected an object, got \[1,2\]$/],
    ['a bad status', readFixture('json/invalid-status.json'), /^invalid JSON result: status: expected OK, WARN, ERROR or UNKNOWN, got "FINE"$/],
    ['no status', '{"messages": {"info": []}}', /status: expected .* got nothing/],
    ['a bad message level', '{"status": "OK", "messages": {"debug": ["x"]}}', /messages\.debug: expected info, warn or error/],
    ['a non-string message', '{"status": "OK", "messages": {"info": [{"a": 1}]}}', /messages\.info\[0\]: expected a string/],
    ['a component without status', '{"status": "OK", "componentResults": {"db": {"messages": null}}}', /componentResults\.db\.status: expected/],
    ['componentResults as a list', '{"status": "OK", "componentResults": []}', /componentResults: expected an object/],
    [
      'components nested too deep',
      '{"status":"OK","componentResults":{"a":{"status":"OK","componentResults":{"b":{"status":"OK","componentResults":{"c":{"status":"OK"}}}}}}}',
      /componentResults\.a\.componentResults\.b\.componentResults: components nest at most 2 levels deep/,
    ],
    ['a metric without a number', '{"status": "OK", "metrics": {"x": {"value": "high"}}}', /metrics\.x\.value: expected a number, got "high"/],
  ];
  for (const [what, stdout, message] of invalid) {
    it(`is ERROR "invalid JSON result" for ${what}, without throwing`, () => {
      const result = parse(stdout, { stderr: 'trace line\n' });
      expect(result.status).to.equal('ERROR');
      expect(result.messages.error[0]).to.match(message);
      expect(result.messages.error[1]).to.equal('trace line');
    });
  }

  it('says when the output was truncated', () => {
    const result = parse('{"status": "OK", "messages": ["aaaa', { truncated: true });
    expect(result.messages.error[0]).to.match(/^invalid JSON result: .*\(output was truncated\)$/);
  });
});
