import { expect } from 'chai';
import { smokerSync } from '../support/cli.js';

type Schema = { properties: Record<string, Schema & { additionalProperties?: Schema; enum?: string[] }>; additionalProperties?: unknown; required?: string[] };

describe('smoker schema (e2e)', () => {
  it('prints the inventory schema generated from the validator definitions', () => {
    const r = smokerSync(['schema']);
    expect(r.code, r.stderr).to.equal(0);
    const s = JSON.parse(r.stdout) as Schema & { $schema: string; title: string };
    expect(s.$schema).to.contain('json-schema.org');
    expect(s.title).to.equal('smoker inventory');
    expect(Object.keys(s.properties)).to.deep.equal(['defaults', 'vars', 'hosts', 'groups', 'checks']);
    expect(s.additionalProperties).to.equal(false); // unknown top-level keys are rejected, as by validate
    const host = s.properties.hosts?.additionalProperties as Schema;
    expect(host.properties.port).to.deep.include({ type: 'integer', minimum: 1, maximum: 65535 });
    expect(host.properties.hostKeyPolicy?.enum).to.deep.equal(['strict', 'accept-new', 'off']);
  });

  it('prints the check file schema with checks, templates, actions and services', () => {
    const r = smokerSync(['schema', 'checks']);
    expect(r.code, r.stderr).to.equal(0);
    const s = JSON.parse(r.stdout) as Schema & { title: string };
    expect(s.title).to.equal('smoker checks file');
    for (const k of ['checks', 'plugins', 'templates', 'actions', 'services']) expect(s.properties).to.have.property(k);
    const check = s.properties.checks?.additionalProperties as Schema;
    expect(check.properties.type?.enum).to.include.members(['smokeTest', 'healthCheck', 'smoke', 'health']);
    expect(check.additionalProperties).to.equal(true); // unknown keys become parameters, as in Smoker
  });

  it('rejects an unknown kind with exit 2', () => {
    const r = smokerSync(['schema', 'nonsense']);
    expect(r.code).to.equal(2);
  });
});
