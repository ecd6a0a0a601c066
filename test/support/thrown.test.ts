// The helpers that catch an expected error fail the test when nothing, or the wrong class, is thrown.
import { AssertionError, expect } from 'chai';
import { ConfigError, UsageError } from '../../src/errors.js';
import { rejectionOf, thrownBy } from './thrown.js';

describe('test support: thrownBy and rejectionOf', () => {
  it('return the error when it is of the class asked for', async () => {
    const err = new UsageError('bad flag');
    expect(thrownBy(() => { throw err; }, UsageError)).to.equal(err);
    expect(await rejectionOf(async () => { throw err; }, UsageError)).to.equal(err);
    expect(await rejectionOf(() => { throw err; }, UsageError)).to.equal(err);
  });

  it('fail when nothing is thrown, or another class is', async () => {
    expect(() => thrownBy(() => 1, ConfigError)).to.throw(AssertionError, 'expected a ConfigError, nothing was thrown');
    expect(() => thrownBy(() => { throw new UsageError('x'); }, ConfigError)).to.throw(AssertionError);
    let failed: unknown;
    await rejectionOf(async () => 1, ConfigError).catch((e: unknown) => (failed = e));
    expect(failed).to.be.instanceOf(AssertionError);
    failed = undefined;
    await rejectionOf(async () => { throw new UsageError('x'); }, ConfigError).catch((e: unknown) => (failed = e));
    expect(failed).to.be.instanceOf(AssertionError);
  });
});
