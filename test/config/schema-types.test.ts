// The schema combinators every config file is validated with: what each accepts, what it refuses (message, path, line:col),
// and the JSON Schema it gives editors.
import { expect } from 'chai';
import { Ctx, describeNode, INVALID, joinPath } from '../../src/config/schema/context.js';
import { t, type Schema } from '../../src/config/schema/types.js';
import { parseYaml } from '../../src/config/yaml-file.js';

/** Parses `yaml` with `schema`: the value (or INVALID) and each issue as "line:col path: message". */
function run<T>(schema: Schema<T>, yaml: string): { value: T | typeof INVALID; issues: string[] } {
  const parsed = parseYaml(yaml, 'f.yaml');
  if ('issues' in parsed) throw new Error(JSON.stringify(parsed.issues));
  const { doc, ctx } = parsed.file;
  const value = schema.parse(doc.contents, 'x', ctx);
  return { value, issues: ctx.issues.map((i) => `${i.pos?.line}:${i.pos?.col} ${i.path}: ${i.message}`) };
}

const value = <T>(schema: Schema<T>, yaml: string): T => {
  const r = run(schema, yaml);
  expect(r.issues, yaml).to.deep.equal([]);
  return r.value as T;
};
const issues = <T>(schema: Schema<T>, yaml: string): string[] => {
  const r = run(schema, yaml);
  expect(r.value, yaml).to.equal(INVALID);
  return r.issues;
};

