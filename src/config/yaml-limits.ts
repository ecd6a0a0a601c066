// Limits that keep a hostile YAML file from exhausting the controller (alias bombs, runaway nesting), and duplicate keys.
import { isAlias, isCollection, isMap, isPair, isScalar, type Document, type LineCounter, type Node } from 'yaml';
import type { ConfigIssue } from '../errors.js';

/** Deepest nesting of maps and lists a smoker file may have (real files use under 10). */
export const MAX_YAML_DEPTH = 64;
/** Most alias expansions a file may need when resolved (the `yaml` package's own default). */
export const MAX_ALIAS_COUNT = 100;

/**
 * Issues for nesting deeper than MAX_YAML_DEPTH, aliases that expand beyond MAX_ALIAS_COUNT and duplicate map keys;
 * empty when there are none. Duplicate keys are found here with a set per map: the parser's own check scans the
 * map for every key, quadratic in a 100,000-host inventory.
 */
export function checkYamlLimits(doc: Document, lineCounter: LineCounter, file: string): ConfigIssue[] {
  const at = (node: Node | undefined) => {
    const lp = lineCounter.linePos(node?.range?.[0] ?? 0);
    return { file, line: lp.line, col: lp.col };
  };
  // Iterative: a recursive walk is what a deep file would overflow.
  const stack: { node: unknown; depth: number }[] = [{ node: doc.contents, depth: 0 }];
  let firstAlias: Node | undefined;
  const duplicates: ConfigIssue[] = [];
  while (stack.length) {
    const { node, depth } = stack.pop() as { node: unknown; depth: number };
    if (isAlias(node) && (firstAlias === undefined || (node.range?.[0] ?? 0) < (firstAlias.range?.[0] ?? 0))) firstAlias = node;
    if (!isCollection(node)) continue;
    if (depth >= MAX_YAML_DEPTH) return [{ pos: at(node), path: '', message: `nesting deeper than ${MAX_YAML_DEPTH} levels` }];
    if (isMap(node)) duplicates.push(...findDuplicateKeys(node.items.map((p) => p.key as Node)).map((key) => ({ pos: at(key), path: '', message: 'invalid YAML: Map keys must be unique' })));
    for (const item of node.items) {
      if (isPair(item)) stack.push({ node: item.key, depth: depth + 1 }, { node: item.value, depth: depth + 1 });
      else stack.push({ node: item, depth: depth + 1 });
    }
  }
  if (duplicates.length) return duplicates.sort((a, b) => (a.pos?.line ?? 0) - (b.pos?.line ?? 0) || (a.pos?.col ?? 0) - (b.pos?.col ?? 0));
  if (firstAlias) {
    try {
      doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (err) {
      return [{ pos: at(firstAlias), path: '', message: `aliases expand too far (more than ${MAX_ALIAS_COUNT} times; an alias bomb?): ${(err as Error).message}` }];
    }
  }
  return [];
}

// Scalar keys equal as the parser compares them (same value and type); a key seen before is a duplicate.
function findDuplicateKeys(keys: readonly Node[]): Node[] {
  const seen = new Set<unknown>();
  const dups: Node[] = [];
  for (const key of keys) {
    if (!isScalar(key)) continue;
    const id = typeof key.value === 'object' && key.value !== null ? key : `${typeof key.value}:${String(key.value)}`;
    if (seen.has(id)) dups.push(key);
    else seen.add(id);
  }
  return dups;
}
