// Loads check files: templates applied, unknown keys as params, every problem reported with its position.
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { ConfigError, type ConfigIssue } from '../errors.js';
import { BUILTIN_MODULES, isBuiltinModule } from '../modules/catalog.js';
import { BUILTIN_PARSERS, findBuiltinParser, validateParserSpec } from '../parsers/index.js';
import { listCheckFiles } from './check-files.js';
import type { checkSchema } from './checks-schema.js';
import { checksFileSchema } from './checks-schema.js';
import { DEFAULT_CHECK_TIMEOUT_MS, type ActionDef, type CheckDef, type CheckSet, type ParserSpecValue, type ServiceDef } from './check-types.js';
import { displayPath, sortIssues } from './inventory.js';
import type { Infer } from './schema/types.js';
import { buildService } from './services.js';
import { didYouMean } from './suggest.js';
import { readCheckUnits } from './smoker-layout.js';
import { isLikelyTypo } from './check-keys.js';
import { keyNodeAt, valueNodeAt } from './yaml-nodes.js';
import { formatIssue, type SourcePos } from '../errors.js';
import type { Document } from 'yaml';
import type { Inventory } from './types.js';
import { judgeTemplateKeys, reviewCheckAgainstHosts, reviewCheckKeys, reviewServiceAgainstHosts, type CheckLayer, type Review } from './check-review.js';

type RawCheck = Infer<typeof checkSchema>;
interface Located<T> {
  name: string;
  value: T;
  file: string;
  pos: SourcePos;
  section: string;
  doc: Document;
  /** Position of a value inside the file this item came from. */
  valueAt: (path: (string | number)[]) => SourcePos;
  /** Position of a key inside the file this item came from. */
  keyAt: (path: (string | number)[]) => SourcePos;
}

/** What check files are validated against: with an inventory, `hosts:` patterns and every template are resolved per host. */
export interface CheckFileOptions {
  inventory?: Inventory | undefined;
}

