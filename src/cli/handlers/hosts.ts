// Handler of `smoker hosts`.
import { loadAnyInventory } from '../../config/load-any-inventory.js';
import { selectHostsStrict } from '../../config/patterns.js';
import { renderHostsTable, type HostRow } from '../../report/hosts-table.js';
import { terminalWidth } from '../../report/terminal-width.js';
import { parseShard, selectShard } from '../../run/shard.js';
import type { HostConfig } from '../../config/types.js';
import { loadSshConfig, type SshConfig } from '../../transport/ssh-config.js';
import { resolveTarget } from '../../transport/ssh-target.js';
import { findHomeDirectory } from '../../config/home.js';
import { hostUniverse } from '../host-universe.js';

/** Prints the resolved hosts selected by a pattern. */
export async function runHosts(opts: { inventory: string; pattern: string | undefined; output: 'table' | 'json'; shard?: string | undefined }): Promise<void> {
  const shard = opts.shard === undefined ? undefined : parseShard(opts.shard);
  const { inventory: inv } = await loadAnyInventory(opts.inventory);
  const names = opts.pattern ? new Set(selectHostsStrict(opts.pattern, hostUniverse(inv))) : undefined;
  const selected = inv.hosts.filter((h) => !names || names.has(h.name));
  const hosts = shard ? selectShard(selected, shard, (h) => h.name) : selected;
  for (const w of inv.warnings) process.stderr.write(`warning: ${w}\n`);
  // What a connection would really use: the inventory, then ~/.ssh/config for what it leaves unset.
  const sshConfig = hosts.some((h) => h.transport === 'ssh') ? loadSshConfig() : undefined;
  for (const w of sshConfig?.warnings ?? []) process.stderr.write(`warning: ${w}\n`);
  // Written piece by piece: 100,000 hosts are ~85 MB of JSON, never held as one string.
  for (const piece of renderHostsPieces(hosts, sshConfig, opts.output, terminalWidth(process.env, process.stdout))) process.stdout.write(piece);
}

/** The text `smoker hosts` prints: each host as a connection would see it (a table no wider than `width`, or JSON with an `ssh` part). */
export function renderHosts(hosts: readonly HostConfig[], sshConfig: SshConfig | undefined, output: 'table' | 'json', width?: number): string {
  return [...renderHostsPieces(hosts, sshConfig, output, width)].join('');
}

/** Hosts per piece of JSON output. */
const JSON_PIECE = 1000;

/** renderHosts's text in pieces; the JSON pieces join into exactly `JSON.stringify(all, null, 2)`. */
function* renderHostsPieces(hosts: readonly HostConfig[], sshConfig: SshConfig | undefined, output: 'table' | 'json', width?: number): Generator<string> {
  if (output !== 'json') {
    yield `${renderHostsTable(hosts.map((h) => toRow(h, sshConfig)), { width })}\n${hosts.length} host${hosts.length === 1 ? '' : 's'}\n`;
    return;
  }
  if (hosts.length === 0) return yield '[]\n';
  yield '[\n';
  for (let i = 0; i < hosts.length; i += JSON_PIECE) {
    const piece = JSON.stringify(hosts.slice(i, i + JSON_PIECE).map((h) => toJson(h, sshConfig)), null, 2);
    // The piece's own brackets go: "[\n  {...},\n  {...}\n]" → "  {...},\n  {...}".
    yield `${i > 0 ? ',\n' : ''}${piece.slice(2, -2)}`;
  }
  yield '\n]\n';
}

/** A table row with the effective address, port, user, jump hosts, keys and host-key policy. */
function toRow(h: HostConfig, sshConfig: SshConfig | undefined): HostRow {
  if (h.transport !== 'ssh') return h;
  const t = resolveTarget(h, sshConfig);
  return { ...h, address: t.host, port: t.port, user: t.user, jump: t.jump, identityFile: t.identityFiles, hostKeyPolicy: t.hostKeyPolicy };
}

function toJson(h: HostConfig, sshConfig: SshConfig | undefined): Record<string, unknown> {
  // Only names of secret-holding variables exist in HostConfig; their values are never read here.
  if (h.transport !== 'ssh') return { ...h };
  const t = resolveTarget(h, sshConfig);
  // `home` is what every `~` meant (OpenSSH's rule: the passwd entry's home, not $HOME).
  return { ...h, ssh: { host: t.host, port: t.port, user: t.user, identityFiles: t.identityFiles, jump: t.jump, hostKeyPolicy: t.hostKeyPolicy, knownHosts: t.knownHosts, home: findHomeDirectory() } };
}
