// Prints a converted inventory as YAML: stable key order, short entries on one line, a header naming the source.

import { Document, isMap, isSeq, visit, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import { CONNECTION_KEYS, type SmokerInventoryDoc } from './inventory-doc.js';

/** What the header comment says: where the inventory came from and what did not carry over. */
export interface YamlHeader {
  source: string;
  warnings?: readonly string[];
}

const TOP_KEYS = ['defaults', 'vars', 'hosts', 'groups'];
const HOST_KEYS = [...CONNECTION_KEYS, 'vars'];
const GROUP_KEYS = ['hosts', 'children', ...CONNECTION_KEYS, 'vars'];
const FLOW_WIDTH = 88;
// YAML 1.1 readers take these as booleans; `hostKeyPolicy: off` must stay the string.
const YAML11_BOOL = /^(y|yes|n|no|on|off|true|false)$/i;

/** Renders the inventory as a YAML file with a header comment. */
export function toYaml(inv: SmokerInventoryDoc, header: YamlHeader): string {
  const ordered = orderKeys(inv as unknown as Record<string, unknown>, TOP_KEYS);
  for (const section of ['hosts', 'groups'] as const) {
    const entries = ordered[section] as Record<string, Record<string, unknown>> | undefined;
    if (!entries) continue;
    const keys = section === 'hosts' ? HOST_KEYS : GROUP_KEYS;
    ordered[section] = Object.fromEntries(Object.entries(entries).map(([name, e]) => [name, orderKeys(e ?? {}, keys)]));
  }
  if (ordered.defaults) ordered.defaults = orderKeys(ordered.defaults as Record<string, unknown>, HOST_KEYS);

  const doc = new Document(ordered);
  for (const section of ['hosts', 'groups']) {
    const map = doc.get(section, true);
    if (isMap(map)) for (const pair of map.items) flowIfShort(pair.value as Node, `${String(pair.key)}: `.length + 2);
  }
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' && YAML11_BOOL.test(node.value)) node.type = 'QUOTE_DOUBLE';
    },
  });
  doc.commentBefore = headerLines(header).join('\n');
  return doc.toString({ lineWidth: 0 });
}

function headerLines(header: YamlHeader): string[] {
  const lines = [` smoker inventory converted from ${header.source}.`, ' Review it before use: hosts, groups and connection settings are as read.'];
  const warnings = header.warnings ?? [];
  if (warnings.length) {
    lines.push(` ${warnings.length} warning${warnings.length === 1 ? '' : 's'} while converting:`);
    for (const w of warnings) lines.push(`   - ${w}`);
  }
  return lines;
}

// Known keys first in the given order, then any others in their own order.
function orderKeys(obj: Record<string, unknown>, order: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of order) if (obj[k] !== undefined) out[k] = obj[k];
  for (const [k, v] of Object.entries(obj)) if (!(k in out) && v !== undefined) out[k] = v;
  return out;
}

// One-line `{ address: 10.0.0.21, port: 2222 }` entries read like SPEC §1; long or nested ones stay in block style.
function flowIfShort(node: Node, indent: number): void {
  if (!isMap(node)) return;
  for (const pair of node.items) {
    const v = pair.value as Node;
    if (isSeq(v) && isFlat(v) && flowLength(v) + indent + 2 + String(pair.key).length <= FLOW_WIDTH) v.flow = true;
  }
  if (isFlat(node) && flowLength(node) + indent <= FLOW_WIDTH) node.flow = true;
}

// Length of a node printed on one line.
function flowLength(node: YAMLMap | YAMLSeq): number {
  const probe = new Document(node.toJSON());
  visit(probe, {
    Map: (_k, n) => void (n.flow = true),
    Seq: (_k, n) => void (n.flow = true),
  });
  return probe.toString({ lineWidth: 0 }).trim().length;
}

function isFlat(node: YAMLMap | YAMLSeq): boolean {
  if (isSeq(node)) return node.items.every((i) => !isMap(i) && !isSeq(i));
  return node.items.every((pair) => {
    const v = pair.value as Node;
    if (isSeq(v)) return v.items.every((i) => !isMap(i) && !isSeq(i));
    if (isMap(v)) return v.items.length <= 3 && v.items.every((p) => !isMap(p.value) && !isSeq(p.value));
    return true;
  });
}
