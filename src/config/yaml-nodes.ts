// Finding the node (and so the position) of a key or value inside a parsed YAML document.
import { isMap, isSeq, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import { keyOf } from './schema/types.js';

/** Per map, its pairs by lower-cased key (the first of equal keys, as a search would find): one pass, not one per lookup. */
const pairIndex = new WeakMap<YAMLMap, { count: number; byKey: Map<string, Pair> }>();

function pairAt(map: YAMLMap, key: string | number): Pair | undefined {
  let index = pairIndex.get(map);
  // Built for the map as it was: one with pairs added or removed since is indexed again.
  if (!index || index.count !== map.items.length) {
    const byKey = new Map<string, Pair>();
    for (const p of map.items as Pair[]) {
      const k = keyOf(p).toLowerCase();
      if (!byKey.has(k)) byKey.set(k, p);
    }
    index = { count: map.items.length, byKey };
    pairIndex.set(map, index);
  }
  return index.byKey.get(String(key).toLowerCase());
}

/** The value node at a path of keys/indexes (case-insensitive keys), or undefined. */
export function valueNodeAt(doc: Document, path: readonly (string | number)[]): Node | undefined {
  let node: unknown = doc.contents;
  for (const step of path) {
    if (typeof step === 'number' && isSeq(node)) node = node.items[step];
    else if (isMap(node)) node = pairAt(node, step)?.value;
    else return undefined;
  }
  return (node ?? undefined) as Node | undefined;
}

/** The key node of the last step of a path (for "unknown name" issues), else the value node. */
export function keyNodeAt(doc: Document, path: readonly (string | number)[]): Node | undefined {
  const parent = valueNodeAt(doc, path.slice(0, -1));
  const last = path[path.length - 1];
  if (isMap(parent) && last !== undefined) {
    const pair = pairAt(parent, last);
    if (pair) return pair.key as Node;
  }
  return valueNodeAt(doc, path);
}
