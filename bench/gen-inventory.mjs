#!/usr/bin/env node
// Writes a large inventory for the scaling benchmark: `node bench/gen-inventory.mjs N > FILE`.
// N hosts, each with its own address, port and vars (like an export from a CMDB); one group per rack
// of 40 listing its hosts by name, one group per datacenter with a glob and racks as children, and a
// ranged block of 1% more hosts. Real inventories this size come from scripts, so every style is there.
const n = Number(process.argv[2] ?? 100000);
if (!Number.isInteger(n) || n < 100) throw new Error('usage: gen-inventory.mjs N (N >= 100)');
const pad = String(n).length;
const name = (i) => `node${String(i).padStart(pad, '0')}`;
const out = ['defaults: { user: deploy, connectTimeout: 5s }', 'vars: { env: bench }', 'hosts:'];
for (let i = 1; i <= n; i++) {
  out.push(`  ${name(i)}: { address: 10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}, port: ${22 + (i % 3)}, vars: { rack: r${Math.ceil(i / 40)}, slot: ${i % 40} } }`);
}
const ranged = Math.max(1, Math.floor(n / 100));
out.push(`  extra[1:${ranged}]: { address: "192.168.0.{{ index }}" }`);
out.push('groups:');
const racks = Math.ceil(n / 40);
for (let r = 1; r <= racks; r++) {
  const members = [];
  for (let i = (r - 1) * 40 + 1; i <= Math.min(n, r * 40); i++) members.push(name(i));
  out.push(`  r${r}: { hosts: [${members.join(', ')}], vars: { rack: r${r} } }`);
}
const dcs = 4;
for (let d = 0; d < dcs; d++) {
  const children = [];
  for (let r = 1 + d; r <= racks; r += dcs) children.push(`r${r}`);
  out.push(`  dc${d}: { children: [${children.join(', ')}], vars: { dc: dc${d} } }`);
}
out.push(`  extras: { hosts: ["extra*"] }`);
out.push(`  everyone: { children: [${Array.from({ length: dcs }, (_, d) => `dc${d}`).join(', ')}, extras] }`);
process.stdout.write(`${out.join('\n')}\n`);
