// Positions in converted input files: offsets to line:col, issues and warnings that name them.

import type { ConfigIssue, SourcePos } from '../errors.js';

/** Converts a 0-based offset in `text` to a 1-based line and column in `file`. */
export function positionOf(text: string, offset: number, file: string): SourcePos {
  let line = 1;
  let lineStart = 0;
  const end = Math.max(0, Math.min(offset, text.length));
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { file, line, col: end - lineStart + 1 };
}

/** Builds an issue at a 1-based line and column. */
export function issueAt(file: string, line: number, col: number, path: string, message: string): ConfigIssue {
  return { pos: { file, line, col }, path, message };
}

/** Formats a warning as `file:line:col message`, or just the message when the position is unknown. */
export function formatWarning(pos: SourcePos | undefined, message: string): string {
  return pos ? `${pos.file}:${pos.line}:${pos.col} ${message}` : message;
}
