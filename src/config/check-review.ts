// Load-time review of a check or service beyond its schema: keys that are typos, module parameters, hosts: and templates per host.
import { isMap, isScalar, isSeq, type Document } from 'yaml';
import type { ConfigIssue, SourcePos } from '../errors.js';
import { isBuiltinModule } from '../modules/catalog.js';
import { checkModuleParams } from '../modules/validate-params.js';
import type { ServiceDef } from './check-types.js';
import { referencedNames, reviewParamKeys, type ParamKey } from './check-keys.js';
import { checkFields } from './checks-schema.js';
import { reviewHostPattern } from './host-pattern-review.js';
import { keyOf } from './schema/types.js';
import { TemplateReview } from './template-review.js';
import type { HostConfig, Inventory } from './types.js';
import { valueNodeAt } from './yaml-nodes.js';

/** A check, template or service as written in one file, with positions. */
export interface CheckLayer {
  readonly name: string;
  readonly section: string;
  readonly doc: Document;
  readonly valueAt: (path: (string | number)[]) => SourcePos;
  readonly keyAt: (path: (string | number)[]) => SourcePos;
}

/** An issue found by a review; warnings become errors with --strict. */
export interface Review {
  readonly level: 'error' | 'warning';
  readonly issue: ConfigIssue;
}

/** The key reviews of one check: its own keys' problems, and for each key it inherits from a template, that key's problem if any. */
export interface KeyReviews {
  readonly own: Review[];
  /** Template key (`templates.Web.url`) → its problem in this check, or undefined when this check uses it. */
  readonly inherited: Map<string, Review | undefined>;
}

/** A check after templates, as far as the review needs it. */
export interface MergedCheck {
  command?: string | undefined;
  maintenanceLock?: string | undefined;
  hosts?: string | undefined;
  parser?: unknown;
  params?: Record<string, unknown> | undefined;
}

const CHECK_KEYS = Object.keys(checkFields).filter((k) => k !== 'params');

interface KeySource extends ParamKey {
  readonly layer: CheckLayer;
}

