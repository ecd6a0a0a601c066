// YAML input files read with positions: Ansible's `!vault` and `!unsafe` tags, errors as ConfigError.

import { LineCounter, parseDocument, type Document, type Node, type ScalarTag } from 'yaml';
import { yamlDocumentIssues } from '../config/yaml-file.js';
import { ConfigError, type SourcePos } from '../errors.js';

/** A value Ansible Vault encrypted (`!vault |`); converters never copy it. */
export class VaultedValue {
  constructor(readonly ciphertext: string) {}
}

const ANSIBLE_TAGS: ScalarTag[] = [
  { tag: '!vault', resolve: (text: string) => new VaultedValue(text) },
  { tag: '!unsafe', resolve: (text: string) => text },
];

/** A parsed YAML file and the means to name positions in it. */
export interface YamlSource {
  doc: Document;
  file: string;
  /** Where a node starts, or undefined for a node without a range. */
  posOf(node: Node | null | undefined): SourcePos | undefined;
}

/** Parses YAML, or returns undefined when it has syntax errors; `uniqueKeys: false` skips the parser's duplicate-key check (quadratic in a map's size). */
export function tryParseYaml(text: string, file: string, opts: { uniqueKeys?: boolean } = {}): YamlSource | undefined {
  const source = parseYamlSource(text, file, opts.uniqueKeys ?? true);
  return source.doc.errors.length ? undefined : source;
}

/**
 * Parses YAML; throws ConfigError naming each syntax error's line and column, and refuses what smoker's own files may
 * not hold either (alias bombs, nesting deeper than 64 levels: yamlDocumentIssues) before anything expands it.
 */
export function readYaml(text: string, file: string): YamlSource {
  const source = parseYamlSource(text, file, false);
  const issues = yamlDocumentIssues(source.doc, source.lineCounter, file);
  if (issues.length) throw new ConfigError(issues);
  return source;
}

/** Parses YAML keeping syntax errors in the document (callers decide what they mean); `uniqueKeys: false` skips the (quadratic) duplicate-key check. */
export function parseYamlSource(text: string, file: string, uniqueKeys = true): YamlSource & { lineCounter: LineCounter } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, customTags: ANSIBLE_TAGS, prettyErrors: false, uniqueKeys });
  return {
    doc,
    file,
    lineCounter,
    posOf(node) {
      const start = node?.range?.[0];
      if (start === undefined) return undefined;
      const p = lineCounter.linePos(start);
      return { file, line: p.line, col: p.col };
    },
  };
}
