// terminalSafe: what remote text may still do to a terminal once made safe (nothing but print).
import { expect } from 'chai';
import { terminalSafe } from '../../src/report/text.js';

describe('report/text terminalSafe', () => {
  const cases: [string, string, string][] = [
    ['OSC title ended by BEL', '\u001b]0;title\u0007ok', 'ok'],
    ['OSC ended by ST', '\u001b]2;title\u001b\\ok', 'ok'],
    ['OSC never ended', 'ok\u001b]0;title', 'ok'],
    ['screen clear and colours', '\u001b[2J\u001b[1;31mred\u001b[0m', 'red'],
    ['C1 CSI', '\u009b2Jx', 'x'],
    ['DCS string', '\u001bPq#0;2;0;0;0\u001b\\x', 'x'],
    ['charset and keypad escapes', '\u001b(0\u001b=x', 'x'],
    ['carriage returns become line breaks', 'a\r\nb\rc', 'a\nb\nc'],
    ['BEL, backspace, DEL dropped; tab and newline kept', 'a\u0007\b\u007fb\tc\n', 'ab\tc\n'],
    ['plain text and non-ASCII unchanged', 'héllo – ✓', 'héllo – ✓'],
  ];
  for (const [title, input, expected] of cases) {
    it(title, () => expect(terminalSafe(input)).to.equal(expected));
  }
});