/** Judges the keys that became parameters, and a built-in module's parameter values (layers: BasePlugin, template, check). */
export function reviewCheckKeys(layers: readonly CheckLayer[], merged: MergedCheck, module: string | undefined): KeyReviews {
  const keys = paramKeys(layers);
  const params = merged.params ?? {};
  const use = { module, parser: merged.parser, referenced: referencedNames(merged.command, merged.maintenanceLock, params, merged.parser), checkKeys: CHECK_KEYS };
  const out: Review[] = [];
  const own = layers[layers.length - 1];
  const inherited = new Map<string, Review | undefined>();
  for (const src of keys.values()) if (src.layer !== own) inherited.set(paramPath(src), undefined);
  for (const p of reviewParamKeys([...keys.values()], use)) {
    const src = keys.get(p.key.toLowerCase());
    const review = { level: p.level, issue: { pos: src ? keyPos(src) : undefined, path: src ? paramPath(src) : p.key, message: p.message } };
    // A template's key may serve only some of the checks using it: judged over all of them by the caller.
    if (src && src.layer !== own) inherited.set(paramPath(src), review);
    else out.push(review);
  }
  if (module !== undefined && isBuiltinModule(module)) {
    const last = layers[layers.length - 1];
    // A value with a template is judged once filled in, at run time (it still counts as given).
    const templated = (key: string) => {
      const v = Object.entries(params).find(([k]) => k.toLowerCase() === key.toLowerCase())?.[1];
      return typeof v === 'string' && /\{\{|%\(/.test(v);
    };
    for (const i of checkModuleParams(module, params)) {
      if (i.level !== 'error' || templated(i.param)) continue;
      const src = keys.get(i.param.toLowerCase());
      const pos = src ? valuePos(src) : last?.keyAt([last.section, last.name]);
      out.push({ level: 'error', issue: { pos, path: src ? paramPath(src) : last ? `${last.section}.${last.name}` : i.param, message: i.message } });
    }
  }
  return { own: out, inherited };
}

/** Joins the template-key verdicts of every check: a key some check uses is fine; otherwise its first problem, once. */
export function judgeTemplateKeys(verdicts: readonly Map<string, Review | undefined>[]): Review[] {
  const used = new Set<string>();
  const problems = new Map<string, Review>();
  for (const v of verdicts) {
    for (const [key, review] of v) {
      if (review === undefined) used.add(key);
      else if (!problems.has(key)) problems.set(key, review);
    }
  }
  return [...problems].filter(([key]) => !used.has(key)).map(([, r]) => r);
}

/** Resolves the check's hosts: pattern and every template in it for each host it runs on. */
export function reviewCheckAgainstHosts(inventory: Inventory, layers: readonly CheckLayer[], merged: MergedCheck): Review[] {
  const out: Review[] = [];
  let hosts: readonly HostConfig[] = inventory.hosts;
  if (merged.hosts !== undefined) {
    const layer = lastWith(layers, 'hosts');
    const r = reviewHostPattern(merged.hosts, universeOf(inventory));
    if (r.problem && layer) out.push({ level: r.problem.level, issue: { pos: layer.valueAt([layer.section, layer.name, 'hosts']), path: `${layer.section}.${layer.name}.hosts`, message: r.problem.message } });
    const names = new Set(r.hosts);
    hosts = inventory.hosts.filter((h) => names.has(h.name));
  }
  const params = merged.params ?? {};
  const keys = paramKeys(layers);
  // The strings to fill, with their places, found once; each is then checked for every host.
  const review = new TemplateReview();
  for (const field of ['command', 'maintenanceLock'] as const) {
    const layer = lastWith(layers, field);
    if (layer) review.add(merged[field], true, { pos: layer.valueAt([layer.section, layer.name, field]), path: `${layer.section}.${layer.name}.${field}` });
  }
  // Parameter values are filled from the host's values only (not from each other), as at run time.
  for (const [key, value] of Object.entries(params)) {
    const src = keys.get(key.toLowerCase());
    if (hasTemplate(value)) review.add(value, false, { pos: src ? valuePos(src) : undefined, path: src ? paramPath(src) : key });
  }
  if (review.empty) return out;
  const paramNames = new Set(Object.keys(params).map((k) => k.toLowerCase()));
  for (const host of hosts) review.checkHost(host, paramNames);
  return [...out, ...review.issues().map((issue) => ({ level: 'error' as const, issue }))];
}

/** Resolves a service's hosts: pattern and every template in its commands, paths, URLs and env for each of its hosts. */
export function reviewServiceAgainstHosts(inventory: Inventory, layer: CheckLayer, def: ServiceDef): Review[] {
  const out: Review[] = [];
  const base = [layer.section, layer.name];
  let hosts: readonly HostConfig[] = inventory.hosts;
  if (def.hosts !== undefined) {
    const r = reviewHostPattern(def.hosts, universeOf(inventory));
    if (r.problem) out.push({ level: r.problem.level, issue: { pos: layer.valueAt([...base, 'hosts']), path: `${base.join('.')}.hosts`, message: r.problem.message } });
    const names = new Set(r.hosts);
    hosts = inventory.hosts.filter((h) => names.has(h.name));
  }
  const strings: { path: (string | number)[]; text: string }[] = [];
  const walk = (node: unknown, path: (string | number)[]): void => {
    if (isScalar(node) && typeof node.value === 'string') strings.push({ path, text: node.value });
    else if (isSeq(node)) node.items.forEach((item, i) => walk(item, [...path, i]));
    else if (isMap(node)) for (const pair of node.items) {
      const key = keyOf(pair);
      // Host patterns and watcher regexes are not filled in.
      if (!['hosts', 'patterns'].includes(key.toLowerCase())) walk(pair.value, [...path, key]);
    }
  };
  walk(valueNodeAt(layer.doc, base), []);
  const review = new TemplateReview();
  for (const s of strings) if (hasTemplate(s.text)) review.add(s.text, false, { pos: layer.valueAt([...base, ...s.path]), path: [...base, ...s.path].join('.') });
  if (!review.empty) for (const host of hosts) review.checkHost(host);
  return [...out, ...review.issues().map((issue) => ({ level: 'error' as const, issue }))];
}

function hasTemplate(text: unknown): text is string {
  return typeof text === 'string' && (text.includes('{{') || text.includes('%('));
}

function universeOf(inventory: Inventory) {
  return { hosts: inventory.hosts.map((h) => h.name), groups: inventory.groups };
}

// The keys that became parameters, by lower-case name; a later layer (the check) wins over a template.
function paramKeys(layers: readonly CheckLayer[]): Map<string, KeySource> {
  const out = new Map<string, KeySource>();
  for (const layer of layers) {
    const node = valueNodeAt(layer.doc, [layer.section, layer.name]);
    if (!isMap(node)) continue;
    for (const pair of node.items) {
      const key = keyOf(pair);
      if (key === '<<') continue;
      const lower = key.toLowerCase();
      if (lower === 'params') {
        if (isMap(pair.value)) for (const p of pair.value.items) out.set(keyOf(p).toLowerCase(), { key: keyOf(p), explicit: true, layer });
      } else if (!CHECK_KEYS.some((k) => k.toLowerCase() === lower)) out.set(lower, { key, explicit: false, layer });
    }
  }
  return out;
}

function lastWith(layers: readonly CheckLayer[], field: string): CheckLayer | undefined {
  return [...layers].reverse().find((l) => {
    const node = valueNodeAt(l.doc, [l.section, l.name]);
    return isMap(node) && node.items.some((p) => keyOf(p).toLowerCase() === field.toLowerCase());
  });
}

function keyPath(src: KeySource): (string | number)[] {
  return src.explicit ? [src.layer.section, src.layer.name, 'params', src.key] : [src.layer.section, src.layer.name, src.key];
}

function keyPos(src: KeySource): SourcePos {
  return src.layer.keyAt(keyPath(src));
}

function valuePos(src: KeySource): SourcePos {
  return src.layer.valueAt(keyPath(src));
}

function paramPath(src: KeySource): string {
  return keyPath(src).join('.');
}
