// Schema combinators: each validates a YAML node (with positions) and emits its JSON Schema.
import { isMap, isScalar, isSeq, type Pair, type YAMLMap } from 'yaml';
import { parseDuration } from '../duration.js';
import { didYouMean } from '../suggest.js';
import { Ctx, INVALID, describeNode, joinPath, type Out, type YNode } from './context.js';

export type JsonSchema = Record<string, unknown>;

/** A validator for one kind of value. */
export abstract class Schema<T> {
  /** What the value should be, for "expected X" messages. */
  abstract readonly expected: string;
  /** Validates a node; records issues in ctx and returns INVALID when it fails. */
  abstract parse(node: YNode, path: string, ctx: Ctx): Out<T>;
  /** The JSON Schema for editors. */
  abstract jsonSchema(): JsonSchema;
  description: string | undefined;
  /** Sets the description shown by editors. */
  describe(text: string): this {
    this.description = text;
    return this;
  }
  protected withDescription(schema: JsonSchema): JsonSchema {
    return this.description ? { description: this.description, ...schema } : schema;
  }
  protected fail(node: YNode, path: string, ctx: Ctx): typeof INVALID {
    return ctx.report(node, path, `expected ${this.expected}, got ${describeNode(node)}`);
  }
}

export type Infer<S> = S extends Schema<infer T> ? T : never;

function scalarValue(node: YNode): unknown {
  return node && isScalar(node) ? node.value : INVALID;
}

export class StringSchema extends Schema<string> {
  constructor(
    readonly expected = 'a string',
    private readonly pattern?: RegExp,
  ) {
    super();
  }
  parse(node: YNode, path: string, ctx: Ctx): Out<string> {
    const n = ctx.resolve(node);
    const v = scalarValue(n);
    if (typeof v === 'string' && v !== '' && (!this.pattern || this.pattern.test(v))) return v;
    if ((typeof v === 'number' || typeof v === 'boolean') && !this.pattern) return String(v);
    return this.fail(n, path, ctx);
  }
  jsonSchema(): JsonSchema {
    return this.withDescription({ type: 'string', ...(this.pattern ? { pattern: this.pattern.source } : {}) });
  }
}

export class IntSchema extends Schema<number> {
  readonly expected: string;
  constructor(
    private readonly min: number,
    private readonly max: number,
  ) {
    super();
    this.expected = `an integer ${min}-${max}`;
  }
  parse(node: YNode, path: string, ctx: Ctx): Out<number> {
    const n = ctx.resolve(node);
    const v = scalarValue(n);
    const num = typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : NaN;
    if (Number.isInteger(num) && num >= this.min && num <= this.max) return num;
    return this.fail(n, path, ctx);
  }
  jsonSchema(): JsonSchema {
    return this.withDescription({ type: 'integer', minimum: this.min, maximum: this.max });
  }
}

export class BoolSchema extends Schema<boolean> {
  readonly expected = 'true or false';
  parse(node: YNode, path: string, ctx: Ctx): Out<boolean> {
    const n = ctx.resolve(node);
    const v = scalarValue(n);
    if (typeof v === 'boolean') return v;
    if (typeof v === 'string' && /^(yes|no|true|false|on|off)$/i.test(v)) return /^(yes|true|on)$/i.test(v);
    return this.fail(n, path, ctx);
  }
  jsonSchema(): JsonSchema {
    return this.withDescription({ type: 'boolean' });
  }
}

export class DurationSchema extends Schema<number> {
  readonly expected = 'a duration like 500ms, 30s or 5m';
  parse(node: YNode, path: string, ctx: Ctx): Out<number> {
    const n = ctx.resolve(node);
    const ms = parseDuration(scalarValue(n));
    return ms === undefined ? this.fail(n, path, ctx) : ms;
  }
  jsonSchema(): JsonSchema {
    return this.withDescription({
      anyOf: [{ type: 'number', minimum: 0 }, { type: 'string', pattern: '^\\d+(\\.\\d+)?(ms|s|m|h)?$' }],
    });
  }
}

