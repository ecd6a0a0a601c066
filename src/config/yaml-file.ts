// Reads a YAML file into an AST with positions; syntax errors become positioned issues.
import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { ConfigError, type ConfigIssue } from '../errors.js';
import { Ctx } from './schema/context.js';
import { checkYamlLimits, MAX_YAML_DEPTH } from './yaml-limits.js';

/** A parsed YAML file ready for validation. */
export interface YamlFile {
  file: string;
  doc: Document;
  ctx: Ctx;
}

/** Parses YAML text; returns the document or the syntax issues. */
export function parseYaml(text: string, file: string): { file: YamlFile } | { issues: ConfigIssue[] } {
  const lineCounter = new LineCounter();
  let doc: Document;
  try {
    // Duplicate keys are checked by checkYamlLimits, in linear time.
    doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false, merge: true });
  } catch (err) {
    return { issues: [{ pos: { file, line: 1, col: 1 }, path: '', message: `invalid YAML: ${describeParseError(err)}` }] };
  }
  const issues = yamlDocumentIssues(doc, lineCounter, file);
  if (issues.length) return { issues };
  return { file: { file, doc, ctx: new Ctx(file, doc, lineCounter) } };
}

/**
 * What is wrong with a parsed document, positioned: its syntax errors, else nesting, alias and duplicate-key limits
 * (checkYamlLimits). Every YAML file smoker reads (its own and Ansible's) goes through this.
 */
export function yamlDocumentIssues(doc: Document, lineCounter: LineCounter, file: string): ConfigIssue[] {
  if (doc.errors.length > 0) {
    const issues = doc.errors.map((e) => {
      const lp = lineCounter.linePos(e.pos[0]);
      return { pos: { file, line: lp.line, col: lp.col }, path: '', message: `invalid YAML: ${describeParseError(e)}` };
    });
    // A stack overflow is reported at every level it unwound through: the deepest says it all.
    return issues.some((i) => i.message.includes(TOO_DEEP)) ? issues.filter((i) => i.message.includes(TOO_DEEP)).slice(0, 1) : issues;
  }
  return checkYamlLimits(doc, lineCounter, file);
}

const TOO_DEEP = `nesting deeper than ${MAX_YAML_DEPTH} levels`;

// The parser itself recurses: a file nested thousands deep overflows its stack.
const STACK_OVERFLOW = /maximum call stack/i;

function describeParseError(err: unknown): string {
  const message = firstLine((err as Error)?.message ?? String(err));
  return STACK_OVERFLOW.test(message) ? TOO_DEEP : message;
}

/** Whether parsing stopped because the document nests too deep for the parser (only YAML nests so: not INI, say). */
export function nestsTooDeep(doc: Document): boolean {
  return doc.errors.some((e) => STACK_OVERFLOW.test(e.message));
}

/** Reads and parses a YAML file, throwing ConfigError on a missing file or bad syntax. */
export function readYamlFile(file: string, displayName = file): YamlFile {
  return parseYamlOrThrow(readYamlText(file, displayName), displayName);
}

/** Parses YAML text, throwing ConfigError on bad syntax. */
export function parseYamlOrThrow(text: string, displayName: string): YamlFile {
  const parsed = parseYaml(text, displayName);
  if ('issues' in parsed) throw new ConfigError(parsed.issues);
  return parsed.file;
}

/** Reads a YAML file's text, throwing ConfigError (at 1:1) when it is missing or unreadable. */
export function readYamlText(file: string, displayName = file): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : `cannot read file: ${(err as Error).message}`;
    throw new ConfigError([{ pos: { file: displayName, line: 1, col: 1 }, path: '', message: reason }]);
  }
}

function firstLine(s: string): string {
  return s.split('\n')[0] ?? s;
}
