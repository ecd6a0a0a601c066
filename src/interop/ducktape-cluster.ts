// Converts a ducktape cluster file ({"nodes": [{"ssh_config": {...}}]}, JsonCluster) into a smoker inventory.

import { isMap, isSeq, type Node } from 'yaml';
import { ConfigError, type ConfigIssue, type SourcePos } from '../errors.js';
import { suggestEnvName } from './env-name.js';
import { hoistSharedSettings } from './hoist-defaults.js';
import type { Conversion, HostEntry } from './inventory-doc.js';
import { parseJsonSource } from './json-source.js';
import { formatWarning } from './source-pos.js';
import { tryParseYaml, type YamlSource } from './yaml-source.js';

/** The ssh_config fields ducktape's RemoteAccountSSHConfig reads. */
const KNOWN = new Set(['host', 'hostname', 'user', 'port', 'password', 'identityfile', 'connecttimeout']);

/** Converts ducktape's cluster JSON; throws ConfigError with file:line:col for invalid JSON or a malformed node. */
export function fromDucktapeCluster(text: string, file: string): Conversion {
  const data = parseJsonSource(text, file);
  // JSON is YAML: the YAML reader gives positions for nodes the JSON parser cannot.
  const src = tryParseYaml(text, file);
  const at = (path: (string | number)[]): SourcePos | undefined => positionAt(src, path) ?? { file, line: 1, col: 1 };
  const issues: ConfigIssue[] = [];
  const warnings: string[] = [];
  const nodes = (data as { nodes?: unknown } | null)?.nodes;
  if (!isObject(data) || !Array.isArray(nodes)) {
    throw new ConfigError([{ pos: at([]), path: 'nodes', message: 'expected a cluster file {"nodes": [{"ssh_config": {...}}, ...]}' }]);
  }
  const hosts: Record<string, HostEntry> = {};
  const secrets: { name: string; pos: SourcePos | undefined; path: string }[] = [];
  const placeholders: string[] = [];
  const hostless: string[] = [];
  nodes.forEach((node, i) => {
    const path = `nodes[${i}]`;
    const ssh = isObject(node) ? node.ssh_config : undefined;
    if (!isObject(node) || !isObject(ssh)) {
      issues.push({ pos: at(['nodes', i]), path, message: 'expected a node with an "ssh_config" object' });
      return;
    }
    const warn = (key: string, msg: string): void =>
      void warnings.push(formatWarning(at(['nodes', i, 'ssh_config', key]), `${path}.ssh_config.${key}: ${msg}`));
    const address = typeof ssh.hostname === 'string' && ssh.hostname ? ssh.hostname : 'localhost';
    // Current ducktape accepts a node without `host` (its name is then None): it is named by its address here.
    let name = typeof ssh.host === 'string' && ssh.host ? ssh.host : undefined;
    if (ssh.host !== undefined && ssh.host !== null && name === undefined) {
      issues.push({ pos: at(['nodes', i, 'ssh_config', 'host']), path: `${path}.ssh_config.host`, message: 'expected the node name as a string' });
      return;
    }
    if (name === undefined) {
      name = hosts[address] || nodes.some((n, j) => j !== i && isObject(n) && isObject(n.ssh_config) && n.ssh_config.host === address) ? `${address}-${i + 1}` : address;
      hostless.push(name);
    }
    if (hosts[name]) {
      issues.push({ pos: at(['nodes', i, 'ssh_config', 'host']), path: `${path}.ssh_config.host`, message: `node "${name}" appears twice` });
      return;
    }
    const entry: HostEntry = { address };
    if (ssh.port !== null && ssh.port !== undefined) {
      const port = Number(ssh.port);
      if (Number.isInteger(port) && port >= 1 && port <= 65535) entry.port = port;
      else issues.push({ pos: at(['nodes', i, 'ssh_config', 'port']), path: `${path}.ssh_config.port`, message: `expected an integer 1-65535, got ${JSON.stringify(ssh.port)}` });
    }
    if (typeof ssh.user === 'string') entry.user = ssh.user;
    const identity = ssh.identityfile;
    if (typeof identity === 'string') entry.identityFile = identity;
    else if (Array.isArray(identity) && identity.every((f) => typeof f === 'string')) entry.identityFile = identity.length === 1 ? identity[0] : identity;
    // ducktape's paramiko client ignores unknown and changed host keys and records none.
    entry.hostKeyPolicy = 'off';
    if (ssh.connecttimeout !== null && ssh.connecttimeout !== undefined) {
      const seconds = Number(ssh.connecttimeout);
      if (Number.isFinite(seconds) && seconds > 0) entry.connectTimeout = `${seconds}s`;
      else warn('connecttimeout', `${JSON.stringify(ssh.connecttimeout)} is not a number of seconds; not converted`);
    }
    // An empty password is no password; "UNUSED" is ducktape's placeholder for one. Both are said once per file.
    if (ssh.password === 'UNUSED') placeholders.push(name);
    else if (ssh.password !== null && ssh.password !== undefined && ssh.password !== '') {
      secrets.push({ name, pos: at(['nodes', i, 'ssh_config', 'password']), path: `${path}.ssh_config.password` });
    }
    for (const key of Object.keys(ssh)) if (!KNOWN.has(key)) warn(key, 'not an ssh_config field ducktape reads; ignored');
    if (name.includes('windows')) warn('host', 'ducktape treats this node as Windows (WinRM); smoker will connect over ssh');
    const ip = node.externally_routable_ip;
    const vars: Record<string, unknown> = {};
    if (typeof ip === 'string' && ip) vars.externally_routable_ip = ip;
    if (typeof node.node_type === 'string' && node.node_type) vars.node_type = node.node_type;
    if (Object.keys(vars).length) entry.vars = vars;
    hosts[name] = entry;
  });
  if (issues.length) throw new ConfigError(issues);
  const first = secrets[0];
  if (first) {
    const names = secrets.map((x) => x.name);
    const which = secrets.length === 1 ? `node ${names[0]}` : `${secrets.length} nodes (${names.join(', ')})`;
    warnings.push(formatWarning(first.pos, `${first.path}: the password of ${which} is a secret, not copied; export it and set passwordEnv (e.g. ${suggestEnvName(first.name, 'password')})`));
  }
  if (placeholders.length) warnings.push(`${file}: password "UNUSED" (ducktape's placeholder) on ${placeholders.length} node(s): converted as no password`);
  if (hostless.length) warnings.push(`${file}: ${hostless.length} node(s) without "host" named by their address: ${hostless.join(', ')}`);
  if (nodes.length === 0) warnings.push(`${file}: the cluster has no nodes`);
  const defaults = hoistSharedSettings(hosts, ['user', 'identityFile', 'hostKeyPolicy', 'connectTimeout']);
  const inventory = Object.keys(defaults).length ? { defaults, hosts } : { hosts };
  return { source: `ducktape cluster ${file}`, inventory, warnings };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function positionAt(src: YamlSource | undefined, path: (string | number)[]): SourcePos | undefined {
  if (!src) return undefined;
  let node: unknown = src.doc.contents;
  for (const step of path) {
    if (isMap(node)) node = node.get(step, true);
    else if (isSeq(node) && typeof step === 'number') node = node.items[step];
    else return undefined;
  }
  return src.posOf(node as Node);
}