export class EnumSchema<T extends string> extends Schema<T> {
  readonly expected: string;
  constructor(
    private readonly values: readonly T[],
    private readonly aliases: Record<string, T> = {},
  ) {
    super();
    this.expected = `one of ${values.join(', ')}`;
  }
  parse(node: YNode, path: string, ctx: Ctx): Out<T> {
    const n = ctx.resolve(node);
    const v = scalarValue(n);
    if (typeof v === 'string') {
      const hit = this.values.find((x) => x.toLowerCase() === v.toLowerCase());
      if (hit) return hit;
      const alias = Object.entries(this.aliases).find(([k]) => k.toLowerCase() === v.toLowerCase());
      if (alias) return alias[1];
      const all = [...this.values, ...Object.keys(this.aliases)];
      return ctx.report(n, path, `expected ${this.expected}, got ${describeNode(n)}${didYouMean(v, all)}`);
    }
    return this.fail(n, path, ctx);
  }
  jsonSchema(): JsonSchema {
    return this.withDescription({ type: 'string', enum: [...this.values, ...Object.keys(this.aliases)] });
  }
}

export class ListSchema<T> extends Schema<T[]> {
  readonly expected: string;
  constructor(
    private readonly item: Schema<T>,
    private readonly commaString: boolean,
  ) {
    super();
    this.expected = commaString ? `a list (or a comma-separated string) of ${item.expected}` : `a list of ${item.expected}`;
  }
  parse(node: YNode, path: string, ctx: Ctx): Out<T[]> {
    const n = ctx.resolve(node);
    if (n && isSeq(n)) {
      const out: T[] = [];
      let bad = false;
      n.items.forEach((it, i) => {
        const v = this.item.parse(it as YNode, joinPath(path, i), ctx);
        if (v === INVALID) bad = true;
        else out.push(v);
      });
      return bad ? INVALID : out;
    }
    if (n && isScalar(n) && (typeof n.value === 'string' || typeof n.value === 'number')) {
      // A single scalar is a one-item list; with commaString, "a,b" is two items.
      const parts = this.commaString ? String(n.value).split(',').map((s) => s.trim()).filter(Boolean) : [n.value];
      const out: T[] = [];
      for (const p of parts) {
        const v = this.item.parse(new (n.constructor as new (v: unknown) => typeof n)(p), path, ctx);
        if (v === INVALID) return INVALID;
        out.push(v);
      }
      return out;
    }
    return this.fail(n, path, ctx);
  }
  jsonSchema(): JsonSchema {
    const arr = { type: 'array', items: this.item.jsonSchema() };
    return this.withDescription({ anyOf: [arr, { type: 'string' }] });
  }
}

export class AnySchema extends Schema<unknown> {
  readonly expected = 'any value';
  parse(node: YNode, _path: string, ctx: Ctx): Out<unknown> {
    return ctx.toJS(node);
  }
  jsonSchema(): JsonSchema {
    return this.withDescription({});
  }
}

/** Options of a record (a map of free keys). */
export interface RecordOptions {
  key?: { pattern: RegExp; expected: string };
  keepValid?: boolean;
}

export class RecordSchema<T> extends Schema<Record<string, T>> {
  readonly expected = 'a map';
  constructor(
    private readonly value: Schema<T>,
    /** Keys must match `key.pattern` (names that reach a shell, such as environment variables); with `keepValid`, the
     *  entries that validated are kept when others did not (their issues are still recorded), so later checks see them. */
    private readonly options: RecordOptions = {},
  ) {
    super();
  }
  parse(node: YNode, path: string, ctx: Ctx): Out<Record<string, T>> {
    const n = ctx.resolve(node);
    if (n === null || n === undefined || (isScalar(n) && n.value === null)) return {};
    if (!isMap(n)) return this.fail(n, path, ctx);
    const out: Record<string, T> = {};
    let bad = false;
    for (const pair of mapPairs(n, ctx)) {
      const key = keyOf(pair);
      const keyRule = this.options.key;
      if (keyRule && !keyRule.pattern.test(key)) {
        ctx.report(pair.key as YNode, joinPath(path, key), `expected ${keyRule.expected} as key, got ${JSON.stringify(key)}`);
        bad = true;
        continue;
      }
      const v = this.value.parse(pair.value as YNode, joinPath(path, key), ctx);
      if (v === INVALID) bad = true;
      else out[key] = v;
    }
    return bad && !this.options.keepValid ? INVALID : out;
  }
  jsonSchema(): JsonSchema {
    return this.withDescription({ type: 'object', ...(this.options.key ? { propertyNames: { pattern: this.options.key.pattern.source } } : {}), additionalProperties: this.value.jsonSchema() });
  }
}

