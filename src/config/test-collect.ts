// Collection of `smoker test`: load every test file, expand parameters, check names against the inventory and
// check files, select. Every problem is found before anything runs (ConfigError, exit 2).
import { readFileSync } from 'node:fs';
import { ConfigError, UsageError, type ConfigIssue } from '../errors.js';
import { allocateHosts, type GroupHosts } from '../tests/allocate.js';
import { applyParamOverrides, expandParams } from '../tests/params.js';
import { testId } from '../tests/test-id.js';
import type { CheckSet } from './check-types.js';
import { displayPath, sortIssues } from './inventory.js';
import { globToRegExp, selectHosts, splitPattern } from './patterns.js';
import { didYouMean } from './suggest.js';
import { loadCodeTests } from './test-js.js';
import { isYamlTestFile, listTestFiles, parseSelector, type TestSelector } from './test-files.js';
import type { StepDef, TestCase, TestSpec } from './test-types.js';
import { parseYamlTests } from './test-yaml.js';
import { ALL_OF_GROUP } from './test-options.js';
import type { Inventory } from './types.js';

/** What to collect. */
export interface CollectRequest {
  /** PATH[::TEST[@PARAMS]] arguments; default ./tests. */
  selectors: readonly string[];
  inventory?: Inventory | undefined;
  checks?: CheckSet | undefined;
  /** -k: globs on ids (any matches). */
  keywords?: readonly string[];
  /** --exclude: globs on ids. */
  exclude?: readonly string[];
  /** --param k=v. */
  params?: ReadonlyMap<string, unknown>;
}

/** Loads and validates test files without running anything; the tests, or ConfigError with every problem. */
export async function loadTestFiles(files: readonly string[], ctx: { inventory?: Inventory | undefined; checks?: CheckSet | undefined } = {}): Promise<TestSpec[]> {
  const issues: ConfigIssue[] = [];
  const specs: TestSpec[] = [];
  for (const abs of files) {
    let r;
    if (isYamlTestFile(abs)) {
      let text: string;
      try {
        text = readFileSync(abs, 'utf8');
      } catch (err) {
        issues.push({ pos: { file: displayPath(abs), line: 1, col: 1 }, path: '', message: `cannot read file: ${(err as Error).message}` });
        continue;
      }
      r = parseYamlTests(text, abs);
    } else r = await loadCodeTests(abs);
    if ('issues' in r) issues.push(...r.issues);
    else specs.push(...r.tests);
  }
  issues.push(...checkReferences(specs, ctx));
  if (issues.length) throw new ConfigError(sortIssues(issues));
  return ctx.inventory ? specs.map((s) => resolveNeeds(s, groupHosts(ctx.inventory as Inventory))) : specs;
}

/** For `smoker validate`: every test file under the paths (default ./tests) loaded and checked, nothing run; ConfigError on problems. */
export async function validateTestPaths(paths: readonly string[], ctx: { inventory?: Inventory | undefined; checks?: CheckSet | undefined } = {}): Promise<TestSpec[]> {
  const files = (paths.length ? paths : ['tests']).flatMap((p) => listTestFiles(parseSelector(p).path));
  return loadTestFiles(files, ctx);
}

