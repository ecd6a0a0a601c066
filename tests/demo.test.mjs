// The scenario of tests/demo.yaml as code: the same verbs on `t`, plus expectations on the workload's output.
//   smoker test tests/demo.test.mjs -i inventories/local.yaml
import { test } from 'smoker/test';

const REQUESTS = 30;

test(
  'bounce under load (code)',
  {
    description: 'a rolling bounce and a killed server leave the demo serving, and the workload saw it answer',
    needs: { demo: 'all' },
    timeout: '3m',
    setup: async (t) => {
      await t.copy('../fixtures/service/demo-service.sh', '/tmp/demo/demo-service.sh');
      await t.start('demo');
    },
    teardown: async (t) => {
      await t.stop('demo');
    },
  },
  async (t) => {
    const [first] = t.hosts('demo');
    const last = t.hosts('demo').at(-1);
    const workload = `ok=0; i=0; while [ $i -lt ${REQUESTS} ]; do python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/', timeout=1)" 2>/dev/null && ok=$((ok+1)); i=$((i+1)); sleep 0.2; done; echo "answered $ok of ${REQUESTS}"`;
    const load = t.background(t.exec(first, workload), 'load');
    await t.bounce('demo', { serial: 1 });
    await t.kill('demo', { on: last, signal: 'KILL' });
    await t.start('demo', { on: last });
    await t.wait({ check: 'demo-http' }, { timeout: '30s', every: '1s' });
    const { stdout, exitCode } = await load;
    t.expect(exitCode, 'workload exit').toBe(0);
    const answered = Number(/answered (\d+)/.exec(stdout)?.[1]);
    t.data({ answered, requests: REQUESTS });
    t.log(`the workload got ${answered} answers of ${REQUESTS}`);
    t.expect(answered, 'answered requests').toBeGreaterThan(0);
  },
);