/** Options of an object schema. */
export interface ObjectOptions {
  /** Keys match whatever their case (Smoker's `Command` = `command`). */
  caseInsensitive?: boolean;
  /** Unknown keys are collected (as plain JS) into this field instead of being rejected. */
  restInto?: string;
  /** Keys that must be present. */
  required?: readonly string[];
  /** Keys of which at most one may be present (and with `exactlyOne`, exactly one). */
  oneOf?: { keys: readonly string[]; exactlyOne: boolean };
}

type Fields = Record<string, Schema<unknown>>;
export type ObjectOf<F extends Fields> = { [K in keyof F]?: Infer<F[K]> };

export class ObjectSchema<F extends Fields> extends Schema<ObjectOf<F> & Record<string, unknown>> {
  readonly expected = 'a map';
  constructor(
    readonly fields: F,
    readonly options: ObjectOptions = {},
  ) {
    super();
  }
  parse(node: YNode, path: string, ctx: Ctx): Out<ObjectOf<F> & Record<string, unknown>> {
    const { value, ok } = this.parsePartial(node, path, ctx);
    return ok ? value : INVALID;
  }
  /** Validates every field, keeping those that passed even when others failed (to report all problems at once). */
  parsePartial(node: YNode, path: string, ctx: Ctx): { value: ObjectOf<F> & Record<string, unknown>; ok: boolean } {
    const n = ctx.resolve(node);
    if (n === null || n === undefined || (isScalar(n) && n.value === null)) {
      const done = this.finish({}, n, path, ctx);
      return { value: done === INVALID ? {} : done, ok: done !== INVALID } as never;
    }
    if (!isMap(n)) {
      this.fail(n, path, ctx);
      return { value: {}, ok: false } as never;
    }
    const names = Object.keys(this.fields);
    const out: Record<string, unknown> = {};
    const rest: Record<string, unknown> = {};
    const seen = new Map<string, string>();
    let bad = false;
    for (const pair of mapPairs(n, ctx)) {
      const key = keyOf(pair);
      const canonical = this.options.caseInsensitive ? names.find((f) => f.toLowerCase() === key.toLowerCase()) : names.find((f) => f === key);
      const keyPath = joinPath(path, key);
      if (!canonical) {
        if (this.options.restInto) rest[key] = ctx.toJS(pair.value as YNode);
        else {
          ctx.report(pair.key as YNode, keyPath, `unknown key "${key}"${didYouMean(key, names)}; expected one of ${names.join(', ')}`);
          bad = true;
        }
        continue;
      }
      const dup = seen.get(canonical);
      if (dup !== undefined) {
        ctx.report(pair.key as YNode, keyPath, `duplicate key "${key}" (already given as "${dup}")`);
        bad = true;
        continue;
      }
      seen.set(canonical, key);
      const v = (this.fields[canonical] as Schema<unknown>).parse(pair.value as YNode, keyPath, ctx);
      if (v === INVALID) bad = true;
      else out[canonical] = v;
    }
    if (this.options.restInto && Object.keys(rest).length > 0) {
      const explicit = out[this.options.restInto];
      out[this.options.restInto] = { ...rest, ...(typeof explicit === 'object' && explicit ? explicit : {}) };
    }
    if (bad) return { value: out, ok: false } as never;
    const done = this.finish(out, n, path, ctx);
    return { value: out, ok: done !== INVALID } as never;
  }
  private finish(out: Record<string, unknown>, node: YNode, path: string, ctx: Ctx): Out<ObjectOf<F> & Record<string, unknown>> {
    let bad = false;
    for (const r of this.options.required ?? []) {
      if (out[r] === undefined) {
        ctx.report(node, path, `missing required key "${r}"`);
        bad = true;
      }
    }
    const one = this.options.oneOf;
    if (one) {
      const present = one.keys.filter((k) => out[k] !== undefined);
      if (present.length > 1 || (one.exactlyOne && present.length === 0)) {
        const got = present.length ? present.join(' and ') : 'neither';
        ctx.report(node, path, `expected exactly one of ${one.keys.join(', ')}, got ${got}`);
        bad = true;
      }
    }
    return bad ? INVALID : (out as ObjectOf<F> & Record<string, unknown>);
  }
  jsonSchema(): JsonSchema {
    const properties: Record<string, JsonSchema> = {};
    for (const [k, s] of Object.entries(this.fields)) properties[k] = s.jsonSchema();
    return this.withDescription({
      type: 'object',
      properties,
      additionalProperties: this.options.restInto !== undefined || this.options.caseInsensitive === true,
      ...(this.options.required?.length ? { required: [...this.options.required] } : {}),
    });
  }
}

