// Loads an inventory file: validates it, expands ranges, resolves groups and precedence.
import { existsSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { ConfigError, formatIssue, type ConfigIssue } from '../errors.js';
import { expandTilde } from './home.js';
import { fillInventoryTemplate, fillVarTemplates, inventoryTemplateProblems, inventoryTemplateValues } from './inventory-templates.js';
import { inventorySchema } from './inventory-schema.js';
import { expandRange } from './ranges.js';
import { joinPath } from './schema/context.js';
import { keyOf } from './schema/types.js';
import { isMap, type Document } from 'yaml';
import type { Infer } from './schema/types.js';
import { parseYamlOrThrow, readYamlText, type YamlFile } from './yaml-file.js';
import { parseYamlFast } from './yaml-fast.js';
import { keyNodeAt, valueNodeAt } from './yaml-nodes.js';
import { resolveGroups } from './groups.js';
import { mergeHostSettings } from './precedence.js';
import { DEFAULT_CONNECT_TIMEOUT_MS, DEFAULT_MAX_CHANNELS, type HostConfig, type Inventory } from './types.js';

export type RawInventory = Infer<typeof inventorySchema>;

/** How an inventory's templates are judged: converted Ansible files may hold Jinja, which becomes a warning. */
export interface InventoryOptions {
  templates?: 'error' | 'warning';
}

/** Validates an inventory file: every problem at once, or the resolved inventory. */
export function validateInventory(file: YamlFile, absPath: string, options: InventoryOptions = {}): { inventory: Inventory } | { issues: ConfigIssue[] } {
  const { ctx, doc } = file;
  // Keep the sections that validated, so semantic problems are reported along with schema ones.
  const { value: raw } = inventorySchema.parsePartial(doc.contents, '', ctx);
  const issues: ConfigIssue[] = ctx.issues;
  const at = (path: (string | number)[], key = false) => ctx.posOf((key ? keyNodeAt : valueNodeAt)(doc, path));

  // Hosts: expand ranges, reject duplicates.
  const hostEntries: { name: string; index: number | undefined; key: string }[] = [];
  const seen = new Map<string, string>();
  for (const key of hostKeys(doc, raw.hosts)) {
    let expanded;
    try {
      expanded = expandRange(key);
    } catch (err) {
      issues.push({ pos: at(['hosts', key], true), path: joinPath('hosts', key), message: (err as Error).message });
      continue;
    }
    for (const e of expanded) {
      const prev = seen.get(e.name);
      if (prev !== undefined) {
        issues.push({ pos: at(['hosts', key], true), path: joinPath('hosts', key), message: `host "${e.name}" is already defined by "${prev}"` });
        continue;
      }
      seen.set(e.name, key);
      hostEntries.push({ ...e, key });
    }
  }
  const hostNames = hostEntries.map((h) => h.name);

  const groupResult = resolveGroups(raw.groups ?? {}, hostNames, at);
  issues.push(...groupResult.issues);

  // Checks paths, relative to the inventory file.
  const base = dirname(absPath);
  const checks = (raw.checks ?? []).map((p, i) => {
    const abs = resolve(base, expandHome(p));
    if (!existsSync(abs)) {
      issues.push({ pos: at(['checks', i]), path: `checks[${i}]`, message: `no such file or folder: ${p} (resolved to ${abs})` });
    }
    return abs;
  });
  if (issues.length > 0) return { issues: sortIssues(issues) };

  // Templates are filled per host now; what cannot be filled is reported once per place, naming the first host.
  const templateIssues = new Map<string, ConfigIssue>();
  const warnings = [...groupResult.warnings];
  // Only a problem pays for finding where it is (that scans the hosts map): nothing here runs per host without one.
  const reportTemplate = (where: (string | number)[], problems: string[], host: string) => {
    for (const message of problems) {
      const pos = at(where);
      const issue = { pos, path: where.map(String).join('.'), message: `${message} (host ${host})` };
      const key = `${pos.line}:${pos.col}:${message}`;
      if (!templateIssues.has(key)) templateIssues.set(key, issue);
    }
  };
  const hosts: HostConfig[] = hostEntries.map((h) => {
    const rawHost = raw.hosts?.[h.key] ?? {};
    const groupsOfHost = groupResult.membership.get(h.name) ?? [];
    const merged = mergeHostSettings(raw.defaults ?? {}, groupsOfHost.map((g) => raw.groups?.[g] ?? {}), rawHost, raw.vars ?? {});
    const values = inventoryTemplateValues(h);
    if (merged.address !== undefined) {
      const problems = inventoryTemplateProblems(merged.address, values);
      if (problems.length) reportTemplate(settingOrigin(doc, h.key, groupsOfHost, ['address'], ['defaults']), problems, h.name);
    }
    for (const k in merged.vars) {
      const problems = inventoryTemplateProblems(merged.vars[k], values);
      if (problems.length) reportTemplate(settingOrigin(doc, h.key, groupsOfHost, ['vars', k], []), problems, h.name);
    }
    const address = merged.address === undefined ? undefined : fillInventoryTemplate(merged.address, values);
    // Both fresh objects of this host's own (mergeHostSettings and fillVarTemplates build them): frozen, not copied.
    const vars = fillVarTemplates(merged.vars, values) as Record<string, unknown>;
    return Object.freeze({
      name: h.name,
      address: address ?? h.name,
      addressSet: address !== undefined,
      port: merged.port,
      user: merged.user,
      identityFile: merged.identityFile ?? [],
      passwordEnv: merged.passwordEnv,
      passphraseEnv: merged.passphraseEnv,
      jump: merged.jump ?? [],
      jumpIdentityFile: merged.jumpIdentityFile ?? [],
      proxyCommand: merged.proxyCommand,
      hostKeyPolicy: merged.hostKeyPolicy,
      knownHosts: merged.knownHosts ?? [],
      connectTimeoutMs: merged.connectTimeout ?? DEFAULT_CONNECT_TIMEOUT_MS,
      transport: merged.transport ?? 'ssh',
      sudo: merged.sudo ?? false,
      sudoPasswordEnv: merged.sudoPasswordEnv,
      maxChannels: merged.maxChannels ?? DEFAULT_MAX_CHANNELS,
      env: Object.freeze(merged.env ?? {}),
      vars: Object.freeze(vars),
      groups: Object.freeze(groupsOfHost),
    });
  });

  if (templateIssues.size > 0 && options.templates !== 'warning') return { issues: sortIssues([...templateIssues.values()]) };
  for (const issue of templateIssues.values()) warnings.push(formatIssue(issue));

  return {
    inventory: Object.freeze({
      file: absPath,
      hosts: Object.freeze(hosts),
      groups: groupResult.groups,
      checks: Object.freeze(checks),
      vars: Object.freeze({ ...(raw.vars ?? {}) }),
      warnings: Object.freeze(warnings),
    }),
  };
}

// Where a host's setting came from: the host, then its groups (children win), then defaults or the top-level vars.
function settingOrigin(doc: Document, hostKey: string, groupsOfHost: readonly string[], path: string[], top: string[]): (string | number)[] {
  const layers = [['hosts', hostKey], ...[...groupsOfHost].reverse().map((g) => ['groups', g]), top];
  return [...(layers.find((l) => valueNodeAt(doc, [...l, ...path]) !== undefined) ?? top), ...path];
}

/** Orders issues by position: file by file (in the order files first appear), then line and column. */
export function sortIssues(issues: ConfigIssue[]): ConfigIssue[] {
  const files = new Map<string, number>();
  for (const i of issues) if (!files.has(i.pos?.file ?? '')) files.set(i.pos?.file ?? '', files.size);
  const fileOf = (i: ConfigIssue) => files.get(i.pos?.file ?? '') ?? 0;
  return [...issues].sort((a, b) => fileOf(a) - fileOf(b) || (a.pos?.line ?? 0) - (b.pos?.line ?? 0) || (a.pos?.col ?? 0) - (b.pos?.col ?? 0));
}

/** Host keys as written, from the validated section or, when it failed, from the document itself. */
function hostKeys(doc: Document, hosts: Record<string, unknown> | undefined): string[] {
  if (hosts) return Object.keys(hosts);
  const node = valueNodeAt(doc, ['hosts']);
  return isMap(node) ? node.items.map(keyOf) : [];
}

/** Loads and validates an inventory file, throwing ConfigError with every issue. */
export function loadInventory(path: string): Inventory {
  const abs = resolve(path);
  const display = displayPath(abs);
  const text = readYamlText(abs, display);
  // A big file is first parsed without positions; only one with problems is parsed again to say where they are.
  const fast = parseYamlFast(text, display);
  const fastResult = fast ? validateInventory(fast, abs) : undefined;
  if (fastResult && 'inventory' in fastResult) return fastResult.inventory;
  const result = validateInventory(parseYamlOrThrow(text, display), abs);
  if ('issues' in result) throw new ConfigError(result.issues);
  return result.inventory;
}

/** A path as users should see it: relative to the working directory when inside it. */
export function displayPath(abs: string): string {
  const rel = relative(process.cwd(), abs);
  return rel && !rel.startsWith('..') ? rel : abs;
}

/** Expands a leading ~ to the home directory (the passwd entry's, as OpenSSH does). */
export function expandHome(p: string): string {
  return expandTilde(p);
}

