// aliasTargets: every alias resolved in one walk, to the same node yaml's own Alias.resolve(doc) finds.
import { expect } from 'chai';
import { isAlias, parseDocument, visit, type Alias, type Node } from 'yaml';
import { aliasTargets } from '../../src/config/yaml-aliases.js';

function aliasesOf(text: string): { doc: ReturnType<typeof parseDocument>; aliases: Alias[] } {
  const doc = parseDocument(text);
  const aliases: Alias[] = [];
  visit(doc, { Node: (_k, n) => void (isAlias(n) && aliases.push(n)) });
  return { doc, aliases };
}

describe('config: YAML aliases resolved in one walk (aliasTargets)', () => {
  it('finds what Alias.resolve finds: the last anchor of that name before the alias, redefined anchors included', () => {
    const { doc, aliases } = aliasesOf(
      ['base: &d { user: a }', 'one: *d', 'list: [&x 1, *x, &x 2, *x]', 'again: &d { user: b }', 'two: *d', 'nested: { deep: [ { k: *d } ] }', 'missing: *nope'].join('\n'),
    );
    const targets = aliasTargets(doc);
    expect(aliases).to.have.length(6);
    for (const a of aliases) expect(targets.get(a), a.source).to.equal(a.resolve(doc) as Node | undefined);
    // The redefined anchors really point at different nodes.
    const users = aliases.filter((a) => a.source === 'd').map((a) => (targets.get(a)?.toJSON() as { user: string }).user);
    expect(users).to.deep.equal(['a', 'b', 'b']);
    expect(aliases.filter((a) => a.source === 'x').map((a) => targets.get(a)?.toJSON())).to.deep.equal([1, 2]);
    expect(targets.has(aliases.find((a) => a.source === 'nope')!)).to.equal(false);
  });

  it('an alias to a map anchored at a key of many: each of 300 aliases gets its own preceding anchor', () => {
    const lines: string[] = [];
    for (let i = 0; i < 300; i++) lines.push(`c${i}a: &a${i % 7} { n: ${i} }`, `c${i}b: *a${i % 7}`);
    const { doc, aliases } = aliasesOf(lines.join('\n'));
    const targets = aliasTargets(doc);
    expect(aliases.map((a) => (targets.get(a)?.toJSON() as { n: number }).n)).to.deep.equal(Array.from({ length: 300 }, (_, i) => i));
  });
});
