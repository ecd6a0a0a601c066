// A cli-table3 table with smoker's look: bold header, no colour from cli-table3 itself, no rule between rows, fitted to a width.
import Table from 'cli-table3';
import { paintBold } from './color.js';
import { breakLongWords, fitColumns } from './table-fit.js';
import { stripAnsi } from './text.js';

/** How a table is laid out. */
export interface TableOptions {
  /** Most columns a line may take (see `terminalWidth`): long cells wrap at words (a longer word is broken). */
  width?: number | undefined;
}

// A vertical border, and the padding cli-table3 puts on each side of a cell.
const BORDER = 1;
const PADDING = 2;

/** Renders rows under a header as a boxed table; call inside `withColor` (cells may hold kleur colours). */
export function renderTable(head: readonly string[], rows: readonly (readonly string[])[], opts: TableOptions = {}): string {
  const natural = head.map((h, i) => Math.max(measureCell(h), ...rows.map((r) => measureCell(r[i] ?? ''))));
  const budget = opts.width === undefined ? undefined : opts.width - BORDER * (head.length + 1) - PADDING * head.length;
  const widths = budget === undefined ? natural : fitColumns(natural, budget);
  const cells = rows.map((row) => row.map((cell, i) => breakLongWords(cell, widths[i] ?? 1)));
  // cli-table3's layout grows faster than the row count (2,000 rows took 10 s): the widths are fixed here,
  // so chunks of rows render apart and join, each without its top and bottom border.
  const parts: string[] = [];
  for (let start = 0; start === 0 || start < cells.length; start += CHUNK_ROWS) {
    const lines = renderChunk(start === 0 ? head.map((h) => paintBold(h)) : [], cells.slice(start, start + CHUNK_ROWS), widths).split('\n');
    const last = start + CHUNK_ROWS >= cells.length;
    parts.push(...lines.slice(start === 0 ? 0 : 1, last ? lines.length : -1));
  }
  return `${parts.join('\n')}\n`;
}

// Rows per cli-table3 call: small enough to stay linear, large enough to cost little per call.
const CHUNK_ROWS = 100;

/** One cli-table3 table with fixed content widths: top border, the header if given, rows, bottom border. */
function renderChunk(head: readonly string[], rows: readonly string[][], widths: readonly number[]): string {
  const table = new Table({
    head: [...head],
    // style.head/border empty: cli-table3 would otherwise colour the header red on its own.
    // compact: a rule under the header only, none between rows (200 hosts stay 200 lines, not 400).
    style: { head: [], border: [], compact: true },
    colWidths: widths.map((w) => w + PADDING),
    wordWrap: true,
  });
  for (const row of rows) table.push(row);
  return table.toString();
}

/** Columns of a cell's widest line, colours left out. */
function measureCell(text: string): number {
  return Math.max(0, ...stripAnsi(text).split('\n').map((line) => Array.from(line).length));
}
