// GoodData Smoker's config layouts: `!include FILE` and `!include_dir DIR` tags, and plugin.d folders of
// one-plugin-per-file YAML; each piece becomes a check file of its own, so positions point into the right file.
import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { Document, isMap, isScalar, Pair, Scalar, YAMLMap, type Node } from 'yaml';
import { ConfigError, type ConfigIssue } from '../errors.js';
import { Ctx } from './schema/context.js';
import { readYamlFile, type YamlFile } from './yaml-file.js';

/** One file to validate as a check file, and where relative paths in it start. */
export interface CheckUnit {
  abs: string;
  file: YamlFile;
}

/** Top-level keys of a check file (and smokerd.yaml): a file with none of them but check keys is one plugin. */
const FILE_KEYS = new Set(['checks', 'plugins', 'templates', 'actions', 'services', 'bind_host', 'bind_port', 'pidfile', 'uid', 'gid', 'stdin', 'stdout', 'stderr', 'favicon', 'logconfig']);
const SECTIONS = ['plugins', 'checks', 'templates'];
/** Smoker keys smoker accepts and does not use (it runs each check once per run, as the SSH user). */
const IGNORED = new Set(['interval', 'history', 'uid', 'gid', 'graceperiod']);

/** Reads check files, following Smoker's includes; a file that is one plugin is named after itself. */
export function readCheckUnits(paths: readonly string[], display: (abs: string) => string): { units: CheckUnit[]; issues: ConfigIssue[]; warnings: string[] } {
  const units: CheckUnit[] = [];
  const issues: ConfigIssue[] = [];
  const warnings: string[] = [];
  const read = (abs: string): YamlFile | undefined => {
    try {
      return readYamlFile(abs, display(abs));
    } catch (err) {
      if (!(err instanceof ConfigError)) throw err;
      issues.push(...err.issues);
      return undefined;
    }
  };
  for (const abs of paths) {
    const file = read(abs);
    if (!file) continue;
    const root = file.doc.contents;
    if (isSinglePlugin(root)) {
      units.push({ abs, file: wrap(file, ['plugins', pluginName(abs)], root as Node) });
      noteIgnoredKeys(file, warnings);
      continue;
    }
    if (isMap(root)) {
      for (const section of SECTIONS) {
        const pair = root.items.find((p) => isScalar(p.key) && String(p.key.value).toLowerCase() === section);
        if (!pair) continue;
        const value = pair.value as Node | null;
        const include = includeOf(value);
        if (include) {
          root.items.splice(root.items.indexOf(pair), 1);
          const target = resolveInclude(include.path, abs);
          if (!existsSync(target)) {
            issues.push({ pos: file.ctx.posOf(value as Node), path: section, message: `${include.tag} ${include.path}: no such ${include.tag === '!include' ? 'file' : 'folder'} (resolved to ${target})` });
            continue;
          }
          if (include.tag === '!include_dir') {
            for (const f of yamlFilesIn(target, file, value as Node, issues)) {
              const inc = read(f);
              if (!inc) continue;
              units.push({ abs: f, file: wrap(inc, [section, pluginName(f)], inc.doc.contents as Node) });
              noteIgnoredKeys(inc, warnings);
            }
          } else {
            const inc = read(target);
            if (inc) {
              units.push({ abs: target, file: wrap(inc, [section], inc.doc.contents as Node) });
              noteIgnoredKeys(inc, warnings);
            }
          }
          continue;
        }
        if (!isMap(value)) continue;
        for (const entry of [...value.items]) {
          const inc = includeOf(entry.value as Node | null);
          if (!inc || inc.tag !== '!include') continue;
          value.items.splice(value.items.indexOf(entry), 1);
          const target = resolveInclude(inc.path, abs);
          if (!existsSync(target)) {
            issues.push({ pos: file.ctx.posOf(entry.value as Node), path: `${section}.${String((entry.key as Scalar).value)}`, message: `!include ${inc.path}: no such file (resolved to ${target})` });
            continue;
          }
          const included = read(target);
          if (included) {
            units.push({ abs: target, file: wrap(included, [section, String((entry.key as Scalar).value)], included.doc.contents as Node) });
            noteIgnoredKeys(included, warnings);
          }
        }
      }
    }
    units.push({ abs, file });
    noteIgnoredKeys(file, warnings);
  }
  return { units, issues, warnings };
}

function isSinglePlugin(root: unknown): boolean {
  if (!isMap(root) || root.items.length === 0) return false;
  const keys = root.items.map((p) => (isScalar(p.key) ? String(p.key.value).toLowerCase() : ''));
  return !keys.some((k) => FILE_KEYS.has(k)) && keys.some((k) => k === 'command' || k === 'module');
}

function pluginName(file: string): string {
  return basename(file).replace(/\.ya?ml$/, '');
}

function includeOf(node: Node | null): { tag: '!include' | '!include_dir'; path: string } | undefined {
  if (!isScalar(node) || (node.tag !== '!include' && node.tag !== '!include_dir')) return undefined;
  return { tag: node.tag, path: String(node.value) };
}

// Smoker tries the path as given, then beside the including file; smoker resolves it beside that file.
function resolveInclude(path: string, from: string): string {
  return isAbsolute(path) ? path : resolve(dirname(from), path);
}

function yamlFilesIn(dir: string, file: YamlFile, at: Node, issues: ConfigIssue[]): string[] {
  try {
    return readdirSync(dir)
      .filter((n) => n.endsWith('.yaml'))
      .sort()
      .map((n) => join(dir, n));
  } catch (err) {
    issues.push({ pos: file.ctx.posOf(at), path: '', message: `!include_dir ${dir}: ${(err as Error).message}` });
    return [];
  }
}

// A document `{ path[0]: { path[1]: content } }` over the included file's own nodes, so positions stay right.
function wrap(file: YamlFile, path: string[], content: Node): YamlFile {
  let node: Node = content;
  for (const key of [...path].reverse()) {
    const k = new Scalar(key);
    k.range = content?.range ?? null;
    const map = new YAMLMap();
    map.items.push(new Pair(k, node));
    node = map;
  }
  const doc = new Document();
  doc.contents = node as never;
  return { file: file.file, doc, ctx: new Ctx(file.file, doc, file.ctx.lineCounter) };
}

// One warning per file naming the Smoker keys it sets that smoker accepts but does not use.
function noteIgnoredKeys(file: YamlFile, warnings: string[]): void {
  const found = new Set<string>();
  const visit = (node: unknown, depth: number) => {
    if (!isMap(node) || depth > 3) return;
    for (const p of node.items) {
      const k = isScalar(p.key) ? String(p.key.value) : '';
      if (IGNORED.has(k.toLowerCase())) found.add(k);
      visit(p.value, depth + 1);
    }
  };
  visit(file.doc.contents, 0);
  if (found.size) warnings.push(`${file.file}: Smoker keys smoker accepts but does not use: ${[...found].join(', ')} (smoker runs each check once per run, as the SSH user)`);
}
