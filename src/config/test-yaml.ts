// Loads a YAML test file (`tests:` map): each test's options and steps, with positions for every problem.
import type { ConfigIssue, SourcePos } from '../errors.js';
import { displayPath } from './inventory.js';
import { didYouMean } from './suggest.js';
import { PHASE_DOCS } from './test-keys.js';
import { OPTION_KEYS, parseTestOptions } from './test-options.js';
import { describe, isObj, parseStep, SERVICE_STEP_KINDS } from './test-steps.js';
import type { StepDef, TestSpec } from './test-types.js';
import { parseYaml } from './yaml-file.js';
import { keyNodeAt, valueNodeAt } from './yaml-nodes.js';

const PHASES = Object.keys(PHASE_DOCS) as (keyof typeof PHASE_DOCS)[];
const TEST_KEYS = [...OPTION_KEYS, ...PHASES];

/** Validates the text of a YAML test file; returns its tests or every issue found. */
export function parseYamlTests(text: string, absPath: string): { tests: TestSpec[] } | { issues: ConfigIssue[] } {
  const file = displayPath(absPath);
  const parsed = parseYaml(text, file);
  if ('issues' in parsed) return parsed;
  const { doc, ctx } = parsed.file;
  const issues: ConfigIssue[] = [];
  const keyPos = (p: readonly (string | number)[]) => ctx.posOf(keyNodeAt(doc, p));
  const valuePos = (p: readonly (string | number)[]) => ctx.posOf(valueNodeAt(doc, p));
  const report = (p: readonly (string | number)[], message: string) => issues.push({ pos: keyPos(p), path: p.join('.'), message });
  const reportValue = (p: readonly (string | number)[], message: string) => issues.push({ pos: valuePos(p), path: p.join('.'), message });
  const root = doc.toJS() as unknown;
  if (!isObj(root) || !isObj(root.tests)) {
    reportValue(isObj(root) ? ['tests'] : [], `expected a tests: map of test names to tests, got ${describe(isObj(root) ? root.tests : root)}`);
    return { issues };
  }
  const extra = Object.keys(root).find((k) => k !== 'tests');
  if (extra !== undefined) report([extra], `unknown key "${extra}" (a test file has tests:)`);
  const tests: TestSpec[] = [];
  for (const [name, raw] of Object.entries(root.tests)) {
    const base = ['tests', name];
    if (!isObj(raw)) {
      reportValue(base, `expected a test (a map with steps:), got ${describe(raw)}`);
      continue;
    }
    const unknown = Object.keys(raw).filter((k) => !(TEST_KEYS as readonly string[]).includes(k));
    for (const k of unknown) report([...base, k], `unknown key "${k}"${didYouMean(k, TEST_KEYS)} (test keys: ${TEST_KEYS.join(', ')})`);
    const options = parseTestOptions(raw, (p, m) => report([...base, ...p], m));
    const lists: Record<(typeof PHASES)[number], StepDef[]> = { setup: [], steps: [], teardown: [] };
    for (const phase of PHASES) {
      const v = raw[phase];
      if (v === undefined || v === null) continue;
      if (!Array.isArray(v)) {
        reportValue([...base, phase], `expected a list of steps, got ${describe(v)}`);
        continue;
      }
      v.forEach((s, i) => {
        const step = parseStep(s, [...base, phase, i], keyPos, (p, m) => report(p, m));
        if (step) lists[phase].push(step);
      });
    }
    if (raw.steps === undefined) report(base, 'a test needs steps:');
    checkJoins(lists, (pos, m) => issues.push({ pos, path: base.join('.'), message: m }));
    if (!options || unknown.length) continue;
    const needsPos = Object.fromEntries(Object.keys(options.needs).map((g) => [g, keyPos([...base, 'needs', g])]));
    tests.push({
      name,
      file,
      pos: keyPos(base),
      ...options,
      needsPos,
      watchServices: servicesNamed([...lists.setup, ...lists.steps, ...lists.teardown]),
      ...lists,
    });
  }
  return issues.length ? { issues } : { tests };
}

/** A join must name a background started by an earlier step (setup before steps before teardown). */
function checkJoins(lists: Record<string, StepDef[]>, report: (pos: SourcePos, message: string) => void): void {
  const started = new Set<string>();
  for (const step of [...(lists.setup ?? []), ...(lists.steps ?? []), ...(lists.teardown ?? [])]) {
    if (step.kind === 'exec' && step.background) {
      if (started.has(step.background)) report(step.pos, `background "${step.background}" is already started by an earlier step`);
      started.add(step.background);
    }
    if (step.kind === 'join' && !started.has(step.name)) {
      report(step.pos, `join of an unknown background "${step.name}"${didYouMean(step.name, started)}${started.size ? ` (started before it: ${[...started].join(', ')})` : ' (no exec before it has background:)'}`);
    }
  }
}

/** Services the steps name (their logs are watched for the whole test). */
function servicesNamed(steps: readonly StepDef[]): string[] {
  const names = new Set<string>();
  for (const s of steps) {
    if ((SERVICE_STEP_KINDS as readonly string[]).includes(s.kind) && 'service' in s && s.service) names.add(s.service);
    if ((s.kind === 'kill' || s.kind === 'signal') && s.service) names.add(s.service);
  }
  return [...names];
}
