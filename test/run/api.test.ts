// The library surface as a user gets it: `import('smoker')` resolves through package.json "exports" to the built dist/api.js.
import { expect } from 'chai';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../support/cli.js';
import { startRunLab, type RunLab } from './support.js';

type Api = typeof import('../../src/api.js');

async function importBuilt(): Promise<Api> {
  if (!existsSync(join(ROOT, 'dist', 'api.js'))) throw new Error('dist/api.js is missing: run npm run build first');
  // A package may import itself by name: this goes through package.json "exports", as for any user.
  return (await import('smoker' as string)) as Api;
}

describe('smoker as a library (dist/api.js through package exports)', function () {
  this.timeout(60_000);
  let api: Api;
  let dir: string;
  let inventoryPath: string;

  before(async () => {
    api = await importBuilt();
    dir = mkdtempSync(join(tmpdir(), 'smoker-api-'));
    writeFileSync(
      join(dir, 'checks.yaml'),
      `checks:
  greet: { command: "echo {{ greeting }} from {{ host }}", greeting: hello, type: smokeTest }
  broken: { command: "echo nope >&2; exit 1", type: healthCheck }
  parsed: { command: "echo load=0.5", parser: { type: number, match: "load=([0-9.]+)", warn: ">1" } }
`,
    );
    inventoryPath = join(dir, 'inventory.yaml');
    writeFileSync(inventoryPath, 'hosts:\n  here: { transport: local }\n  there: { transport: local }\ngroups:\n  far: { hosts: [there] }\nchecks: [checks.yaml]\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('resolves to dist/api.js, with type declarations next to it', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { exports: Record<string, Record<string, string>> };
    expect(pkg.exports['.']).to.deep.equal({ types: './dist/api.d.ts', import: './dist/api.js' });
    expect(existsSync(join(ROOT, 'dist', 'api.d.ts'))).to.equal(true);
    for (const name of ['loadInventory', 'loadChecks', 'runChecks', 'connect', 'runExec', 'selectHosts', 'renderReport', 'renderJson', 'renderTap', 'renderJunit', 'renderNagios', 'exitCodeFor', 'Connector']) {
      expect(api, name).to.have.property(name).that.is.a('function');
    }
  });

  it('loadInventory + loadChecks + runChecks: the same report the CLI gives', async () => {
    const inventory = await api.loadInventory(inventoryPath);
    const checks = api.loadChecks(inventory);
    expect(checks.checks.map((c) => c.name)).to.deep.equal(['greet', 'broken', 'parsed']);
    const report = await api.runChecks({ inventory, checks });
    expect(report.status).to.equal('ERROR');
    expect(report.hosts.here?.checks.greet?.messages.info).to.deep.equal(['hello from here']);
    expect(report.hosts.there?.checks.parsed?.metrics['value']?.value).to.equal(0.5);
    expect(report.counts.checks).to.deep.equal({ OK: 4, WARN: 0, UNKNOWN: 0, ERROR: 2 });
    expect(api.exitCodeFor(report)).to.equal(1);
    expect(api.renderReport(report, 'minimal')).to.match(/^- broken\s+\[ERROR\]/m);
    expect(JSON.parse(api.renderJson(report))).to.deep.equal(report);
    expect(api.renderNagios(report)).to.match(/^SMOKER CRITICAL - 2 hosts, 6 checks/);
  });

  it('selectHosts and filters narrow a run', async () => {
    const inventory = await api.loadInventory(inventoryPath);
    const hosts = api.selectHosts(inventory, 'far');
    expect(hosts.map((h) => h.name)).to.deep.equal(['there']);
    const report = await api.runChecks({ inventory, hosts, checks: api.loadChecks(inventory), filters: { smoke: true } });
    expect(Object.keys(report.hosts)).to.deep.equal(['there']);
    expect(Object.keys(report.hosts.there?.checks ?? {})).to.deep.equal(['greet']);
    expect(() => api.selectHosts(inventory, 'nowhere')).to.throw(api.PatternError, /no host or group matches "nowhere"/);
  });

  it('connect: one connection to a host for exec, writeFile, download', async () => {
    const inventory = await api.loadInventory(inventoryPath);
    const conn = await api.connect(inventory, 'here');
    try {
      const out = await conn.exec('printf "%s" "$((6 * 7))"');
      expect(out).to.include({ stdout: '42', exitCode: 0 });
      await conn.writeFile(join(dir, 'note.txt'), 'written\n');
      await conn.download(join(dir, 'note.txt'), join(dir, 'copy.txt'));
      expect(readFileSync(join(dir, 'copy.txt'), 'utf8')).to.equal('written\n');
    } finally {
      await conn.close();
    }
    await api.connect(inventory, 'hre').then(
      () => expect.fail('connected to an unknown host'),
      (err: Error) => expect(err.message).to.equal('unknown host "hre" (did you mean "here"?)'),
    );
  });

  it('runExec: an ad-hoc command everywhere', async () => {
    const inventory = await api.loadInventory(inventoryPath);
    const { report, outputs } = await api.runExec({ inventory, hosts: inventory.hosts, command: 'echo hi' });
    expect(report.counts.checks.OK).to.equal(2);
    expect(outputs.get('there')?.stdout).to.equal('hi\n');
  });

  it('config problems throw ConfigError with file:line:col', () => {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'checks:\n  x: { command: true, timeout: soon }\n');
    expect(() => api.loadChecks(bad)).to.throw(api.ConfigError, /bad\.yaml:2:32 checks\.x\.timeout/);
  });

  describe('over SSH, on a lab host @lab', () => {
    let rl: RunLab;
    before(async () => {
      rl = await startRunLab(2);
    });
    after(async () => rl?.close());

    it('connect and runChecks over SSH', async () => {
      const inventory = await api.loadInventory(rl.inventory('inventory-api.yaml', { checks: [join(dir, 'checks.yaml')] }));
      const conn = await api.connect(inventory, 'host2');
      try {
        expect((await conn.exec('hostname')).stdout).to.equal('host2\n');
      } finally {
        await conn.close();
      }
      const report = await api.runChecks({ inventory, checks: api.loadChecks(inventory), filters: { names: ['greet'] } });
      expect(report.hosts.host1?.checks.greet?.messages.info).to.deep.equal(['hello from host1']);
      expect(report.hosts.host2?.checks.greet?.status).to.equal('OK');
    });
  });
});
