// Column widths that fit a budget: the widest columns give up room first, down to a readable minimum, then below it if they must.

// Columns are first narrowed to no less than this many characters (or their natural width, when smaller).
const READABLE = 6;

/** Shrinks content widths until their sum fits `budget`, always taking from the widest column; no column goes below 1. */
export function fitColumns(natural: readonly number[], budget: number): number[] {
  const widths = [...natural];
  let excess = widths.reduce((a, b) => a + b, 0) - budget;
  for (const floor of [READABLE, 1]) {
    while (excess > 0) {
      let widest = -1;
      for (let i = 0; i < widths.length; i++) {
        const w = widths[i] ?? 0;
        if (w > Math.min(floor, natural[i] ?? 0) && (widest < 0 || w > (widths[widest] ?? 0))) widest = i;
      }
      if (widest < 0) break;
      widths[widest] = (widths[widest] ?? 0) - 1;
      excess--;
    }
  }
  return widths;
}

/**
 * Breaks every word longer than `width` into pieces that fit (after a comma when one is near), so a cell wraps
 * instead of losing its end (`web[01-20],db[1-3]` → `web[01-20],` `db[1-3]`). Text with colour codes is left whole.
 */
export function breakLongWords(text: string, width: number): string {
  if (width < 1 || text.includes('\u001b')) return text;
  return text.split('\n').map((line) => line.split(' ').map((word) => breakWord(word, width)).join(' ')).join('\n');
}

function breakWord(word: string, width: number): string {
  const chars = Array.from(word);
  const pieces: string[] = [];
  while (chars.length > width) {
    const comma = chars.slice(0, width).lastIndexOf(',');
    pieces.push(chars.splice(0, comma >= width / 2 ? comma + 1 : width).join(''));
  }
  pieces.push(chars.join(''));
  return pieces.join(' ');
}
