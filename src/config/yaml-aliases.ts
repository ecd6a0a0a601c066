// Where each alias of a YAML document points, found in one walk: yaml's Alias.resolve(doc) walks the whole
// document for every alias, so a file of N aliases cost N walks (1,000 checks with aliases: ~0.6 s).
import { isAlias, visit, type Alias, type Document, type Node } from 'yaml';

/** Every alias mapped to the node it names: the last node before it with its anchor, as Alias.resolve finds it. */
export function aliasTargets(doc: Document): Map<Alias, Node> {
  const targets = new Map<Alias, Node>();
  const latest = new Map<string, Node>();
  visit(doc, {
    Node: (_key, node) => {
      if (isAlias(node)) {
        const target = latest.get(node.source);
        if (target) targets.set(node, target);
      } else if (node.anchor) latest.set(node.anchor, node);
    },
  });
  return targets;
}
