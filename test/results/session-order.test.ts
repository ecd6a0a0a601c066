import { expect } from 'chai';
import { compareSessionIds, sortSessionIds } from '../../src/results/session-order.js';

describe('results/session-order', () => {
  it('sorts by day, then numerically within the day', () => {
    expect(sortSessionIds(['2026-11-22--1000', '2026-11-22--999', '2026-11-21--002', '2026-11-22--001', '2026-11-21--010'])).to.deep.equal([
      '2026-11-21--002', '2026-11-21--010', '2026-11-22--001', '2026-11-22--999', '2026-11-22--1000',
    ]);
  });

  it('puts names that are not ids last', () => {
    expect(compareSessionIds('latest', '2026-11-22--001')).to.be.greaterThan(0);
    expect(compareSessionIds('2026-11-22--001', 'latest')).to.be.lessThan(0);
  });
});