/** Validates check files; returns the set (warnings positioned as file:line:col where known) or every issue found. */
export function validateCheckFiles(paths: readonly string[], options: CheckFileOptions = {}): { set: CheckSet } | { issues: ConfigIssue[] } {
  const issues: ConfigIssue[] = [];
  const warnings: string[] = [];
  const warn = (w: ConfigIssue) => warnings.push(formatIssue(w));
  const serviceLayers: { def: ServiceDef; layer: CheckLayer }[] = [];
  const files = listCheckFiles(paths);
  const templates = new Map<string, Located<RawCheck>>();
  const rawChecks: Located<RawCheck>[] = [];
  const actions = new Map<string, ActionDef>();
  const services = new Map<string, ServiceDef>();

  // Smoker's layouts (!include, !include_dir, one plugin per file) become files of their own.
  const layout = readCheckUnits(files, displayPath);
  issues.push(...layout.issues);
  warnings.push(...layout.warnings);
  for (const { abs, file } of layout.units) {
    const { value: raw } = checksFileSchema.parsePartial(file.doc.contents, '', file.ctx);
    issues.push(...file.ctx.issues);
    const at = (path: (string | number)[]) => file.ctx.posOf(keyNodeAt(file.doc, path));
    const valueAt = (path: (string | number)[]) => file.ctx.posOf(valueNodeAt(file.doc, path));
    const baseDir = dirname(abs);
    const addUnique = <T>(map: Map<string, Located<T>> | undefined, list: Located<T>[] | undefined, section: string, entries: Record<string, T> | undefined, kind: string) => {
      for (const [name, value] of Object.entries(entries ?? {})) {
        const pos = at([section, name]);
        const prev = map?.get(name) ?? list?.find((c) => c.name === name);
        if (prev) {
          issues.push({ pos, path: `${section}.${name}`, message: `${kind} "${name}" is already defined at ${prev.pos.file}:${prev.pos.line}:${prev.pos.col}` });
          continue;
        }
        const item = { name, value, file: abs, pos, section, doc: file.doc, valueAt, keyAt: at };
        map?.set(name, item);
        list?.push(item);
      }
    };
    addUnique(templates, undefined, 'templates', raw.templates, 'template');
    addUnique(undefined, rawChecks, 'checks', raw.checks, 'check');
    addUnique(undefined, rawChecks, 'plugins', raw.plugins, 'check');
    for (const [name, a] of Object.entries(raw.actions ?? {})) {
      if (actions.has(name)) {
        issues.push({ pos: at(['actions', name]), path: `actions.${name}`, message: `action "${name}" is already defined` });
        continue;
      }
      if (a.module !== undefined && isPythonModuleName(a.module, baseDir)) {
        warnings.push(`actions.${name}: module "${a.module}" is a Python module of the Smoker daemon; it cannot run and will be recorded as UNKNOWN`);
      } else if (a.module !== undefined && !existsSync(resolve(baseDir, a.module))) {
        issues.push({ pos: valueAt(['actions', name, 'module']), path: `actions.${name}.module`, message: `action script not found: ${a.module} (resolved to ${resolve(baseDir, a.module)})` });
        continue;
      }
      actions.set(name, Object.freeze({ name, baseDir, command: a.command, module: a.module, on: a.on ?? (['ERROR', 'WARN', 'UNKNOWN'] as const), where: a.where ?? 'host', timeoutMs: a.timeout ?? DEFAULT_CHECK_TIMEOUT_MS, sudo: a.sudo ?? false }));
    }
    for (const [name, s] of Object.entries(raw.services ?? {})) {
      if (services.has(name)) {
        issues.push({ pos: at(['services', name]), path: `services.${name}`, message: `service "${name}" is already defined` });
        continue;
      }
      const built = buildService(name, s, abs, baseDir);
      if ('error' in built) issues.push({ pos: at(['services', name]), path: `services.${name}`, message: built.error });
      else {
        services.set(name, built.service);
        serviceLayers.push({ def: built.service, layer: { name, section: 'services', doc: file.doc, valueAt, keyAt: at } });
      }
    }
  }

  const base = templates.get('BasePlugin');
  const checks: CheckDef[] = [];
  const templateVerdicts: Map<string, Review | undefined>[] = [];
  const record = (p: Review) => (p.level === 'error' ? issues.push(p.issue) : warn(p.issue));
  for (const c of rawChecks) {
    const valueAt = c.valueAt;
    const path = `${c.section}.${c.name}`;
    const tname = c.value.template;
    const tpl = tname !== undefined ? templates.get(tname) : undefined;
    if (tname !== undefined && !tpl) {
      issues.push({ pos: valueAt([c.section, c.name, 'template']), path: `${path}.template`, message: `undefined template "${tname}"${didYouMean(tname, templates.keys())}` });
      continue;
    }
    const merged = mergeCheck([base?.value, tpl?.value, c.value]);
    const baseDir = dirname(c.file);
    const problem = checkProblem(merged, baseDir, actions, warnings, `${path}`);
    if (problem) {
      issues.push({ pos: problem.field ? valueAt([c.section, c.name, problem.field]) : c.pos, path: problem.field ? `${path}.${problem.field}` : path, message: problem.message });
      continue;
    }
    const layers = [base, tpl, c].filter((l): l is Located<RawCheck> => l !== undefined);
    const module = normalizeModule(merged.module);
    const keyReviews = reviewCheckKeys(layers, merged, module);
    keyReviews.own.forEach(record);
    templateVerdicts.push(keyReviews.inherited);
    if (options.inventory && merged.enabled !== false) reviewCheckAgainstHosts(options.inventory, layers, merged).forEach(record);
    checks.push(
      Object.freeze({
        name: c.name,
        file: c.file,
        baseDir,
        command: merged.command,
        module: normalizeModule(merged.module),
        parser: normalizeParser(merged.parser),
        timeoutMs: merged.timeout ?? DEFAULT_CHECK_TIMEOUT_MS,
        hosts: merged.hosts,
        type: merged.type,
        category: merged.category,
        component: merged.component,
        action: merged.action,
        enabled: merged.enabled ?? true,
        maintenanceLock: merged.maintenanceLock,
        runOnLocked: merged.runOnLocked ?? false,
        sudo: merged.sudo,
        retries: merged.retries ?? 0,
        params: Object.freeze({ ...(merged.params ?? {}) }),
        watch: merged.watch,
      }),
    );
  }
  for (const c of checks) {
    if (c.watch !== undefined && !services.has(c.watch)) {
      issues.push({ pos: rawChecks.find((r) => r.name === c.name)?.pos, path: `checks.${c.name}.watch`, message: `undefined service "${c.watch}"${didYouMean(c.watch, services.keys())}` });
    }
  }
  judgeTemplateKeys(templateVerdicts).forEach(record);
  if (options.inventory) for (const { def, layer } of serviceLayers) reviewServiceAgainstHosts(options.inventory, layer, def).forEach(record);
  if (issues.length > 0) return { issues: sortIssues(issues) };
  return { set: Object.freeze({ files, checks, actions, services, warnings }) };
}

/** Loads check files, throwing ConfigError with every issue. */
export function loadChecks(paths: readonly string[], options: CheckFileOptions = {}): CheckSet {
  const r = validateCheckFiles(paths, options);
  if ('issues' in r) throw new ConfigError(r.issues);
  return r.set;
}

