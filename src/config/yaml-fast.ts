// A fast first parse of big YAML files (100,000-host inventories): js-yaml, no positions.
import { CORE_SCHEMA, load, mergeTag } from 'js-yaml';
import { Document, type Node } from 'yaml';
import { Ctx } from './schema/context.js';
import type { YamlFile } from './yaml-file.js';
import { MAX_YAML_DEPTH } from './yaml-limits.js';

/**
 * Files at least this big are parsed fast first. The `yaml` package keeps a position for every node: 9 s and
 * 1.1 GB for a 100,000-host inventory, against about 1 s here. Positions only matter for errors, so a file
 * with any problem is parsed again with them (the caller does that when validation finds issues).
 */
export const FAST_PARSE_MIN_BYTES = 256 * 1024;

// YAML 1.2 core schema, with `<<` merge keys as parseYaml allows them.
const SCHEMA = CORE_SCHEMA.withTags(mergeTag);

// What could start an anchor (`&name` after a space, a flow indicator or at a line start); a false match only costs time.
const ANCHOR = /(?:^|[\s,[{:])&/m;

/** Thrown inside toNode when the value is not plain data the exact parser would give the same way. */
class NotPlain extends Error {}

/** The file parsed without positions (every issue at 1:1), or undefined when it is small or the fast path declines it. */
export function parseYamlFast(text: string, file: string): YamlFile | undefined {
  if (text.length < FAST_PARSE_MIN_BYTES) return undefined;
  try {
    const doc = new Document(null);
    // Without an anchor there is no alias, so no object to track (a set of every map and list at 100,000 hosts).
    const seen = ANCHOR.test(text) ? new Set<object>() : undefined;
    doc.contents = toNode(load(text, { schema: SCHEMA }), 0, seen, new Map()) as unknown as Node;
    return { file, doc, ctx: new Ctx(file, doc, undefined) };
  } catch {
    // Bad syntax, duplicate keys, aliases, too deep: the exact parser handles (and positions) those.
    return undefined;
  }
}

// Plain values to light AST nodes: what the validators read (isMap/isSeq/isScalar/isPair, items, key, value,
// toJS) and nothing else. The `yaml` node classes define a property per node, and Document.createNode looks up a
// tag per value: 4 s for 100,000 hosts. The node-type symbols are the registered ones `yaml` itself tests for.
const NODE_TYPE = Symbol.for('yaml.node.type');

/** A light node: a value the fast parser produced, typed for `yaml`'s isMap/isSeq/isScalar. */
class LiteNode {
  constructor(
    readonly value: unknown,
    readonly items: unknown[] | undefined,
  ) {}

  /** The plain value (js-yaml made it; nothing else holds it). */
  toJS(): unknown {
    return this.value;
  }
}
class LiteScalar extends LiteNode {}
class LiteMap extends LiteNode {}
class LiteSeq extends LiteNode {}
class LitePair {
  constructor(
    readonly key: LiteNode,
    readonly value: LiteNode,
  ) {}
}
Object.defineProperty(LiteScalar.prototype, NODE_TYPE, { value: Symbol.for('yaml.scalar') });
Object.defineProperty(LiteMap.prototype, NODE_TYPE, { value: Symbol.for('yaml.map') });
Object.defineProperty(LiteSeq.prototype, NODE_TYPE, { value: Symbol.for('yaml.seq') });
Object.defineProperty(LitePair.prototype, NODE_TYPE, { value: Symbol.for('yaml.pair') });

// `keys`: one node per distinct key string (nodes are immutable and have no position): 100,000 hosts repeat the same few keys.
function toNode(value: unknown, depth: number, seen: Set<object> | undefined, keys: Map<string, LiteScalar>): LiteNode {
  if (value === null || typeof value !== 'object') return new LiteScalar(value, undefined);
  // An object met twice came from an alias: left to the exact parser and its alias limit (alias bombs).
  if (seen?.has(value) || depth >= MAX_YAML_DEPTH) throw new NotPlain();
  seen?.add(value);
  if (Array.isArray(value)) return new LiteSeq(value, value.map((v) => toNode(v, depth + 1, seen, keys)));
  if (Object.getPrototypeOf(value) !== Object.prototype) throw new NotPlain();
  const items: LitePair[] = [];
  for (const k in value) {
    let key = keys.get(k);
    if (!key) keys.set(k, (key = new LiteScalar(k, undefined)));
    items.push(new LitePair(key, toNode((value as Record<string, unknown>)[k], depth + 1, seen, keys)));
  }
  return new LiteMap(value, items);
}
