// Limits that keep a hostile YAML file from exhausting the controller: alias bombs and runaway nesting.
import { isAlias, isCollection, isPair, type Document, type LineCounter, type Node } from 'yaml';
import type { ConfigIssue } from '../errors.js';

/** Deepest nesting of maps and lists a smoker file may have (real files use under 10). */
export const MAX_YAML_DEPTH = 64;
/** Most alias expansions a file may need when resolved (the `yaml` package's own default). */
export const MAX_ALIAS_COUNT = 100;

/** Issues for nesting deeper than MAX_YAML_DEPTH or aliases that expand beyond MAX_ALIAS_COUNT; empty when within limits. */
export function checkYamlLimits(doc: Document, lineCounter: LineCounter, file: string): ConfigIssue[] {
  const at = (node: Node | undefined) => {
    const lp = lineCounter.linePos(node?.range?.[0] ?? 0);
    return { file, line: lp.line, col: lp.col };
  };
  // Iterative: a recursive walk is what a deep file would overflow.
  const stack: { node: unknown; depth: number }[] = [{ node: doc.contents, depth: 0 }];
  let firstAlias: Node | undefined;
  while (stack.length) {
    const { node, depth } = stack.pop() as { node: unknown; depth: number };
    if (isAlias(node) && (firstAlias === undefined || (node.range?.[0] ?? 0) < (firstAlias.range?.[0] ?? 0))) firstAlias = node;
    if (!isCollection(node)) continue;
    if (depth >= MAX_YAML_DEPTH) return [{ pos: at(node), path: '', message: `nesting deeper than ${MAX_YAML_DEPTH} levels` }];
    for (const item of node.items) {
      if (isPair(item)) stack.push({ node: item.key, depth: depth + 1 }, { node: item.value, depth: depth + 1 });
      else stack.push({ node: item, depth: depth + 1 });
    }
  }
  if (firstAlias) {
    try {
      doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (err) {
      return [{ pos: at(firstAlias), path: '', message: `aliases expand too far (more than ${MAX_ALIAS_COUNT} times; an alias bomb?): ${(err as Error).message}` }];
    }
  }
  return [];
}
