// Keys of a check that are not check keys: a parameter something uses, a typo, or a key nothing reads (SPEC §1, issue 15 item 3).
import { findModuleParam, isBuiltinModule, MODULE_CATALOG } from '../modules/catalog.js';
import { readParserSpec } from '../parsers/parser-spec.js';
import { placeholderNames } from './templates.js';
import { didYouMean, optimalStringAlignment } from './suggest.js';

/** One key to judge: as written, and whether it sat in `params:` (deliberate) rather than beside the check keys. */
export interface ParamKey {
  readonly key: string;
  readonly explicit: boolean;
}

/** What a check does with its parameters. */
export interface ParamUse {
  /** The check's module (normalised), if any. */
  readonly module: string | undefined;
  /** The check's parser spec. */
  readonly parser: unknown;
  /** Names (lower case) the check's command, lock path, parameter values and parser options refer to. */
  readonly referenced: ReadonlySet<string>;
  /** The check keys, for "did you mean". */
  readonly checkKeys: readonly string[];
}

/** A verdict on one key that is not simply a parameter. */
export interface ParamKeyProblem {
  readonly key: string;
  readonly level: 'error' | 'warning';
  readonly message: string;
}

/**
 * Judges each key: referenced by a template, or read by the built-in module or parser, it is a parameter; a key the
 * built-in module does not take is an error; an unused key one edit from a check key is an error (`timout`);
 * any other unused key is a warning (an error with --strict). Module scripts and parser modules get every parameter.
 */
export function reviewParamKeys(keys: readonly ParamKey[], use: ParamUse): ParamKeyProblem[] {
  const problems: ParamKeyProblem[] = [];
  const parserParams = parserParamsOf(use.parser);
  for (const { key, explicit } of keys) {
    const lower = key.toLowerCase();
    if (use.referenced.has(lower)) continue;
    if (parserParams === 'any' || parserParams.some((p) => p.toLowerCase() === lower)) continue;
    if (use.module !== undefined) {
      if (!isBuiltinModule(use.module)) continue;
      if (findModuleParam(use.module, key)) continue;
      const known = MODULE_CATALOG[use.module].params.map((p) => p.name);
      const hint = didYouMean(key, explicit ? known : [...known, ...use.checkKeys]);
      problems.push({ key, level: 'error', message: `module ${use.module} has no parameter "${key}"${hint}; it takes ${known.join(', ') || 'none'}` });
      continue;
    }
    if (explicit) continue;
    const typo = use.checkKeys.find((k) => isLikelyTypo(key, k));
    if (typo !== undefined) {
      problems.push({ key, level: 'error', message: `unknown key "${key}" (did you mean "${typo}"?); a parameter would need {{ ${key} }} in the command` });
      continue;
    }
    problems.push({ key, level: 'warning', message: `"${key}" is not a check key and nothing uses it (no {{ ${key} }} in the command, not a parameter of the parser); it is passed as a parameter` });
  }
  return problems;
}

/** Whether `word` is one slip (a letter missing, extra, changed or two swapped) from `key`; two for long keys. */
export function isLikelyTypo(word: string, key: string): boolean {
  if (word.toLowerCase() === key.toLowerCase()) return false;
  const d = optimalStringAlignment(word, key);
  return d <= 1 || (d === 2 && Math.min(word.length, key.length) >= 8);
}

/** Every name the strings inside `value` refer to as {{ name }} or %(name)s, lower-cased. */
export function referencedNames(...values: unknown[]): Set<string> {
  const out = new Set<string>();
  const visit = (v: unknown): void => {
    if (typeof v === 'string') for (const n of placeholderNames(v)) out.add(n.toLowerCase());
    else if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') Object.values(v).forEach(visit);
  };
  values.forEach(visit);
  return out;
}

// The parameters a parser reads: a built-in's list, or every one for a parser module (it receives them all).
function parserParamsOf(spec: unknown): readonly string[] | 'any' {
  try {
    const target = readParserSpec(spec);
    return target.kind === 'module' ? 'any' : (target.parser.params ?? []);
  } catch {
    return []; // a bad parser spec is reported on its own
  }
}
