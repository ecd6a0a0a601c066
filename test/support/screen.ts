// A tiny terminal screen: replays what a program wrote to a pty (text, CR/LF, cursor moves, line erases) into the lines left visible.

/** The lines a terminal shows after `bytes` were written to it (colours and unknown sequences ignored). */
export function renderScreen(bytes: string): string[] {
  const lines: string[][] = [[]];
  let row = 0;
  let col = 0;
  const line = () => (lines[row] ??= []);
  for (let i = 0; i < bytes.length; i++) {
    const ch = bytes[i] as string;
    if (ch === '\x1b') {
      const csi = /^\x1b\[([?0-9;]*)([A-Za-z])/.exec(bytes.slice(i));
      const osc = /^\x1b\][^\x07]*\x07/.exec(bytes.slice(i));
      const seq = csi ?? osc;
      if (!seq) continue;
      i += seq[0].length - 1;
      if (!csi) continue;
      const n = Number((csi[1] ?? '').replace('?', '').split(';')[0] || '1');
      switch (csi[2]) {
        case 'A':
          row = Math.max(0, row - n);
          break;
        case 'B':
          row += n;
          break;
        case 'G':
          col = n - 1;
          break;
        case 'K':
          // 0: to the end, 1: to the start, 2: the whole line.
          if (csi[1] === '2') lines[row] = [];
          else if (csi[1] === '1') line().fill(' ', 0, col + 1);
          else line().length = Math.min(line().length, col);
          break;
        case 'J':
          lines.length = row + 1;
          line().length = Math.min(line().length, col);
          break;
      }
      continue;
    }
    if (ch === '\r') col = 0;
    else if (ch === '\n') {
      row++;
      col = 0;
    } else {
      const l = line();
      while (l.length < col) l.push(' ');
      l[col++] = ch;
    }
  }
  return Array.from({ length: lines.length }, (_, r) => (lines[r] ?? []).join('').trimEnd());
}
