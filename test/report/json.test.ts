import { expect } from 'chai';
import { renderJson } from '../../src/report/json.js';
import { buildSampleReport } from './sample.js';

describe('report/json', () => {
  it('renders the whole tree as pretty JSON that parses back to the same report', () => {
    const report = buildSampleReport();
    const out = renderJson(report);
    expect(out).to.match(/^\{\n  "status": "ERROR",/);
    expect(out.endsWith('}\n')).to.equal(true);
    expect(JSON.parse(out)).to.deep.equal(report);
  });
});