/** Collects the tests to run: files, parameters, references, duplicates and the selection. */
export async function collectTests(req: CollectRequest): Promise<TestCase[]> {
  const selectors = (req.selectors.length ? req.selectors : ['tests']).map(parseSelector);
  const byFile = new Map<string, TestSelector[]>();
  for (const s of selectors) for (const f of listTestFiles(s.path)) byFile.set(f, [...(byFile.get(f) ?? []), s]);
  if (byFile.size === 0) throw new UsageError(`no test files in ${selectors.map((s) => s.path).join(', ')} (YAML files with tests:, or *.test.mjs / *.test.js)`);
  const specs = await loadTestFiles([...byFile.keys()], req);
  const issues: ConfigIssue[] = [];
  const all: { c: TestCase; abs: string }[] = [];
  const seen = new Map<string, TestSpec>();
  const absOf = new Map([...byFile.keys()].map((f) => [displayPath(f), f]));
  for (const spec of specs) {
    for (const params of applyParamOverrides(expandParams(spec.matrix, spec.params), req.params ?? new Map())) {
      const id = testId(spec.name, params);
      const prev = seen.get(id);
      if (prev) {
        issues.push({ pos: spec.pos, path: spec.name, message: `duplicate test id "${id}" (also at ${prev.pos.file}:${prev.pos.line}:${prev.pos.col})` });
        continue;
      }
      seen.set(id, spec);
      all.push({ c: { id, spec, params }, abs: absOf.get(spec.file) ?? spec.file });
    }
  }
  if (issues.length) throw new ConfigError(sortIssues(issues));
  return select(all, byFile, req);
}

function select(all: { c: TestCase; abs: string }[], byFile: Map<string, TestSelector[]>, req: CollectRequest): TestCase[] {
  const ids = all.map((a) => a.c.id);
  const picked = all.filter(({ c, abs }) =>
    (byFile.get(abs) ?? []).some((s) => (s.test === undefined || s.test === c.spec.name) && (s.params === undefined || sameParams(s.params, c.params))),
  );
  for (const s of [...byFile.values()].flat()) {
    if (s.test === undefined) continue;
    const hit = picked.some(({ c }) => c.spec.name === s.test && (s.params === undefined || sameParams(s.params, c.params)));
    if (!hit) throw new UsageError(`${s.text}: no such test${didYouMean(s.params ? `${s.test}@${s.params}` : s.test, s.params ? ids : all.map((a) => a.c.spec.name))}`);
  }
  const k = (req.keywords ?? []).map(globRegExp);
  const ex = (req.exclude ?? []).map(globRegExp);
  const out = picked.filter(({ c }) => (k.length === 0 || k.some((r) => r.test(c.id))) && !ex.some((r) => r.test(c.id))).map(({ c }) => c);
  if (out.length === 0) {
    const what = [...(req.keywords ?? []).map((g) => `-k ${g}`), ...(req.exclude ?? []).map((g) => `--exclude ${g}`)].join(' ');
    throw new UsageError(`no test matches ${what || 'the selection'}${didYouMean((req.keywords ?? [])[0] ?? '', ids)} (tests: ${ids.slice(0, 10).join(', ')}${ids.length > 10 ? ', ...' : ''})`);
  }
  return out;
}

