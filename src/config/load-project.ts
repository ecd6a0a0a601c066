// Loads everything a command reads — the inventory, its check/service files, and what extra loaders add — reporting every problem at once.
import { ConfigError, UsageError, type ConfigIssue } from '../errors.js';
import type { CheckSet } from './check-types.js';
import { validateCheckFiles } from './checks.js';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { isScalar, isSeq } from 'yaml';
import { displayPath, expandHome } from './inventory.js';
import { loadAnyInventory, type InventoryKind } from './load-any-inventory.js';
import type { Inventory } from './types.js';
import { readYamlFile } from './yaml-file.js';
import { valueNodeAt } from './yaml-nodes.js';

/** What a loader returns: its problems (with positions), warnings, a summary for `validate` ("3 tests") and its value. */
export interface LoaderResult {
  issues: ConfigIssue[];
  warnings: string[];
  summary?: string;
  value?: unknown;
}

/** A further kind of file the project loads once inventory and checks are known (e.g. test files); validate runs every one. */
export interface ProjectLoader {
  readonly name: string;
  load(project: { inventory: Inventory; checks: CheckSet | undefined; strict: boolean }): LoaderResult | Promise<LoaderResult>;
}

/** What to load. */
export interface ProjectRequest {
  /** Inventory path (already resolved from the argument, -i, $SMOKER_INVENTORY, ...). */
  inventory: string;
  /** --checks: replaces the inventory's checks: list. */
  checks?: readonly string[] | undefined;
  /** Whether having no check file is a usage error (run, services) or fine (validate, hosts). */
  requireChecks?: boolean;
  /** --strict: warnings are errors. */
  strict?: boolean;
  loaders?: readonly ProjectLoader[];
}

/** Everything loaded and validated. */
export interface LoadedProject {
  inventory: Inventory;
  kind: InventoryKind;
  /** Undefined only when no check file was named and none was required. */
  checks: CheckSet | undefined;
  /** Each extra loader's value, by loader name. */
  extras: ReadonlyMap<string, unknown>;
  /** Every warning, inventory first (positioned as file:line:col where known). */
  warnings: string[];
  /** Extra loaders' summaries, for `validate`. */
  summaries: string[];
}

/**
 * Loads the inventory, its check files (or --checks) against it, then every extra loader; throws one ConfigError
 * with every problem of every file (exit 2), or UsageError when check files are required and none is named.
 */
export async function loadProject(req: ProjectRequest): Promise<LoadedProject> {
  const issues: ConfigIssue[] = [];
  let loaded;
  try {
    loaded = await loadAnyInventory(req.inventory);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    issues.push(...err.issues);
  }
  const paths = req.checks?.length ? req.checks : (loaded?.inventory.checks ?? checksListOf(req.inventory));
  if (loaded && paths.length === 0 && req.requireChecks) {
    if (loaded.kind === 'ansible') throw new UsageError(`no check files: ${displayPath(loaded.inventory.file)} is an Ansible inventory, which has no checks: list; pass --checks FILE_OR_FOLDER`);
    throw new UsageError(`no check files: ${req.inventory} has no checks: list and --checks was not given`);
  }
  // Check files are validated even when the inventory is broken, so one run of validate shows every problem.
  const r = paths.length > 0 ? validateCheckFiles(paths, { inventory: loaded?.inventory }) : undefined;
  if (r && 'issues' in r) issues.push(...r.issues);
  const checks = r && 'set' in r ? r.set : undefined;
  if (!loaded) throw new ConfigError(issues);
  const warnings = [...loaded.inventory.warnings, ...(checks?.warnings ?? [])];
  const extras = new Map<string, unknown>();
  const summaries: string[] = [];
  for (const loader of req.loaders ?? []) {
    const out = await loader.load({ inventory: loaded.inventory, checks, strict: req.strict ?? false });
    issues.push(...out.issues);
    warnings.push(...out.warnings);
    if (out.summary) summaries.push(out.summary);
    extras.set(loader.name, out.value);
  }
  if (req.strict) issues.push(...warnings.map((w) => ({ pos: undefined, path: '', message: `${w} (an error with --strict)` })));
  if (issues.length > 0) throw new ConfigError(issues);
  return { inventory: loaded.inventory, kind: loaded.kind, checks, extras, warnings, summaries };
}

// The checks: list of an inventory that failed validation, read as written, so its check files are validated too.
function checksListOf(inventoryPath: string): string[] {
  try {
    const node = valueNodeAt(readYamlFile(inventoryPath).doc, ['checks']);
    const items: unknown[] = isSeq(node) ? node.items.map((i) => (isScalar(i) ? i.value : undefined)) : [];
    const base = dirname(resolve(inventoryPath));
    return items.filter((p): p is string => typeof p === 'string' && existsSync(resolve(base, expandHome(p)))).map((p) => resolve(base, expandHome(p)));
  } catch {
    return []; // an unreadable file: already reported
  }
}
