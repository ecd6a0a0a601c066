// Checks a check's parameters against a built-in module's catalog entry (pure; for `validate`).
import { MODULE_CATALOG, type BuiltinModuleName, type ModuleParamDoc } from './catalog.js';

/** One problem with a module parameter; `warning` for keys the module does not know. */
export interface ModuleParamIssue {
  readonly level: 'error' | 'warning';
  /** The key as written in the check, or the documented name when it is missing. */
  readonly param: string;
  readonly message: string;
}

/** A value as the script will see it (lists and objects never fail these checks). */
function formatParamValue(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'object') return Array.isArray(value) ? value.map(String).join(',') : JSON.stringify(value);
  return String(value);
}

const DURATION = /^\d+(\.\d+)?(ms|s|m|h|d)?$/i;
const SIZE = /^\d+(\.\d+)?([kmgt]i?b?|b)?$/i;
const NUMBER = /^-?\d+(\.\d+)?$/;
const BOOLEAN = /^(true|false|yes|no|on|off|1|0)$/i;

/** Returns what is wrong with one value for a documented parameter, or undefined. */
function describeBadValue(doc: ModuleParamDoc, text: string): string | undefined {
  const got = JSON.stringify(text);
  switch (doc.type) {
    case 'integer':
      return /^\d+$/.test(text) ? undefined : `expected a whole number, got ${got}`;
    case 'number':
      return NUMBER.test(text) ? undefined : `expected a number, got ${got}`;
    case 'boolean':
      return BOOLEAN.test(text) ? undefined : `expected true or false, got ${got}`;
    case 'duration':
      return DURATION.test(text) ? undefined : `expected a duration such as 500ms, 30s or 5m, got ${got}`;
    case 'size':
      return SIZE.test(text) ? undefined : `expected a size such as 512, 10k or 2G, got ${got}`;
    case 'enum':
      return doc.values?.includes(text) ? undefined : `expected one of ${doc.values?.join(', ')}, got ${got}`;
    default:
      return undefined;
  }
}

/** Lists the problems of `params` (keys as written in the check) for built-in `module`. */
export function checkModuleParams(
  module: BuiltinModuleName,
  params: Readonly<Record<string, unknown>>,
): ModuleParamIssue[] {
  const docs = MODULE_CATALOG[module].params;
  const issues: ModuleParamIssue[] = [];
  for (const [key, value] of Object.entries(params)) {
    const doc = docs.find((p) => p.name.toLowerCase() === key.toLowerCase());
    if (!doc) {
      const known = docs.map((p) => p.name).join(', ') || 'none';
      issues.push({ level: 'warning', param: key, message: `module ${module} has no parameter ${key} (known: ${known})` });
      continue;
    }
    const text = formatParamValue(value);
    if (text === undefined || text === '') continue;
    const bad = describeBadValue(doc, text);
    if (bad) issues.push({ level: 'error', param: key, message: bad });
  }
  for (const doc of docs) {
    if (doc.required && !formatParamValue(findValue(params, doc.name))?.trim()) {
      issues.push({ level: 'error', param: doc.name, message: `module ${module} needs parameter ${doc.name}` });
    }
  }
  if (module === 'process' && !['name', 'pattern'].some((n) => findValue(params, n) !== undefined)) {
    issues.push({ level: 'error', param: 'name', message: 'module process needs parameter name or pattern' });
  }
  return issues;
}

/** Returns the value of a parameter by its documented name, whatever the key's case. */
function findValue(params: Readonly<Record<string, unknown>>, name: string): unknown {
  const key = Object.keys(params).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : params[key];
}