// A -k word without glob characters matches as a substring, as in pytest; a glob matches the whole id.
function globRegExp(g: string): RegExp {
  return /[*?[]/.test(g) ? globToRegExp(g) : new RegExp(g.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
}

function sameParams(json: string, params: Readonly<Record<string, unknown>>): boolean {
  try {
    const want = JSON.parse(json) as Record<string, unknown>;
    return Object.entries(want).every(([k, v]) => JSON.stringify(params[k]) === JSON.stringify(v)) && Object.keys(want).length === Object.keys(params).length;
  } catch {
    throw new UsageError(`test parameters must be JSON like @{"acks":1}, got @${json}`);
  }
}

/** `needs: { g: all }` becomes the number of hosts the group has. */
function resolveNeeds(spec: TestSpec, groups: GroupHosts): TestSpec {
  if (!Object.values(spec.needs).includes(ALL_OF_GROUP)) return spec;
  return { ...spec, needs: Object.fromEntries(Object.entries(spec.needs).map(([g, n]) => [g, n === ALL_OF_GROUP ? (groups.get(g)?.length ?? 0) : n])) };
}

/** Groups of the inventory as host lists. */
export function groupHosts(inventory: Inventory): GroupHosts {
  return new Map([...inventory.groups].map(([g, c]) => [g, c.hosts]));
}

/** Names the tests use that the inventory or check files do not define; needs that cannot fit. */
export function checkReferences(specs: readonly TestSpec[], ctx: { inventory?: Inventory | undefined; checks?: CheckSet | undefined }): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const { inventory, checks } = ctx;
  for (const spec of specs) {
    if (inventory) {
      const groups = groupHosts(inventory);
      let known = true;
      for (const [g, n] of Object.entries(spec.needs)) {
        const pos = spec.needsPos?.[g] ?? spec.pos;
        const hosts = groups.get(g);
        if (!hosts) {
          known = false;
          issues.push({ pos, path: `${spec.name}.needs.${g}`, message: `unknown group "${g}"${didYouMean(g, groups.keys())} (groups of ${displayPath(inventory.file)}: ${[...groups.keys()].join(', ') || 'none'})` });
        } else if (hosts.length === 0) {
          known = false;
          issues.push({ pos, path: `${spec.name}.needs.${g}`, message: `group "${g}" has no hosts in ${displayPath(inventory.file)}` });
        } else if (hosts.length < n) {
          known = false;
          issues.push({ pos, path: `${spec.name}.needs.${g}`, message: `needs ${n} hosts of group "${g}", but ${displayPath(inventory.file)} has ${hosts.length} (${hosts.join(', ')})` });
        }
      }
      // Only needs whose groups all exist and are big enough can be tried together (and `all` resolved).
      const needs = known ? resolveNeeds(spec, groups).needs : undefined;
      if (needs && !allocateHosts(needs, groups)) {
        issues.push({ pos: spec.pos, path: `${spec.name}.needs`, message: `needs ${JSON.stringify(needs)}: the inventory's groups cannot give that many distinct hosts` });
      }
    }
    for (const step of [...spec.setup, ...spec.steps, ...spec.teardown]) {
      if (checks) issues.push(...checkStep(step, spec, checks));
      if (inventory) issues.push(...checkOn(step, spec, inventory));
    }
  }
  return issues;
}

/** An `on:` pattern must name hosts or groups of the inventory (`group[N]` picks within the test's hosts at run time). */
function checkOn(step: StepDef, spec: TestSpec, inventory: Inventory): ConfigIssue[] {
  const on = 'on' in step ? step.on : undefined;
  if (on === undefined || on.includes('{{')) return [];
  const terms = splitPattern(on).map((t) => t.replace(/^([!&]?)([^[\]]+)\[-?\d+(?::-?\d+)?\]$/, '$1$2'));
  const names = [...inventory.hosts.map((h) => h.name), ...inventory.groups.keys()];
  try {
    const { unmatched } = selectHosts(terms.join(','), { hosts: inventory.hosts.map((h) => h.name), groups: inventory.groups });
    return unmatched.map((t) => ({ pos: step.pos, path: `${spec.name}.${step.kind}.on`, message: `on: "${on}": no host or group matches "${t}"${didYouMean(t, names)}` }));
  } catch (err) {
    return [{ pos: step.pos, path: `${spec.name}.${step.kind}.on`, message: `on: ${(err as Error).message}` }];
  }
}

function checkStep(step: StepDef, spec: TestSpec, checks: CheckSet): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const services = [...checks.services.keys()];
  const checkNames = checks.checks.map((c) => c.name);
  const service = 'service' in step ? step.service : undefined;
  if (service !== undefined && !checks.services.has(service)) {
    issues.push({ pos: step.pos, path: `${spec.name}.${step.kind}`, message: `unknown service "${service}"${didYouMean(service, services)} (services: ${services.join(', ') || 'none in the check files'})` });
  }
  const named = step.kind === 'check' ? step.checks : step.kind === 'wait' && step.what.kind === 'check' ? [step.what.check] : [];
  for (const c of named) {
    if (!checkNames.includes(c)) issues.push({ pos: step.pos, path: `${spec.name}.${step.kind}`, message: `unknown check "${c}"${didYouMean(c, checkNames)}` });
  }
  if (step.kind === 'clean' && service && checks.services.get(service)?.clean === undefined) {
    issues.push({ pos: step.pos, path: `${spec.name}.clean`, message: `service "${service}" has no clean: command` });
  }
  return issues;
}
