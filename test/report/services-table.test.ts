// The table of `smoker services`: each service, its hosts: pattern, the hosts it runs on (folded) and its operations.
import { expect } from 'chai';
import { renderServicesTable } from '../../src/report/services-table.js';

describe('report/services-table', () => {
  it('one row per service: pattern or (all), folded hosts with their count or (none), operations; then the count', () => {
    const text = renderServicesTable([
      { name: 'kafka', pattern: 'broker*', hosts: ['broker1', 'broker2', 'broker3'], operations: ['start', 'stop'] },
      { name: 'ntp', pattern: undefined, hosts: [], operations: ['status'] },
    ]);
    const lines = text.split('\n');
    expect(lines.find((l) => l.includes('kafka'))).to.match(/│ kafka\s+│ broker\*\s+│ broker\[1-3\] \(3\)\s+│ start stop\s+│/);
    expect(lines.find((l) => l.includes('ntp'))).to.match(/│ ntp\s+│ \(all\)\s+│ \(none\)\s+│ status\s+│/);
    expect(lines[1]).to.match(/│ service\s+│ hosts:\s+│ runs on\s+│ operations\s+│/);
    expect(lines.at(-2)).to.equal('2 services');
    expect(text.endsWith('\n')).to.equal(true);
  });

  it('says "1 service" for one', () => {
    expect(renderServicesTable([{ name: 'a', pattern: 'h', hosts: ['h'], operations: [] }]).split('\n').at(-2)).to.equal('1 service');
  });
});
