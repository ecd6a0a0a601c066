// The floor of `run`'s framing (issue 18 item 4): a bare ssh2 script that sends the 20 bench checks' commands
// through smoker's own shared-shell job lines (2 sessions a host, 2 commands sent to each at a time, as the
// pool does) and only counts end markers: no results, parsing, streams or timeouts. Each host starts its
// jobs once connected, as `run` does. Prints that wall time and client CPU against connecting everywhere and
// running `true` (the floor of `exec`): their ratio is the floor of `run` ÷ `exec` on this lab.
// As root, after `npm run build`:   HOSTS=10 REPS=10 node bench/framing-floor.mjs   (HOSTS x REPS x 20 jobs)
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { Client } = require('ssh2');
const yaml = require('yaml');
const { sharedJobLine, sharedShellCommand } = await import(join(repo, 'dist/transport/shared-shell.js'));
const labs = await import('./lib/labs.mjs');
const hosts = Number(process.env.HOSTS ?? 10);
const reps = Number(process.env.REPS ?? 10);
const cmds = Object.values(yaml.parse(readFileSync(join(repo, 'bench/fixtures/checks-20.yaml'), 'utf8')).checks).map((c) => c.command);
const lab = await labs.startBenchLab(repo, { hosts, shared: false });
const key = readFileSync(lab.clientKey);

/** One host: its queue of commands over two shared shells, each holding at most two. */
function runHost(client, counter) {
  const queue = Array.from({ length: reps }, () => cmds).flat();
  return new Promise((done) => {
    let closed = 0;
    for (let s = 0; s < 2; s++) {
      const nonce = `${s}${Math.random().toString(16).slice(2, 10)}`;
      client.exec(sharedShellCommand(nonce), (err, ch) => {
        if (err) throw err;
        const mark = `SMOKER-END ${nonce} `;
        let inFlight = 0;
        const ends = { out: 0, err: 0, counted: 0 };
        const tails = { out: '', err: '' };
        const send = () => {
          while (inFlight < 2 && queue.length) {
            inFlight++;
            ch.write(sharedJobLine(queue.shift(), { env: { SMOKER_JOB: (++counter.n).toString(16).padStart(16, '0') } }));
          }
          if (!inFlight) ch.end();
        };
        const onData = (which) => (d) => {
          tails[which] += d;
          for (let at; (at = tails[which].indexOf(mark)) >= 0; ) {
            ends[which]++;
            tails[which] = tails[which].slice(tails[which].indexOf('\n', at) + 1);
          }
          const both = Math.min(ends.out, ends.err);
          inFlight -= both - ends.counted;
          ends.counted = both;
          send();
        };
        ch.on('data', onData('out'));
        ch.stderr.on('data', onData('err'));
        ch.on('close', () => ++closed === 2 && done());
        send();
      });
    }
  });
}

/** Connects to every host at once and, on each as soon as it is ready, runs `work(client)`, then closes it. */
function onEveryHost(work) {
  return Promise.all(lab.hosts.map((h) => new Promise((ok, fail) => {
    const c = new Client();
    c.on('ready', () => work(c).then(() => c.end()).then(ok, fail)).on('error', fail).connect({ host: h.address, port: 22, username: lab.user, privateKey: key });
  })));
}

/** Runs `true` in a session of its own: the ssh2 floor of `exec true`. */
const execTrue = (c) => new Promise((done) => c.exec('true', (err, ch) => (err ? done() : ch.on('close', done).resume())));

/** Wall and client CPU of `onEveryHost(work)`. */
async function timed(work) {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  await onEveryHost(work);
  const cpu = process.cpuUsage(cpu0);
  return { ms: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000 };
}

try {
  // The same comparison as `run` ÷ `exec`, with nothing of smoker's own: connections plus the framed jobs, against connections plus `true`.
  const exec = await timed(execTrue);
  const counter = { n: 0 };
  const run = await timed((c) => runHost(c, counter));
  console.log(`${counter.n} jobs on ${hosts} hosts: connect and jobs ${run.ms.toFixed(0)} ms, client CPU ${run.cpuMs.toFixed(0)} ms; connect and \`true\` ${exec.ms.toFixed(0)} ms, client CPU ${exec.cpuMs.toFixed(0)} ms: ${(run.ms / exec.ms).toFixed(2)}x`);
} finally {
  await lab.close();
}