export class UnionSchema<T> extends Schema<T> {
  readonly expected: string;
  constructor(private readonly options: readonly Schema<T>[]) {
    super();
    this.expected = options.map((o) => o.expected).join(' or ');
  }
  parse(node: YNode, path: string, ctx: Ctx): Out<T> {
    // Try each alternative on a scratch context; keep the first that validates.
    for (const o of this.options) {
      const scratch = new Ctx(ctx.file, ctx.doc, ctx.lineCounter);
      const v = o.parse(node, path, scratch);
      if (v !== INVALID) return v;
    }
    // Report the issues of the alternative matching the node's shape, or a generic one.
    const n = ctx.resolve(node);
    const shaped = this.options.find((o) => (isMap(n) ? o.expected === 'a map' : isSeq(n) ? o instanceof ListSchema : false));
    if (shaped) return shaped.parse(node, path, ctx);
    return this.fail(n, path, ctx);
  }
  jsonSchema(): JsonSchema {
    return this.withDescription({ anyOf: this.options.map((o) => o.jsonSchema()) });
  }
}

/** The pairs of a map, with YAML merge keys (`<<: *base`) expanded; explicit keys win. */
export function mapPairs(map: YAMLMap, ctx: Ctx): Pair[] {
  // Most maps merge nothing: no copies then (100,000 host maps).
  if (!map.items.some((p) => keyOf(p) === '<<')) return map.items as Pair[];
  const own = map.items.filter((p) => keyOf(p) !== '<<');
  const merged: Pair[] = [];
  for (const p of map.items) {
    if (keyOf(p) !== '<<') continue;
    const v = ctx.resolve(p.value as YNode);
    const sources = v && isSeq(v) ? v.items.map((i) => ctx.resolve(i as YNode)) : [v];
    for (const s of sources) if (s && isMap(s)) merged.push(...mapPairs(s, ctx));
  }
  const ownKeys = new Set(own.map(keyOf));
  return [...own, ...merged.filter((p) => !ownKeys.has(keyOf(p)))];
}

/** The string form of a pair's key. */
export function keyOf(pair: Pair): string {
  const k = pair.key;
  // yaml marks merge keys with a symbol when `merge: true`.
  if (k && isScalar(k)) return typeof k.value === 'symbol' ? '<<' : String(k.value);
  return String(k);
}

/** Schema constructors. */
export const t = {
  string: (expected?: string, pattern?: RegExp) => new StringSchema(expected, pattern),
  int: (min: number, max: number) => new IntSchema(min, max),
  bool: () => new BoolSchema(),
  duration: () => new DurationSchema(),
  enum: <T extends string>(values: readonly T[], aliases?: Record<string, T>) => new EnumSchema(values, aliases),
  list: <T>(item: Schema<T>) => new ListSchema(item, false),
  commaList: <T>(item: Schema<T>) => new ListSchema(item, true),
  record: <T>(value: Schema<T>, options?: RecordOptions) => new RecordSchema(value, options),
  object: <F extends Fields>(fields: F, options?: ObjectOptions) => new ObjectSchema(fields, options),
  union: <T>(...options: Schema<T>[]) => new UnionSchema<T>(options),
  any: () => new AnySchema(),
};

