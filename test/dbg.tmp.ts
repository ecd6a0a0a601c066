import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { smoker } from './support/cli.js';
import { cliEnv, openLabHome, pgrepOnHost, waitFor } from './transport/integration-support.js';
const env = await openLabHome({ hosts: 2 }, 'dbg-');
try {
  writeFileSync(join(env.home, 'lost.yaml'), 'checks:\n  fast: { command: "echo done" }\n  slow: { command: "sleep 3031; echo never" }\n');
  const t0 = Date.now();
  const run = smoker(['run', env.inventory, '-H', 'host1', '--checks', join(env.home, 'lost.yaml'), '--results', join(env.home, 'r'), '-o', 'json'], { env: cliEnv(env.home) });
  await waitFor(async () => (await pgrepOnHost(env.lab, 'host1', '^sleep 3031$')).length > 0, 15_000, 50);
  console.log((await env.lab.exec('host1', 'ps -eo pid,ppid,pgid,sid,args')).stdout);
  await new Promise((r) => setTimeout(r, Number(process.argv[3] ?? 0)));
  if (process.argv[2] === 'stop') await env.lab.stopHost('host1');
  else await env.lab.exec('host1', 'for i in 1 2 3; do pkill -KILL -f "^sshd: [^/]"; sleep 0.1; done');
  console.log('killed at', Date.now() - t0);
  const r = await run;
  console.log('ended at', Date.now() - t0, r.code, r.stdout, r.stderr);
  if (process.argv[2] !== 'stop') console.log((await env.lab.exec('host1', 'ps -eo pid,ppid,pgid,sid,args')).stdout);
} finally { await env.lab.close(); }
