// Finding the node (and so the position) of a key or value inside a parsed YAML document.
import { isMap, isSeq, type Document, type Node } from 'yaml';
import { keyOf } from './schema/types.js';

/** The value node at a path of keys/indexes (case-insensitive keys), or undefined. */
export function valueNodeAt(doc: Document, path: readonly (string | number)[]): Node | undefined {
  let node: unknown = doc.contents;
  for (const step of path) {
    if (typeof step === 'number' && isSeq(node)) node = node.items[step];
    else if (isMap(node)) node = node.items.find((p) => keyOf(p).toLowerCase() === String(step).toLowerCase())?.value;
    else return undefined;
  }
  return (node ?? undefined) as Node | undefined;
}

/** The key node of the last step of a path (for "unknown name" issues), else the value node. */
export function keyNodeAt(doc: Document, path: readonly (string | number)[]): Node | undefined {
  const parent = valueNodeAt(doc, path.slice(0, -1));
  const last = path[path.length - 1];
  if (isMap(parent) && last !== undefined) {
    const pair = parent.items.find((p) => keyOf(p).toLowerCase() === String(last).toLowerCase());
    if (pair) return pair.key as Node;
  }
  return valueNodeAt(doc, path);
}
