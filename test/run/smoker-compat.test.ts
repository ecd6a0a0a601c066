// Smoker compatibility: Smoker's own smokerd.yaml shape loads unchanged and runs over SSH (fixtures/smoker/).
import { expect } from 'chai';
import { join } from 'node:path';
import { smoker } from '../support/cli.js';
import { explain, FIXTURES, pairs, result, run, runJson, startRunLab, type JsonRun, type RunLab } from './support.js';

const SMOKERD = join(FIXTURES, 'smoker', 'smokerd.yaml');
// Stands in for Smoker's jmxcheck.py: prints the arguments it got.
const FAKE_JMXCHECK = '#!/bin/sh\necho "jmxcheck $*"\n';

describe('smoker run: Smoker configuration compatibility @lab', function () {
  this.timeout(120_000);
  let rl: RunLab;
  let inv: string;
  let loaded: JsonRun;

  before(async () => {
    rl = await startRunLab(1);
    const fake = await rl.lab.exec('host1', 'mkdir -p /tmp/fakebin && cat > /tmp/fakebin/jmxcheck.py && chmod 755 /tmp/fakebin /tmp/fakebin/jmxcheck.py', { input: FAKE_JMXCHECK });
    expect(fake.code, fake.stderr).to.equal(0);
    inv = rl.inventory('inventory-smoker.yaml', { defaults: { env: { PATH: '/tmp/fakebin:/usr/local/bin:/usr/bin:/bin' } } });
    loaded = await runJson([inv, '--checks', SMOKERD]);
  });
  after(async () => rl?.close());

  it('loads smokerd.yaml unchanged: warnings for what cannot run over SSH, never exit 2', () => {
    const { code, stderr, report } = loaded;
    expect(code, stderr).to.equal(1);
    expect(stderr).to.include('warning: actions.SendNSCA: module "smoker.plugins.nsca" is a Python module of the Smoker daemon');
    expect(stderr).to.include('warning: plugins.ConnectorSelfTest: parser "smoker.plugins.jmxparser" is a Python module of the Smoker daemon');
    // Enabled: False is honoured; every other plugin ran.
    expect(pairs(report)).to.deep.equal(['host1/ConnectorSelfTest', 'host1/Hostname', 'host1/Uname', 'host1/Uptime', 'host1/Volumes']);
  });

  it('plugins run: Command, Module: smoker.server.plugins.uname as the built-in uname, Category kept', () => {
    const { report } = loaded;
    const hostname = result(report, 'host1', 'Hostname');
    expect(hostname.status, explain(hostname)).to.equal('OK');
    expect(hostname.messages.info).to.deep.equal(['host1']);
    expect(hostname.category).to.equal('system');
    expect(hostname.action).to.equal(undefined);
    const uname = result(report, 'host1', 'Uname');
    expect(uname.status, explain(uname)).to.equal('OK');
    expect(uname.messages.info[0]).to.match(/^Linux host1 /);
    expect(result(report, 'host1', 'Uptime').messages.info[0]).to.match(/load average/);
  });

  it('a template with %(param)s in its Command gets the plugin\'s parameters; the Python parser is an ERROR saying so', () => {
    const { report } = loaded;
    const r = result(report, 'host1', 'ConnectorSelfTest');
    expect(r.status).to.equal('ERROR');
    expect(r.category).to.equal('connectors');
    expect(r.messages.error[0]).to.match(/^parser failed: unknown parser "smoker\.plugins\.jmxparser"/);
    expect(r.messages.info).to.deep.equal(['jmxcheck --port 5015 --bean com.example:name=SelfTest-connector --run executeTestsJSON']);
    // Its Action (a Command) ran on the host.
    expect(r.action).to.deep.include({ name: 'RestartTomcat', where: 'host', status: 'OK', stdout: 'would restart tomcat\n' });
  });

  it("a command printing Smoker's JSON contract renders with its components in -o long", async () => {
    const out = await run([inv, '--checks', SMOKERD, '-p', 'Volumes', '-o', 'long']);
    expect(out.code).to.equal(1);
    expect(out.stdout).to.match(
      /^- Volumes\s+\[ERROR\] \(.*\)\n\s+\[info\] volumes: \/tmp \/var\/lib\/smoker-missing-volume\n -- \/tmp\s+\[OK\]\n\s+\[info\] Access: \/tmp is a directory\n -- \/var\/lib\/smoker-missing-volume\s+\[ERROR\]\n\s+\[error\] Access: \/var\/lib\/smoker-missing-volume does not exist$/m,
    );
  });

  it('`smoker checks` lists the plugins with their Smoker settings', async () => {
    const out = await smoker(['checks', inv, '--checks', SMOKERD]);
    expect(out.code, out.stderr).to.equal(0);
    for (const name of ['Hostname', 'Uptime', 'Uname', 'Volumes', 'ConnectorSelfTest']) expect(out.stdout).to.include(name);
  });
});
