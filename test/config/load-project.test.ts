import { expect } from 'chai';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadProject, type ProjectLoader } from '../../src/config/load-project.js';
import { ConfigError, UsageError } from '../../src/errors.js';

describe('config: loadProject, the one loader of validate, run and the service commands', () => {
  const dir = mkdtempSync(join(tmpdir(), 'smoker-project-'));
  writeFileSync(join(dir, 'inv.yaml'), 'hosts:\n  a: { transport: local, port: x }\nchecks: [checks.yaml]\n');
  writeFileSync(join(dir, 'checks.yaml'), 'checks:\n  c: { command: uptime, timeout: soon }\n');
  writeFileSync(join(dir, 'good.yaml'), 'hosts:\n  a: { transport: local }\nchecks: [ok.yaml]\n');
  writeFileSync(join(dir, 'ok.yaml'), 'checks:\n  c: { command: uptime, colour: red }\n');

  it('a broken inventory and a broken check file: every problem in one ConfigError', async () => {
    const err = await loadProject({ inventory: join(dir, 'inv.yaml') }).catch((e: unknown) => e);
    expect(err).to.be.instanceOf(ConfigError);
    expect((err as ConfigError).issues.map((i) => `${i.pos?.line}:${i.pos?.col} ${i.path}`)).to.deep.equal(['2:32 hosts.a.port', '2:34 checks.c.timeout']);
  });

  it('extra loaders (the test-file loader) see the project; their issues join the others and their value comes back', async () => {
    const seen: string[] = [];
    const tests: ProjectLoader = {
      name: 'tests',
      load: ({ inventory, checks }) => {
        seen.push(`${inventory.hosts.length} host, ${checks?.checks.length} check`);
        return { issues: [{ pos: { file: 'tests/a.yaml', line: 3, col: 5 }, path: 'tests.a', message: 'bad step' }], warnings: [], summary: '1 test', value: ['a'] };
      },
    };
    const err = await loadProject({ inventory: join(dir, 'good.yaml'), loaders: [tests] }).catch((e: unknown) => e);
    expect(seen).to.deep.equal(['1 host, 1 check']);
    expect((err as ConfigError).message).to.equal('tests/a.yaml:3:5 tests.a: bad step');
    const ok = await loadProject({ inventory: join(dir, 'good.yaml'), loaders: [{ name: 'tests', load: () => ({ issues: [], warnings: [], summary: '1 test', value: ['a'] }) }] });
    expect(ok.extras.get('tests')).to.deep.equal(['a']);
    expect(ok.summaries).to.deep.equal(['1 test']);
    expect(ok.warnings).to.have.length(1);
  });

  it('--strict: warnings are errors; requireChecks: no check file is a usage error', async () => {
    const strict = await loadProject({ inventory: join(dir, 'good.yaml'), strict: true }).catch((e: unknown) => e);
    expect((strict as ConfigError).message).to.match(/checks\.c\.colour: "colour" is not a check key.*\(an error with --strict\)$/);
    writeFileSync(join(dir, 'bare.yaml'), 'hosts:\n  a: { transport: local }\n');
    expect(await loadProject({ inventory: join(dir, 'bare.yaml'), requireChecks: true }).catch((e: unknown) => e)).to.be.instanceOf(UsageError);
    expect((await loadProject({ inventory: join(dir, 'bare.yaml') })).checks).to.equal(undefined);
  });
});
