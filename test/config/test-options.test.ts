// The options of a test (YAML or code): needs, matrix, params, timeout, okToFail, ignore, watch — defaults and every refusal.
import { expect } from 'chai';
import { ALL_OF_GROUP, OPTION_KEYS, parseTestOptions } from '../../src/config/test-options.js';
import { DEFAULT_TEST_TIMEOUT_MS } from '../../src/config/test-types.js';

function options(raw: Record<string, unknown>): { value: ReturnType<typeof parseTestOptions>; problems: string[] } {
  const problems: string[] = [];
  const value = parseTestOptions(raw, (p, m) => problems.push(`${p.join('.')}: ${m}`));
  return { value, problems };
}

/** Problems of options that must be refused (undefined comes back). */
function refused(raw: Record<string, unknown>): string[] {
  const r = options(raw);
  expect(r.value, JSON.stringify(raw)).to.equal(undefined);
  return r.problems;
}

describe('config: test options', () => {
  it('defaults: no needs, matrix or params, 30 minutes, not okToFail, not ignored, watch findings warn', () => {
    expect(DEFAULT_TEST_TIMEOUT_MS).to.equal(1_800_000);
    expect(options({})).to.deep.equal({
      value: { description: undefined, needs: {}, matrix: {}, params: [], timeoutMs: 1_800_000, okToFail: false, ignore: false, watchFail: false },
      problems: [],
    });
    expect(OPTION_KEYS).to.deep.equal(['description', 'needs', 'matrix', 'params', 'timeout', 'okToFail', 'ignore', 'watch']);
  });

  it('takes every option as written', () => {
    const r = options({
      description: 'bounce under load',
      needs: { kafka: 3, client: 'all' },
      matrix: { acks: [1, 'all'] },
      params: [{ size: 1 }, { size: 2 }],
      timeout: '10m',
      okToFail: true,
      ignore: true,
      watch: { fail: true },
    });
    expect(r).to.deep.equal({
      value: {
        description: 'bounce under load',
        needs: { kafka: 3, client: ALL_OF_GROUP },
        matrix: { acks: [1, 'all'] },
        params: [{ size: 1 }, { size: 2 }],
        timeoutMs: 600_000,
        okToFail: true,
        ignore: true,
        watchFail: true,
      },
      problems: [],
    });
    expect(options({ okToFail: false, ignore: false, watch: { fail: false } }).value).to.include({ okToFail: false, ignore: false, watchFail: false });
    expect(options({ watch: {} }).value?.watchFail).to.equal(false);
    expect(options({ needs: { a: 1 } }).value?.needs).to.deep.equal({ a: 1 });
  });

  it('description is text', () => {
    expect(refused({ description: 3 })).to.deep.equal(['description: expected text, got 3']);
  });

  it('needs: a map of group to a count of at least 1, or all', () => {
    expect(refused({ needs: [1] })).to.deep.equal(['needs: expected { GROUP: COUNT } (e.g. { kafka: 3 }), got a list']);
    expect(refused({ needs: 'kafka' })).to.deep.equal(['needs: expected { GROUP: COUNT } (e.g. { kafka: 3 }), got "kafka"']);
    for (const n of [0, -1, 1.5, 'two', 'ALL', null]) {
      expect(refused({ needs: { kafka: n } })).to.deep.equal([`needs.kafka: expected a number of hosts (1 or more) or all, got ${n === null ? 'null' : JSON.stringify(n)}`]);
    }
  });

  it('matrix: a map of non-empty lists', () => {
    expect(refused({ matrix: [1] })).to.deep.equal(['matrix: expected a map of lists (e.g. { acks: [1, all] }), got a list']);
    expect(refused({ matrix: { acks: [] } })).to.deep.equal(['matrix.acks: expected a non-empty list of values, got a list: a matrix is a map of lists']);
    expect(refused({ matrix: { acks: 'all' } })).to.deep.equal(['matrix.acks: expected a non-empty list of values, got "all": a matrix is a map of lists']);
  });

  it('params: a non-empty list of maps', () => {
    expect(refused({ params: [] })).to.deep.equal(['params: expected a non-empty list of parameter maps (e.g. [{ acks: 1 }, { acks: all }]), got a list']);
    expect(refused({ params: { acks: 1 } })).to.deep.equal(['params: expected a non-empty list of parameter maps (e.g. [{ acks: 1 }, { acks: all }]), got a map']);
    expect(refused({ params: [{ a: 1 }, 2, [3]] })).to.deep.equal(['params.1: expected a map of parameters, got 2', 'params.2: expected a map of parameters, got a list']);
  });

  it('timeout: a duration above zero', () => {
    expect(options({ timeout: 90 }).value?.timeoutMs).to.equal(90_000);
    expect(refused({ timeout: '0s' })).to.deep.equal(['timeout: expected a duration like 10m, got "0s"']);
    expect(refused({ timeout: 'long' })).to.deep.equal(['timeout: expected a duration like 10m, got "long"']);
  });

  it('okToFail and ignore are booleans', () => {
    expect(refused({ okToFail: 'yes' })).to.deep.equal(['okToFail: expected true or false, got "yes"']);
    expect(refused({ ignore: 1 })).to.deep.equal(['ignore: expected true or false, got 1']);
  });

  it('watch: { fail: true|false } and nothing else', () => {
    expect(refused({ watch: true })).to.deep.equal(['watch: expected { fail: true|false }, got true']);
    expect(refused({ watch: { fial: true } })).to.deep.equal(['watch.fial: unknown key "fial" (did you mean "fail"?) (allowed: fail)']);
    expect(refused({ watch: { fail: 'yes' } })).to.deep.equal(['watch.fail: expected true or false, got "yes"']);
  });

  it('reports every wrong option at once', () => {
    expect(refused({ description: 1, timeout: 'x', ignore: 'no' })).to.deep.equal(['description: expected text, got 1', 'timeout: expected a duration like 10m, got "x"', 'ignore: expected true or false, got "no"']);
  });
});
