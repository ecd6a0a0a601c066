// The fast parse's edges: where "big" starts, what it hands to the validators, and what it leaves to the exact parser.
import { expect } from 'chai';
import { isMap, isScalar, isSeq } from 'yaml';
import { FAST_PARSE_MIN_BYTES, parseYamlFast } from '../../src/config/yaml-fast.js';
import { MAX_YAML_DEPTH } from '../../src/config/yaml-limits.js';
import { validateInventory } from '../../src/config/inventory.js';
import { parseYamlOrThrow } from '../../src/config/yaml-file.js';

/** `body` padded with a comment line to exactly `size` characters. */
const sized = (body: string, size: number) => `${body}#${'x'.repeat(size - body.length - 2)}\n`;

describe('config/yaml-fast: edges', () => {
  it(`files of ${FAST_PARSE_MIN_BYTES} characters and more are parsed fast, smaller ones are not`, () => {
    expect(FAST_PARSE_MIN_BYTES).to.equal(262_144);
    const body = 'hosts:\n  a: { port: 22 }\n';
    expect(sized(body, FAST_PARSE_MIN_BYTES)).to.have.length(FAST_PARSE_MIN_BYTES);
    expect(parseYamlFast(sized(body, FAST_PARSE_MIN_BYTES), 'f.yaml')).to.not.equal(undefined);
    expect(parseYamlFast(sized(body, FAST_PARSE_MIN_BYTES - 1), 'f.yaml')).to.equal(undefined);
  });

  it('gives nodes the validators read: maps, lists and scalars with their plain values, issues at 1:1', () => {
    const fast = parseYamlFast(sized('hosts:\n  a: { port: 22, identityFile: [k1, k2] }\n  b: ~\n', FAST_PARSE_MIN_BYTES), 'f.yaml');
    if (!fast) throw new Error('declined');
    expect(fast.file).to.equal('f.yaml');
    const root = fast.doc.contents;
    expect(isMap(root)).to.equal(true);
    const hosts = isMap(root) ? root.items[0]?.value : undefined;
    expect(isMap(hosts)).to.equal(true);
    const a = isMap(hosts) ? hosts.items[0] : undefined;
    expect(isScalar(a?.key) && a.key.value).to.equal('a');
    const files = isMap(a?.value) ? a.value.items.find((p) => isScalar(p.key) && p.key.value === 'identityFile')?.value : undefined;
    expect(isSeq(files)).to.equal(true);
    expect(isSeq(files) && files.items.map((i) => (isScalar(i) ? i.value : undefined))).to.deep.equal(['k1', 'k2']);
    expect(fast.ctx.toJS(fast.doc.contents)).to.deep.equal({ hosts: { a: { port: 22, identityFile: ['k1', 'k2'] }, b: null } });
    expect(fast.ctx.posOf(hosts as never)).to.deep.equal({ file: 'f.yaml', line: 1, col: 1 });
  });

  it('the fast parse validates to the same inventory as the exact parse', () => {
    const text = sized('defaults: { user: u }\nhosts:\n  w[1:2]: { port: 2, vars: { a: [1, { b: c }] } }\n  db: { address: "{{ host }}.x", env: { A: "1" } }\ngroups:\n  web: { hosts: ["w*"], vars: { tier: web } }\n', FAST_PARSE_MIN_BYTES);
    const fast = parseYamlFast(text, 'f.yaml');
    if (!fast) throw new Error('declined');
    const a = validateInventory(fast, '/x/f.yaml');
    const b = validateInventory(parseYamlOrThrow(text, 'f.yaml'), '/x/f.yaml');
    if (!('inventory' in a) || !('inventory' in b)) throw new Error('expected both to validate');
    expect(a.inventory.hosts).to.deep.equal(b.inventory.hosts);
    expect([...a.inventory.groups]).to.deep.equal([...b.inventory.groups]);
    expect(a.inventory.hosts.map((h) => h.name)).to.deep.equal(['w1', 'w2', 'db']);
  });

  it('an anchor without an alias is fine; merge keys are merged', () => {
    const fast = parseYamlFast(sized('base: &b { user: u }\nhosts:\n  a: { <<: { port: 2 }, user: v }\n', FAST_PARSE_MIN_BYTES), 'f.yaml');
    expect(fast?.ctx.toJS(fast.doc.contents)).to.deep.equal({ base: { user: 'u' }, hosts: { a: { port: 2, user: 'v' } } });
  });

  it(`nesting of ${MAX_YAML_DEPTH} levels is taken, deeper is left to the exact parser; so is bad syntax`, () => {
    const nest = (depth: number) => `${'['.repeat(depth)}1${']'.repeat(depth)}\n`;
    expect(parseYamlFast(sized(nest(MAX_YAML_DEPTH), FAST_PARSE_MIN_BYTES), 'f.yaml')).to.not.equal(undefined);
    expect(parseYamlFast(sized(nest(MAX_YAML_DEPTH + 1), FAST_PARSE_MIN_BYTES), 'f.yaml')).to.equal(undefined);
    expect(parseYamlFast(sized('a: [1\n', FAST_PARSE_MIN_BYTES), 'f.yaml')).to.equal(undefined);
  });
});
