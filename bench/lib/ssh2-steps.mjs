#!/usr/bin/env node
// The floor of a multi-step scenario: one ssh2 connection per host, opened once, then each command on every
// host at once, step after step (what `smoker test` does with the same connections), with nothing else.
// Usage: node ssh2-steps.mjs HOSTS_FILE USER KEY KNOWN_HOSTS COMMANDS_JSON [BACKGROUND]
// BACKGROUND: a command started on every host first, on its own channel, and waited for after the steps.
// Prints JSON { connectMs, stepMs: [..] } (per step, the time until the last host's command closed).
import { readFileSync } from 'node:fs';
import ssh2 from 'ssh2';

const [hostsFile, username, keyFile, knownHostsFile, commandsJson, background] = process.argv.slice(2);
const hosts = readFileSync(hostsFile, 'utf8').split('\n').filter(Boolean);
const commands = JSON.parse(commandsJson);
const privateKey = readFileSync(keyFile);
const known = new Map();
for (const line of readFileSync(knownHostsFile, 'utf8').split('\n')) {
  const [names, , b64] = line.split(' ');
  if (names && b64) for (const n of names.split(',')) known.set(n, Buffer.from(b64, 'base64'));
}

/** Opens one connection. */
function connect(host) {
  return new Promise((resolve, reject) => {
    const client = new ssh2.Client();
    client.on('error', reject);
    client.on('ready', () => resolve(client));
    client.connect({ host, username, privateKey, readyTimeout: 120_000, hostVerifier: (key) => known.get(host)?.equals(key) === true });
  });
}

/** Runs one command on an open connection; resolves with its exit code. */
function exec(client, command) {
  return new Promise((resolve, reject) => {
    client.exec(command, (err, stream) => {
      if (err) return reject(err);
      let code = null;
      stream.on('data', () => undefined);
      stream.stderr.on('data', () => undefined);
      stream.on('exit', (c) => (code = c));
      stream.on('close', () => resolve(code));
    });
  });
}

const t0 = performance.now();
const clients = await Promise.all(hosts.map(connect));
const connectMs = performance.now() - t0;
const backgrounds = background ? clients.map((c) => exec(c, background)) : [];
const stepMs = [];
let failed = 0;
for (const command of commands) {
  const s = performance.now();
  const codes = await Promise.all(clients.map((c) => exec(c, command)));
  stepMs.push(performance.now() - s);
  failed += codes.filter((c) => c !== 0).length;
}
failed += (await Promise.all(backgrounds)).filter((c) => c !== 0).length;
for (const c of clients) c.end();
process.stdout.write(`${JSON.stringify({ connectMs, stepMs, failed })}\n`);
process.exitCode = failed ? 1 : 0;
