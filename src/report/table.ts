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
  const table = new Table({
    head: head.map((h) => paintBold(h)),
    // style.head/border empty: cli-table3 would otherwise colour the header red on its own.
    // compact: a rule under the header only, none between rows (200 hosts stay 200 lines, not 400).
    style: { head: [], border: [], compact: true },
    colWidths: widths.map((w) => w + PADDING),
    wordWrap: true,
  });
  for (const row of rows) table.push(row.map((cell, i) => breakLongWords(cell, widths[i] ?? 1)));
  return `${table.toString()}\n`;
}

/** Columns of a cell's widest line, colours left out. */
function measureCell(text: string): number {
  return Math.max(0, ...stripAnsi(text).split('\n').map((line) => Array.from(line).length));
}
