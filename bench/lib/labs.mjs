// Starts the test lab (test/lab, TypeScript, loaded through tsx) and writes what each tool needs to reach it.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

let labModule;

/** The lab's API (startLab, closeAllLabs), imported once through tsx. */
export async function loadLab(repo) {
  if (!labModule) {
    const { tsImport } = await import('tsx/esm/api');
    labModule = await tsImport(pathToFileURL(join(repo, 'test/lab/index.ts')).href, import.meta.url);
  }
  return labModule;
}

/**
 * Starts `hosts` lab hosts (`shared`: one sshd on every address of one namespace, MaxStartups raised
 * to 2 per host + 10 by the lab) and returns the lab.
 */
export async function startBenchLab(repo, { hosts, shared }) {
  const { startLab } = await loadLab(repo);
  return startLab({ hosts, sharedSshd: shared, namePrefix: 'host', readyTimeoutMs: 120_000 });
}

/**
 * Writes the files of one target in `dir`: hosts file (one address a line), known_hosts for `port`,
 * smoker inventory and Ansible INI inventory. Returns the target the tools take.
 */
export function writeTarget(lab, dir, { port, command, repo, tmp }) {
  mkdirSync(dir, { recursive: true });
  const hosts = lab.hosts.map((h) => h.address);
  const hostsFile = join(dir, 'hosts');
  writeFileSync(hostsFile, `${hosts.join('\n')}\n`);
  let knownHosts = lab.knownHosts;
  if (port !== 22) {
    // The lab's known_hosts names hosts on port 22 by address; through the proxy they are [address]:port.
    knownHosts = join(dir, `known_hosts_${port}`);
    const lines = readFileSync(lab.knownHosts, 'utf8').split('\n').filter(Boolean);
    writeFileSync(knownHosts, `${lines.map((l) => l.replace(/^(\S+)/, (names) => names.split(',').map((n) => `[${n}]:${port}`).join(','))).join('\n')}\n`);
  }
  const hostSettings = Object.fromEntries(lab.hosts.map((h) => [h.name, { port }]));
  const inventory = lab.writeInventory(join(dir, 'inventory.yaml'), { defaults: { knownHosts }, hostSettings });
  const ansibleInventory = join(dir, 'ansible.ini');
  writeFileSync(ansibleInventory, `[all]\n${hosts.map((a) => (port === 22 ? a : `${a} ansible_port=${port}`)).join('\n')}\n`);
  return { hosts, hostsFile, user: lab.user, key: lab.clientKey, knownHosts, port, inventory, ansibleInventory, command, repo, node: process.execPath, tmp };
}

/** Pids of the lab's sshd servers (each reaps its sessions, so their CPU ticks include the sessions'). */
export function serverPids(lab) {
  return [...new Set(lab.hosts.map((h) => h.pid).filter((p) => p > 0))];
}

/**
 * Starts bench/lib/delay-proxy.mjs inside the lab's (shared) network namespace: `listenPort` on every
 * address forwards to port 22 with `delayMs` each way. Resolves once it listens; kill it with .kill().
 */
export async function startDelayProxy(repo, lab, { listenPort, delayMs }) {
  const netns = lab.hosts[0]?.netns;
  if (!netns || lab.hosts.some((h) => h.netns !== netns)) throw new Error('the delay proxy needs a sharedSshd lab in netns mode');
  const proxy = spawn('ip', ['netns', 'exec', netns, process.execPath, join(repo, 'bench/lib/delay-proxy.mjs'), String(listenPort), '22', String(delayMs)], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('delay proxy did not start within 10 s')), 10_000);
    proxy.stdout.on('data', (d) => {
      if (String(d).includes('listening')) {
        clearTimeout(timer);
        resolve();
      }
    });
    proxy.on('exit', (code) => reject(new Error(`delay proxy exited with ${code}`)));
  });
  return proxy;
}
