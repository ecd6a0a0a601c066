// JSON input files: syntax errors become ConfigError at the line and column where parsing stopped.

import { ConfigError } from '../errors.js';
import { positionOf } from './source-pos.js';

/** Parses JSON; throws ConfigError with file:line:col (from V8's "at position N" or "line L column C"). */
export function parseJsonSource(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    const message = (err as Error).message;
    const lineCol = /line (\d+) column (\d+)/.exec(message);
    const offset = /position (\d+)/.exec(message);
    const pos = lineCol
      ? { file, line: Number(lineCol[1]), col: Number(lineCol[2]) }
      : positionOf(text, offset ? Number(offset[1]) : text.length, file);
    const reason = message.replace(/\s*\(line \d+ column \d+\)/, '').replace(/ in JSON at position \d+.*$/, '');
    throw new ConfigError([{ pos, path: '', message: `invalid JSON: ${reason}` }]);
  }
}
