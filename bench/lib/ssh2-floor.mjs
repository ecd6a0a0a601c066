#!/usr/bin/env node
// The floor for this runtime: one ssh2 client per host, all at once: connect, exec, read, close.
// Host keys are checked against KNOWN_HOSTS (`name type base64` lines), as smoker's strict policy does.
// Usage: node ssh2-floor.mjs HOSTS_FILE USER KEY KNOWN_HOSTS [PORT] [COMMAND] [IN_FLIGHT]
// Prints "N ok, M failed"; IN_FLIGHT (default: every host) bounds connections at once.
import { readFileSync } from 'node:fs';
import ssh2 from 'ssh2';

const [hostsFile, username, keyFile, knownHostsFile, portArg = '22', command = 'true', inFlightArg] = process.argv.slice(2);
const port = Number(portArg);
const hosts = readFileSync(hostsFile, 'utf8').split('\n').filter(Boolean);
const privateKey = readFileSync(keyFile);
const known = new Map();
for (const line of readFileSync(knownHostsFile, 'utf8').split('\n')) {
  const [names, , b64] = line.split(' ');
  if (names && b64) for (const n of names.split(',')) known.set(n, Buffer.from(b64, 'base64'));
}

/** Runs the command on one host; resolves with its exit code, or an error message. */
function runOne(host) {
  const name = port === 22 ? host : `[${host}]:${port}`;
  return new Promise((resolve) => {
    const client = new ssh2.Client();
    client.on('error', (err) => resolve(`${host}: ${err.message}`));
    client.on('ready', () => {
      client.exec(command, (err, stream) => {
        if (err) return resolve(`${host}: ${err.message}`);
        let code = null;
        stream.on('data', () => undefined);
        stream.stderr.on('data', () => undefined);
        stream.on('exit', (c) => (code = c));
        stream.on('close', () => {
          client.end();
          resolve(code);
        });
      });
    });
    client.connect({ host, port, username, privateKey, readyTimeout: 120_000, hostVerifier: (key) => known.get(name)?.equals(key) === true });
  });
}

const inFlight = Math.max(1, Number(inFlightArg) || hosts.length);
const results = [];
let next = 0;
await Promise.all(
  Array.from({ length: Math.min(inFlight, hosts.length) }, async () => {
    while (next < hosts.length) {
      const i = next++;
      results[i] = await runOne(hosts[i]);
    }
  }),
);
const failed = results.filter((r) => r !== 0);
process.stdout.write(`${hosts.length - failed.length} ok, ${failed.length} failed\n`);
for (const f of failed.slice(0, 5)) process.stderr.write(`${f}\n`);
process.exitCode = failed.length ? 1 : 0;
