// Finds test files: PATH arguments as files or folders (YAML and *.test.mjs/js/ts inside folders).
import { readdirSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { UsageError } from '../errors.js';

/** Extensions of code test files. */
export const CODE_EXTENSIONS = ['.mjs', '.js', '.ts', '.mts', '.cjs'];
const YAML_EXTENSIONS = ['.yaml', '.yml'];

/** Whether a file is a YAML test file (else a code test file). */
export function isYamlTestFile(path: string): boolean {
  return YAML_EXTENSIONS.includes(extname(path));
}

/** One PATH argument: `PATH`, `PATH::TEST` or `PATH::TEST@{json}`. */
export interface TestSelector {
  path: string;
  test?: string | undefined;
  params?: string | undefined;
  /** The argument as given. */
  text: string;
}

/** Splits `PATH::TEST@{json}`. */
export function parseSelector(text: string): TestSelector {
  const sep = text.indexOf('::');
  if (sep < 0) return { path: text, text };
  const rest = text.slice(sep + 2);
  const at = rest.indexOf('@{');
  return { path: text.slice(0, sep), test: at < 0 ? rest : rest.slice(0, at), params: at < 0 ? undefined : rest.slice(at + 1), text };
}

/** The test files under a path, sorted; a missing path is a usage error. */
export function listTestFiles(path: string): string[] {
  const abs = resolve(path);
  let st;
  try {
    st = statSync(abs);
  } catch {
    throw new UsageError(`no such test file or folder: ${path}`);
  }
  if (st.isFile()) {
    if (![...YAML_EXTENSIONS, ...CODE_EXTENSIONS].includes(extname(abs))) throw new UsageError(`${path}: not a test file (expected .yaml, .yml, .mjs, .js or .ts)`);
    return [abs];
  }
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (YAML_EXTENSIONS.includes(extname(e.name)) || /\.test\.(mjs|js|ts|mts|cjs)$/.test(e.name)) out.push(p);
    }
  };
  walk(abs);
  return out;
}
