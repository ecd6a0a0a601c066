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

  it('sorts names that are not ids among themselves by name, after every id', () => {
    expect(sortSessionIds(['notes', '2026-11-22--002', 'latest', 'backup', '2026-11-22--001'])).to.deep.equal([
      '2026-11-22--001', '2026-11-22--002', 'backup', 'latest', 'notes',
    ]);
    expect(compareSessionIds('notes', 'backup')).to.be.greaterThan(0);
    expect(compareSessionIds('backup', 'notes')).to.be.lessThan(0);
  });

  it('an id is equal only to itself; the day decides before the number', () => {
    expect(compareSessionIds('2026-11-22--007', '2026-11-22--007')).to.equal(0);
    expect(compareSessionIds('2026-11-21--999', '2026-11-22--001')).to.be.lessThan(0);
    expect(compareSessionIds('2026-11-22--001', '2026-11-21--999')).to.be.greaterThan(0);
    expect(compareSessionIds('2026-11-22--002', '2026-11-22--010')).to.be.lessThan(0);
  });
});