/** Merges template layers; later layers win, params merge key by key. */
function mergeCheck(layers: (RawCheck | undefined)[]): RawCheck {
  const out: Record<string, unknown> = {};
  let params: Record<string, unknown> = {};
  for (const layer of layers) {
    if (!layer) continue;
    for (const [k, v] of Object.entries(layer)) {
      if (k === 'params') params = { ...params, ...(v as Record<string, unknown>) };
      else if (k !== 'template' && v !== undefined) out[k] = v;
    }
  }
  // A template's command and a check's module (or the reverse) must not both survive.
  const last = [...layers].reverse().find((l) => l && (l.command !== undefined || l.module !== undefined));
  if (last) {
    out.command = last.command;
    out.module = last.module;
  }
  return { ...out, params } as RawCheck;
}

const PYTHON_MODULE = /^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)+$/i;
const SCRIPT_EXTENSION = /\.(?:[cm]?[jt]s|sh|bash|py|pl|rb)$/i;

/** Whether a module or parser name is a Python module of the Smoker daemon (`smoker.plugins.nsca`), not a file such as `check.sh`. */
export function isPythonModuleName(name: string, baseDir: string): boolean {
  return PYTHON_MODULE.test(name) && !SCRIPT_EXTENSION.test(name) && !existsSync(resolve(baseDir, name));
}

/** Maps Smoker's Python module names (smoker.server.plugins.uname) to built-ins where one exists. */
export function normalizeModule(m: string | undefined): string | undefined {
  if (m === undefined || !PYTHON_MODULE.test(m) || m.includes('/')) return m;
  const last = m.split('.').pop() ?? m;
  return isBuiltinModule(last) ? last : m;
}

function normalizeParser(p: unknown): ParserSpecValue {
  if (p === undefined) return 'auto';
  if (typeof p === 'string') {
    if (PYTHON_MODULE.test(p) && !p.startsWith('.')) {
      const last = p.split('.').pop() ?? p;
      const short = last.replace(/parser$/, '');
      if (findBuiltinParser(last)) return last;
      if (findBuiltinParser(short)) return short;
    }
    return p;
  }
  const o = p as { type: string; options?: Record<string, unknown> };
  return { ...(o.options ?? {}), type: o.type };
}

function isPath(m: string): boolean {
  return m.startsWith('./') || m.startsWith('../') || isAbsolute(m) || m.includes('/');
}

function checkProblem(c: RawCheck, baseDir: string, actions: ReadonlyMap<string, ActionDef>, warnings: string[], path: string): { field?: string; message: string } | undefined {
  if ((c.command === undefined) === (c.module === undefined)) {
    // `comand: uptime` became a parameter: name it, so the message points at the typo.
    const typo = c.command === undefined ? Object.keys(c.params ?? {}).find((k) => isLikelyTypo(k, 'command') || isLikelyTypo(k, 'module')) : undefined;
    const hint = typo === undefined ? '' : ` ("${typo}" is not a check key: did you mean "${isLikelyTypo(typo, 'command') ? 'command' : 'module'}"?)`;
    return { ...(typo !== undefined ? { field: typo } : {}), message: `expected exactly one of command, module, got ${c.command === undefined ? 'neither' : 'both'}${hint}` };
  }
  const module = normalizeModule(c.module);
  if (module !== undefined && !isBuiltinModule(module)) {
    if (isPythonModuleName(module, baseDir)) {
      warnings.push(`${path}: module "${module}" is a Python module of the Smoker daemon; it cannot run over SSH and will report UNKNOWN`);
    } else if (isPath(module) || module.includes('.')) {
      const p = resolve(baseDir, module);
      if (!existsSync(p)) return { field: 'module', message: `module script not found: ${module} (resolved to ${p})` };
    } else {
      return { field: 'module', message: `unknown module "${module}"${didYouMean(module, BUILTIN_MODULES)}; expected a built-in (${BUILTIN_MODULES.join(', ')}) or a ./path` };
    }
  }
  const parser = normalizeParser(c.parser);
  if (typeof parser === 'string' && isPythonModuleName(parser, baseDir) && !findBuiltinParser(parser)) {
    warnings.push(`${path}: parser "${parser}" is a Python module of the Smoker daemon; checks using it will report ERROR`);
  } else {
    const err = validateParserSpec(parser, { params: c.params ?? {}, baseDir });
    const name = typeof parser === 'string' ? parser : parser.type;
    if (err) return { field: 'parser', message: `${err}${isPath(name) ? '' : didYouMean(name, BUILTIN_PARSERS)}` };
  }
  if (c.action !== undefined && !actions.has(c.action)) {
    return { field: 'action', message: `undefined action "${c.action}"${didYouMean(c.action, actions.keys())}` };
  }
  return undefined;
}