describe('config: schema combinators', () => {
  it('string: non-empty text; numbers and booleans as text unless a pattern applies', () => {
    const s = t.string('a name');
    expect(value(s, 'web')).to.equal('web');
    expect(value(s, '22')).to.equal('22');
    expect(value(s, 'true')).to.equal('true');
    expect(issues(s, '""')).to.deep.equal(['1:1 x: expected a name, got ""']);
    expect(issues(s, '[a]')).to.deep.equal(['1:1 x: expected a name, got a list']);
    expect(issues(s, '{a: 1}')).to.deep.equal(['1:1 x: expected a name, got a map']);
    expect(issues(s, '~')).to.deep.equal(['1:1 x: expected a name, got null']);
    expect(issues(t.string(), '""')).to.deep.equal(['1:1 x: expected a string, got ""']);
    const p = t.string('a variable name', /^[A-Z]+$/);
    expect(value(p, 'HOME')).to.equal('HOME');
    expect(issues(p, 'home')).to.deep.equal(['1:1 x: expected a variable name, got "home"']);
    expect(issues(p, '12')).to.deep.equal(['1:1 x: expected a variable name, got 12']);
    expect(issues(p, 'true')).to.deep.equal(['1:1 x: expected a variable name, got true']);
    expect(s.jsonSchema()).to.deep.equal({ type: 'string' });
    expect(p.describe('Var').jsonSchema()).to.deep.equal({ description: 'Var', type: 'string', pattern: '^[A-Z]+$' });
  });

  it('int: whole numbers within the bounds, digits in a string too', () => {
    const i = t.int(1, 10);
    expect(i.expected).to.equal('an integer 1-10');
    expect(value(i, '1')).to.equal(1);
    expect(value(i, '10')).to.equal(10);
    expect(value(i, '"7"')).to.equal(7);
    for (const bad of ['0', '11', '2.5', '"7a"', '"-1"', 'x', '[1]']) expect(issues(i, bad), bad).to.have.length(1);
    expect(issues(i, '0')).to.deep.equal(['1:1 x: expected an integer 1-10, got 0']);
    expect(i.jsonSchema()).to.deep.equal({ type: 'integer', minimum: 1, maximum: 10 });
  });

  it('bool: YAML booleans and yes/no/on/off/true/false in any case', () => {
    const b = t.bool();
    expect(value(b, 'true')).to.equal(true);
    expect(value(b, 'false')).to.equal(false);
    for (const yes of ['yes', 'Yes', 'ON', '"true"']) expect(value(b, yes), yes).to.equal(true);
    for (const no of ['no', 'NO', 'off', '"False"']) expect(value(b, no), no).to.equal(false);
    expect(issues(b, 'y')).to.deep.equal(['1:1 x: expected true or false, got "y"']);
    expect(issues(b, '1')).to.deep.equal(['1:1 x: expected true or false, got 1']);
    expect(issues(b, '"yess"')).to.have.length(1);
    expect(b.jsonSchema()).to.deep.equal({ type: 'boolean' });
  });

  it('duration: as parseDuration reads it, in milliseconds', () => {
    const d = t.duration();
    expect(value(d, '30s')).to.equal(30_000);
    expect(value(d, '2')).to.equal(2000);
    expect(issues(d, 'soon')).to.deep.equal(['1:1 x: expected a duration like 500ms, 30s or 5m, got "soon"']);
    expect(issues(d, '{}')).to.deep.equal(['1:1 x: expected a duration like 500ms, 30s or 5m, got a map']);
    expect(d.jsonSchema()).to.deep.equal({ anyOf: [{ type: 'number', minimum: 0 }, { type: 'string', pattern: '^\\d+(\\.\\d+)?(ms|s|m|h)?$' }] });
  });

  it('enum: any case, aliases, a did-you-mean', () => {
    const e = t.enum(['smokeTest', 'healthCheck'] as const, { smoke: 'smokeTest', Health: 'healthCheck' });
    expect(value(e, 'SMOKETEST')).to.equal('smokeTest');
    expect(value(e, 'smoke')).to.equal('smokeTest');
    expect(value(e, 'health')).to.equal('healthCheck');
    expect(issues(e, 'smokeTset')).to.deep.equal(['1:1 x: expected one of smokeTest, healthCheck, got "smokeTset" (did you mean "smokeTest"?)']);
    expect(issues(e, 'zzzzzz')).to.deep.equal(['1:1 x: expected one of smokeTest, healthCheck, got "zzzzzz"']);
    expect(issues(e, '3')).to.deep.equal(['1:1 x: expected one of smokeTest, healthCheck, got 3']);
    expect(e.jsonSchema()).to.deep.equal({ type: 'string', enum: ['smokeTest', 'healthCheck', 'smoke', 'Health'] });
    expect(value(t.enum(['a', 'b'] as const), 'B')).to.equal('b');
  });

  it('list: a sequence, or one scalar as a one-item list; every bad item reported', () => {
    const l = t.list(t.int(1, 9));
    expect(l.expected).to.equal('a list of an integer 1-9');
    expect(value(l, '[1, 2]')).to.deep.equal([1, 2]);
    expect(value(l, '[]')).to.deep.equal([]);
    expect(value(l, '3')).to.deep.equal([3]);
    expect(value(t.list(t.string()), '"a,b"')).to.deep.equal(['a,b']);
    expect(issues(l, '[0, 2, 10]')).to.deep.equal(['1:2 x[0]: expected an integer 1-9, got 0', '1:8 x[2]: expected an integer 1-9, got 10']);
    expect(issues(l, '{a: 1}')).to.deep.equal(['1:1 x: expected a list of an integer 1-9, got a map']);
    expect(issues(l, 'true')).to.deep.equal(['1:1 x: expected a list of an integer 1-9, got true']);
    expect(issues(l, '0')).to.deep.equal(['1:1 x: expected an integer 1-9, got 0']);
    expect(l.jsonSchema()).to.deep.equal({ anyOf: [{ type: 'array', items: { type: 'integer', minimum: 1, maximum: 9 } }, { type: 'string' }] });
  });

  it('commaList: "a, b" is two items, blanks dropped', () => {
    const c = t.commaList(t.string('a hop'));
    expect(c.expected).to.equal('a list (or a comma-separated string) of a hop');
    expect(value(c, '"j1, j2,,j3 "')).to.deep.equal(['j1', 'j2', 'j3']);
    expect(value(c, '[j1, "j2,j3"]')).to.deep.equal(['j1', 'j2,j3']);
    expect(value(c, '7')).to.deep.equal(['7']);
    expect(issues(t.commaList(t.int(1, 5)), '"1,9"')).to.deep.equal(['1:1 x: expected an integer 1-5, got "9"']);
  });

  it('any: the plain value', () => {
    expect(value(t.any(), '{a: [1, b]}')).to.deep.equal({ a: [1, 'b'] });
    expect(value(t.any(), '~')).to.equal(null);
    expect(t.any().jsonSchema()).to.deep.equal({});
    expect(t.any().describe('Free').jsonSchema()).to.deep.equal({ description: 'Free' });
  });

  it('record: free keys; empty or null is {}; keys may be checked; keepValid keeps the good entries', () => {
    const r = t.record(t.int(1, 9));
    expect(value(r, '{a: 1, b: 2}')).to.deep.equal({ a: 1, b: 2 });
    expect(value(r, '~')).to.deep.equal({});
    expect(value(r, '')).to.deep.equal({});
    expect(issues(r, '[1]')).to.deep.equal(['1:1 x: expected a map, got a list']);
    expect(issues(r, '{a: 1, b: 0}')).to.deep.equal(['1:11 x.b: expected an integer 1-9, got 0']);
    const keep = run(t.record(t.int(1, 9), { keepValid: true }), '{a: 1, b: 0}');
    expect(keep.value).to.deep.equal({ a: 1 });
    expect(keep.issues).to.have.length(1);
    const env = t.record(t.string(), { key: { pattern: /^[A-Z_]+$/, expected: 'a variable name' } });
    expect(value(env, '{HOME: /root}')).to.deep.equal({ HOME: '/root' });
    expect(issues(env, '{HOME: /root, bad-name: x}')).to.deep.equal(['1:15 x.bad-name: expected a variable name as key, got "bad-name"']);
    expect(r.jsonSchema()).to.deep.equal({ type: 'object', additionalProperties: { type: 'integer', minimum: 1, maximum: 9 } });
    expect(env.jsonSchema()).to.deep.equal({ type: 'object', propertyNames: { pattern: '^[A-Z_]+$' }, additionalProperties: { type: 'string' } });
  });

  it('object: known keys only (with a did-you-mean), case-insensitive when asked, duplicates refused', () => {
    const o = t.object({ port: t.int(1, 99), user: t.string() });
    expect(value(o, '{port: 22, user: me}')).to.deep.equal({ port: 22, user: 'me' });
    expect(value(o, '~')).to.deep.equal({});
    expect(issues(o, '{prot: 22}')).to.deep.equal(['1:2 x.prot: unknown key "prot" (did you mean "port"?); expected one of port, user']);
    expect(issues(o, '{Port: 22}')).to.deep.equal(['1:2 x.Port: unknown key "Port" (did you mean "port"?); expected one of port, user']);
    expect(issues(o, '[1]')).to.deep.equal(['1:1 x: expected a map, got a list']);
    expect(issues(o, '{port: 0, user: ""}')).to.deep.equal(['1:8 x.port: expected an integer 1-99, got 0', '1:17 x.user: expected a string, got ""']);
    const ci = t.object({ command: t.string() }, { caseInsensitive: true });
    expect(value(ci, '{Command: ls}')).to.deep.equal({ command: 'ls' });
    expect(issues(ci, '{command: ls, COMMAND: df}')).to.deep.equal(['1:15 x.COMMAND: duplicate key "COMMAND" (already given as "command")']);
  });

  it('object: partial results keep the keys that passed', () => {
    const o = t.object({ port: t.int(1, 99), user: t.string() });
    const parsed = parseYaml('{port: 0, user: me}', 'f.yaml');
    if ('issues' in parsed) throw new Error('parse');
    const r = o.parsePartial(parsed.file.doc.contents, '', parsed.file.ctx);
    expect(r).to.deep.equal({ value: { user: 'me' }, ok: false });
    const scalar = parseYaml('3', 'f.yaml');
    if ('issues' in scalar) throw new Error('parse');
    expect(o.parsePartial(scalar.file.doc.contents, '', scalar.file.ctx)).to.deep.equal({ value: {}, ok: false });
  });

  it('object: restInto gathers unknown keys, beside (and under) explicit ones', () => {
    const o = t.object({ command: t.string(), params: t.record(t.any()) }, { restInto: 'params', caseInsensitive: true });
    expect(value(o, '{command: ls, url: x, params: {url: y, n: 1}}')).to.deep.equal({ command: 'ls', params: { url: 'y', n: 1 } });
    expect(value(o, '{command: ls, greeting: hi}')).to.deep.equal({ command: 'ls', params: { greeting: 'hi' } });
    expect(value(o, '{command: ls}')).to.deep.equal({ command: 'ls' });
    expect(o.jsonSchema()).to.include({ type: 'object', additionalProperties: true });
  });

  it('object: required keys and oneOf', () => {
    const req = t.object({ path: t.string(), pattern: t.string() }, { required: ['path', 'pattern'] });
    expect(issues(req, '{path: /x}')).to.deep.equal(['1:1 x: missing required key "pattern"']);
    expect(issues(req, '~')).to.deep.equal(['1:1 x: missing required key "path"', '1:1 x: missing required key "pattern"']);
    expect(req.jsonSchema()).to.deep.equal({ type: 'object', properties: { path: { type: 'string' }, pattern: { type: 'string' } }, additionalProperties: false, required: ['path', 'pattern'] });
    const one = t.object({ a: t.string(), b: t.string(), c: t.string() }, { oneOf: { keys: ['a', 'b'], exactlyOne: true } });
    expect(value(one, '{a: x, c: z}')).to.deep.equal({ a: 'x', c: 'z' });
    expect(issues(one, '{a: x, b: y}')).to.deep.equal(['1:1 x: expected exactly one of a, b, got a and b']);
    expect(issues(one, '{c: z}')).to.deep.equal(['1:1 x: expected exactly one of a, b, got neither']);
    const atMost = t.object({ a: t.string(), b: t.string() }, { oneOf: { keys: ['a', 'b'], exactlyOne: false } });
    expect(value(atMost, '{}')).to.deep.equal({});
    expect(issues(atMost, '{a: x, b: y}')).to.deep.equal(['1:1 x: expected exactly one of a, b, got a and b']);
    expect(t.object({ a: t.string() }).jsonSchema()).to.deep.equal({ type: 'object', properties: { a: { type: 'string' } }, additionalProperties: false });
  });

  it('object: YAML merge keys (<<: *base) fill what the map does not set itself', () => {
    const o = t.object({ port: t.int(1, 9999), user: t.string(), vars: t.record(t.any()) });
    const yaml = 'base: &b { port: 22, user: base }\nextra: &e { vars: { a: 1 } }\nhost:\n  <<: [*b, *e]\n  user: me\n';
    const parsed = parseYaml(yaml, 'f.yaml');
    if ('issues' in parsed) throw new Error('parse');
    const { doc, ctx } = parsed.file;
    const host = (doc.contents as { get(k: string, keep: true): unknown }).get('host', true);
    expect(o.parse(host as never, 'host', ctx)).to.deep.equal({ port: 22, user: 'me', vars: { a: 1 } });
    const single = parseYaml('base: &b { port: 22 }\nhost: { <<: *b }\n', 'f.yaml');
    if ('issues' in single) throw new Error('parse');
    const h2 = (single.file.doc.contents as { get(k: string, keep: true): unknown }).get('host', true);
    expect(o.parse(h2 as never, 'host', single.file.ctx)).to.deep.equal({ port: 22 });
  });

  it('an alias is validated as the node it names', () => {
    const o = t.object({ port: t.int(1, 99), list: t.list(t.int(1, 99)) });
    const parsed = parseYaml('a: &p 7\nb: &l [1]\nh: { port: *p, list: *l }\n', 'f.yaml');
    if ('issues' in parsed) throw new Error('parse');
    const h = (parsed.file.doc.contents as { get(k: string, keep: true): unknown }).get('h', true);
    expect(o.parse(h as never, 'h', parsed.file.ctx)).to.deep.equal({ port: 7, list: [1] });
  });

  it('union: the first alternative that fits; else the issues of the one shaped like the value', () => {
    const u = t.union<unknown>(t.string('a parser name'), t.object({ type: t.string('a parser type') }));
    expect(u.expected).to.equal('a parser name or a map');
    expect(value(u, 'nagios')).to.equal('nagios');
    expect(value(u, '{type: regex}')).to.deep.equal({ type: 'regex' });
    expect(issues(u, '{tpye: regex}')).to.deep.equal(['1:2 x.tpye: unknown key "tpye" (did you mean "type"?); expected one of type']);
    expect(issues(u, '[a]')).to.deep.equal(['1:1 x: expected a parser name or a map, got a list']);
    const withList = t.union<unknown>(t.string('a path'), t.list(t.int(1, 5)));
    expect(issues(withList, '[9]')).to.deep.equal(['1:2 x[0]: expected an integer 1-5, got 9']);
    expect(issues(withList, '{}')).to.deep.equal(['1:1 x: expected a path or a list of an integer 1-5, got a map']);
    expect(u.describe('P').jsonSchema()).to.deep.equal({ description: 'P', anyOf: [{ type: 'string' }, { type: 'object', properties: { type: { type: 'string' } }, additionalProperties: false }] });
  });

  it('paths: dotted for plain keys, bracketed and quoted for the rest', () => {
    expect(joinPath('', 'hosts')).to.equal('hosts');
    expect(joinPath('hosts', 'web[01:03]')).to.equal('hosts.web[01:03]');
    expect(joinPath('groups', 'a_b-c*?~!&')).to.equal('groups.a_b-c*?~!&');
    expect(joinPath('hosts', 'a.b')).to.equal('hosts["a.b"]');
    expect(joinPath('vars', 'two words')).to.equal('vars["two words"]');
    expect(joinPath('', 'a.b')).to.equal('["a.b"]');
    expect(joinPath('list', 3)).to.equal('list[3]');
  });

  it('describes nodes for "got ..."', () => {
    const parsed = parseYaml('a: x\nb: 3\nc: ~\nd: [1]\ne: {f: 1}\ng: true\n', 'f.yaml');
    if ('issues' in parsed) throw new Error('parse');
    const map = parsed.file.doc.contents as { get(k: string, keep: true): unknown };
    expect(['a', 'b', 'c', 'd', 'e', 'g'].map((k) => describeNode(map.get(k, true) as never))).to.deep.equal(['"x"', '3', 'null', 'a list', 'a map', 'true']);
    expect(describeNode(null)).to.equal('nothing');
    expect(describeNode(undefined)).to.equal('nothing');
  });

  it('a context without positions reports at 1:1 and converts nodes without a document', () => {
    const ctx = new Ctx('inline', undefined, undefined);
    expect(ctx.posOf(undefined)).to.deep.equal({ file: 'inline', line: 1, col: 1 });
    expect(ctx.report(null, 'p', 'm')).to.equal(INVALID);
    expect(ctx.issues).to.deep.equal([{ pos: { file: 'inline', line: 1, col: 1 }, path: 'p', message: 'm' }]);
    expect(ctx.toJS(null)).to.equal(null);
    const parsed = parseYaml('x: [1, 2]\n', 'f.yaml');
    if ('issues' in parsed) throw new Error('parse');
    expect(ctx.toJS(parsed.file.doc.contents)).to.deep.equal({ x: [1, 2] });
    expect(parsed.file.ctx.posOf((parsed.file.doc.contents as unknown as { get(k: string, keep: true): never }).get('x', true))).to.deep.equal({ file: 'f.yaml', line: 1, col: 4 });
  });
});
