// A cli-table3 table with smoker's look: bold header, no colour from cli-table3 itself.
import Table from 'cli-table3';
import { paintBold } from './color.js';

/** Renders rows under a header as a boxed table; call inside `withColor` (cells may hold kleur colours). */
export function renderTable(head: readonly string[], rows: readonly (readonly string[])[]): string {
  // style.head/border empty: cli-table3 would otherwise colour the header red on its own.
  const table = new Table({ head: head.map((h) => paintBold(h)), style: { head: [], border: [] } });
  for (const row of rows) table.push([...row]);
  return `${table.toString()}\n`;
}
