// Reading a YAML file: syntax errors, duplicate keys, runaway nesting and alias bombs as positioned issues, a missing or
// unreadable file at 1:1; and finding the node of a key or value for an issue's position.
import { expect } from 'chai';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { MAX_ALIAS_COUNT, MAX_YAML_DEPTH, checkYamlLimits } from '../../src/config/yaml-limits.js';
import { nestsTooDeep, parseYaml, parseYamlOrThrow, readYamlFile, readYamlText } from '../../src/config/yaml-file.js';
import { keyNodeAt, valueNodeAt } from '../../src/config/yaml-nodes.js';
import { ConfigError } from '../../src/errors.js';
import { thrownBy } from '../support/thrown.js';

const issues = (text: string): string[] => {
  const r = parseYaml(text, 'f.yaml');
  return 'issues' in r ? r.issues.map((i) => `${i.pos?.file}:${i.pos?.line}:${i.pos?.col} ${i.message}`) : [];
};

const nested = (depth: number) => `${'['.repeat(depth)}1${']'.repeat(depth)}\n`;

describe('config: reading YAML files', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'smoker-yaml-file-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('a good file parses, with positions for validation', () => {
    const r = parseYaml('a: 1\nb:\n  c: [x]\n', 'f.yaml');
    if ('issues' in r) throw new Error('refused');
    expect(r.file.file).to.equal('f.yaml');
    expect(r.file.doc.toJS()).to.deep.equal({ a: 1, b: { c: ['x'] } });
    expect(r.file.ctx.file).to.equal('f.yaml');
    expect(r.file.ctx.posOf(valueNodeAt(r.file.doc, ['b', 'c', 0]))).to.deep.equal({ file: 'f.yaml', line: 3, col: 7 });
  });

  it('a syntax error is an issue at its line:col, first line of the message only', () => {
    const [issue] = issues('a: 1\nb: [1, 2\n');
    expect(issue).to.match(/^f\.yaml:\d+:\d+ invalid YAML: /);
    expect(issue).to.not.contain('\n');
    expect(issues('a: {x: 1\n')[0]).to.match(/^f\.yaml:\d+:\d+ invalid YAML: /);
  });

  it('duplicate keys: each repeat at its place, in file order', () => {
    expect(issues('a: 1\nb: 2\na: 3\nc: { x: 1, x: 2 }\n')).to.deep.equal(['f.yaml:3:1 invalid YAML: Map keys must be unique', 'f.yaml:4:12 invalid YAML: Map keys must be unique']);
    // 1 and "1" are different keys, as the parser compares them; so are two different maps as keys.
    expect(issues('1: a\n"1": b\n')).to.deep.equal([]);
    expect(issues('? {a: 1}\n: x\n? {a: 1}\n: y\n')).to.deep.equal([]);
  });

  it(`nesting deeper than ${MAX_YAML_DEPTH} levels is refused at the level that goes too deep`, () => {
    expect(MAX_YAML_DEPTH).to.equal(64);
    expect(issues(nested(MAX_YAML_DEPTH))).to.deep.equal([]);
    expect(issues(nested(MAX_YAML_DEPTH + 1))).to.deep.equal([`f.yaml:1:${MAX_YAML_DEPTH + 1} nesting deeper than 64 levels`]);
    // Deep enough to overflow the parser's own stack: one issue, not one per level it unwound through.
    const deep = issues(nested(20_000));
    expect(deep).to.have.length(1);
    expect(deep[0]).to.match(/nesting deeper than 64 levels$/);
  });

  it('maps count as levels too (keys and values)', () => {
    let text = 'x';
    for (let i = 0; i < MAX_YAML_DEPTH; i++) text = `{a: ${text}}`;
    expect(issues(text)).to.deep.equal([]);
    expect(issues(`{a: ${text}}`)).to.have.length(1);
  });

  it(`aliases that expand more than ${MAX_ALIAS_COUNT} times (an alias bomb) are refused at the first alias`, () => {
    expect(MAX_ALIAS_COUNT).to.equal(100);
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]', 'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]', 'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]', ''].join('\n');
    const [issue, more] = issues(bomb);
    expect(more).to.equal(undefined);
    expect(issue).to.match(/^f\.yaml:2:8 aliases expand too far \(more than 100 times; an alias bomb\?\): /);
    expect(issues('a: &a [1]\nb: *a\nc: *a\n')).to.deep.equal([]);
  });

  it('checkYamlLimits on a parsed document: positions from its own line counter', () => {
    const lc = new LineCounter();
    const doc = parseDocument('x: 1\ny: 2\nx: 3\n', { lineCounter: lc, uniqueKeys: false });
    expect(checkYamlLimits(doc, lc, 'g.yaml')).to.deep.equal([{ pos: { file: 'g.yaml', line: 3, col: 1 }, path: '', message: 'invalid YAML: Map keys must be unique' }]);
    const ok = parseDocument('x: 1\n', { lineCounter: lc });
    expect(checkYamlLimits(ok, lc, 'g.yaml')).to.deep.equal([]);
  });

  it('nestsTooDeep tells a stack overflow of the parser from other errors', () => {
    expect(nestsTooDeep(parseDocument(nested(20_000)))).to.equal(true);
    expect(nestsTooDeep(parseDocument('a: [1, 2\n'))).to.equal(false);
    expect(nestsTooDeep(parseDocument('a: 1\n'))).to.equal(false);
  });

  it('a missing file is "file not found" at 1:1 under its display name; a folder cannot be read', () => {
    const err = (f: () => unknown) => thrownBy(f, ConfigError).issues;
    expect(err(() => readYamlText(join(dir, 'nope.yaml'), 'nope.yaml'))).to.deep.equal([{ pos: { file: 'nope.yaml', line: 1, col: 1 }, path: '', message: 'file not found' }]);
    expect(err(() => readYamlText(join(dir, 'nope.yaml')))[0]?.pos?.file).to.equal(join(dir, 'nope.yaml'));
    const [folder] = err(() => readYamlText(dir, 'dir'));
    expect(folder?.message).to.match(/^cannot read file: EISDIR/);
    expect(folder?.pos).to.deep.equal({ file: 'dir', line: 1, col: 1 });
    writeFileSync(join(dir, 'bad.yaml'), 'a: [1\n');
    expect(err(() => readYamlFile(join(dir, 'bad.yaml'), 'bad.yaml'))[0]?.pos?.file).to.equal('bad.yaml');
    expect(err(() => parseYamlOrThrow('a: 1\na: 2\n', 'x.yaml'))[0]?.message).to.equal('invalid YAML: Map keys must be unique');
    writeFileSync(join(dir, 'good.yaml'), 'a: 1\n');
    expect(readYamlFile(join(dir, 'good.yaml')).doc.toJS()).to.deep.equal({ a: 1 });
    expect(readYamlText(join(dir, 'good.yaml'))).to.equal('a: 1\n');
  });

  it('finds value and key nodes by path, keys in any case, list items by index', () => {
    const r = parseYaml('Hosts:\n  web1: { Port: 22 }\nchecks: [a, b]\n', 'f.yaml');
    if ('issues' in r) throw new Error('refused');
    const { doc, ctx } = r.file;
    const at = (node: unknown) => {
      const p = ctx.posOf(node as never);
      return `${p.line}:${p.col}`;
    };
    expect(at(valueNodeAt(doc, ['hosts', 'WEB1', 'port']))).to.equal('2:17');
    expect(at(keyNodeAt(doc, ['hosts', 'web1', 'port']))).to.equal('2:11');
    expect(at(valueNodeAt(doc, ['checks', 1]))).to.equal('3:13');
    expect(at(keyNodeAt(doc, ['checks', 1]))).to.equal('3:13');
    expect(valueNodeAt(doc, ['hosts', 'web2'])).to.equal(undefined);
    expect(valueNodeAt(doc, ['checks', 5])).to.equal(undefined);
    expect(valueNodeAt(doc, ['hosts', 'web1', 'port', 'deeper'])).to.equal(undefined);
    expect(keyNodeAt(doc, ['hosts', 'nope'])).to.equal(undefined);
    expect(at(keyNodeAt(doc, ['hosts']))).to.equal('1:1');
    expect(valueNodeAt(doc, [])).to.equal(doc.contents);
  });

  it('of keys equal but for case, finds the first; finds a pair added to the map after a first lookup', () => {
    const doc = parseDocument('m: { Web: 1, web: 2, WEB: 3 }\n');
    expect((valueNodeAt(doc, ['m', 'web']) as { value: number }).value).to.equal(1);
    const m = valueNodeAt(doc, ['m']) as unknown as { add(p: unknown): void };
    m.add(doc.createPair('db', 4));
    expect((valueNodeAt(doc, ['m', 'DB']) as { value: number } | undefined)?.value).to.equal(4);
  });
});
