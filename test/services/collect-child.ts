// Child process of the log-collection memory test: collects one log from one host, sampling its own RSS.
// Usage: node --import tsx collect-child.ts INVENTORY HOST REMOTE_PATH LOCAL_DIR  → prints JSON on stdout.
import { loadInventory } from '../../src/config/inventory.js';
import { collectLogs } from '../../src/services/collect-logs.js';
import { Connector } from '../../src/transport/connector.js';

const [inventoryPath, hostName, remote, dir] = process.argv.slice(2) as [string, string, string, string];
const inventory = await loadInventory(inventoryPath);
const host = inventory.hosts.find((h) => h.name === hostName);
if (!host) throw new Error(`no host ${hostName}`);
const connector = new Connector({ inventoryHosts: inventory.hosts, sshConfig: false });
const conn = await connector.connect(host);
// Warm up the SFTP session and the stream code paths before taking the baseline.
await collectLogs(conn, { warm: '/etc/hostname' }, dir);
global.gc?.();
const before = process.memoryUsage().rss;
let max = before;
const sampler = setInterval(() => (max = Math.max(max, process.memoryUsage().rss)), 5);
const t0 = Date.now();
const [got] = await collectLogs(conn, { big: remote }, dir);
clearInterval(sampler);
max = Math.max(max, process.memoryUsage().rss);
await conn.close();
await connector.close();
process.stdout.write(`${JSON.stringify({ ...got, rssBefore: before, rssMax: max, ms: Date.now() - t0 })}\n`);
