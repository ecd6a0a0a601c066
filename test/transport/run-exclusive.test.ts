import { expect } from 'chai';
import { setTimeout as sleep } from 'node:timers/promises';
import { runExclusive } from '../../src/transport/run-exclusive.js';

describe('transport/run-exclusive', () => {
  it('runs tasks under one key one at a time, in call order, past failures', async () => {
    const log: string[] = [];
    const task = (name: string, ms: number, fail = false) => async () => {
      log.push(`start ${name}`);
      await sleep(ms);
      log.push(`end ${name}`);
      if (fail) throw new Error(name);
      return name;
    };
    const results = await Promise.allSettled([runExclusive('k', task('a', 20)), runExclusive('k', task('b', 1, true)), runExclusive('k', task('c', 1))]);
    expect(results.map((r) => r.status)).to.deep.equal(['fulfilled', 'rejected', 'fulfilled']);
    expect(log).to.deep.equal(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });

  it('runs tasks under different keys concurrently', async () => {
    const log: string[] = [];
    await Promise.all(
      ['x', 'y'].map((k) =>
        runExclusive(k, async () => {
          log.push(`start ${k}`);
          await sleep(10);
          log.push(`end ${k}`);
        }),
      ),
    );
    expect(log.slice(0, 2)).to.deep.equal(['start x', 'start y']);
  });
});
