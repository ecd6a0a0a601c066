// Issue 12's user story through the public API, into one session: on this machine (local) and on a 3-host lab.
import { expect } from 'chai';
import { existsSync, mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../support/cli.js';
import { freePort } from '../support/free-port.js';
import { startLab, type Lab } from '../lab/index.js';
import { DEMO_SCRIPT, installDemo } from '../services/support.js';
import { expectStorySession, runStory, type Api } from './story.js';

async function importBuilt(): Promise<Api> {
  if (!existsSync(join(ROOT, 'dist', 'api.js'))) throw new Error('dist/api.js is missing: run npm run build first');
  return (await import('smoker' as string)) as Api;
}

const workload = (port: number) => `python3 -c "
import urllib.request
for i in range(20): assert urllib.request.urlopen('http://127.0.0.1:${port}/').status == 200
print('20 requests ok')"`;

describe('library session: the issue 12 story (start fails, workload, bounce, assert, stop) into one session', function () {
  this.timeout(120_000);

  it('on this machine (transport: local)', async () => {
    const api = await importBuilt();
    const dir = mkdtempSync(join(tmpdir(), 'smoker-story-'));
    const port = await freePort();
    const demo = join(dir, 'demo');
    try {
      writeFileSync(join(dir, 'inventory.yaml'), 'hosts:\n  here: { transport: local }\nchecks: [services.yaml]\n');
      writeFileSync(join(dir, 'services.yaml'), `services:
  demo:
    start: sh ${DEMO_SCRIPT} start
    stop: sh ${DEMO_SCRIPT} stop
    status: sh ${DEMO_SCRIPT} status
    env: { DEMO_DIR: ${demo}, DEMO_PORT: "${port}", DEMO_DELAY: "0.2" }
    wait: [{ port: ${port} }, { log: { path: ${demo}/demo.log, pattern: " started$" } }]
    waitTimeout: 10s
    bounce: { serial: 1, pause: 0s }
`);
      const { dir: session, report } = await runStory(api, {
        inventoryPath: join(dir, 'inventory.yaml'),
        results: join(dir, 'results'),
        service: 'demo',
        brokenHost: 'here',
        workload: workload(port),
        setCrash: async (on) => {
          mkdirSync(demo, { recursive: true });
          if (on) writeFileSync(join(demo, 'crash'), '');
          else unlinkSync(join(demo, 'crash'));
        },
      });
      expectStorySession(session, report, 'here');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('on a 3-host lab (real sshd) @lab', () => {
    let lab: Lab;
    let dir: string;
    before(async function () {
      this.timeout(60_000);
      lab = await startLab({ hosts: 3 });
      await installDemo(lab);
      dir = mkdtempSync(join(tmpdir(), 'smoker-story-lab-'));
    });
    after(async () => {
      await lab?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('every operation of every host in one report.json, the failed start on host2 included', async () => {
      writeFileSync(join(dir, 'services.yaml'), `services:
  demo:
    start: sh /tmp/demo/demo-service.sh start
    stop: sh /tmp/demo/demo-service.sh stop
    status: sh /tmp/demo/demo-service.sh status
    env: { DEMO_DIR: /tmp/demo, DEMO_PORT: "8000", DEMO_DELAY: "0.2" }
    wait: [{ port: 8000 }, { log: { path: /tmp/demo/demo.log, pattern: " started$" } }]
    waitTimeout: 10s
    bounce: { serial: 1, pause: 0s }
`);
      const inventoryPath = lab.writeInventory(join(dir, 'inventory.yaml'), { checks: [join(dir, 'services.yaml')] });
      const broken = lab.hosts[1]!.name;
      const { dir: session, report } = await runStory(api(), {
        inventoryPath,
        results: join(dir, 'results'),
        service: 'demo',
        brokenHost: broken,
        workload: workload(8000),
        setCrash: async (on) => {
          const r = await lab.exec(broken, on ? 'touch /tmp/demo/crash' : 'rm -f /tmp/demo/crash');
          expect(r.code).to.equal(0);
        },
      });
      expectStorySession(session, report, broken);
      // The hosts that started the first time: the second start found them running and returned at once.
      const ok = lab.hosts[0]!.name;
      expect(report.hosts[ok]?.checks['start#2']?.messages.info.join(' ')).to.match(/already running/);
    });

    let loaded: Api | undefined;
    before(async () => {
      loaded = await importBuilt();
    });
    const api = (): Api => loaded as Api;
  });
});
