// The frame reader against every way a stream can be cut into chunks, and against output that imitates markers.
import { expect } from 'chai';
import { END_MARK, FrameReader, type Frame } from '../../src/transport/frame-reader.js';

const NONCE = '0123456789abcdef';
const end = (status: number) => `\n${END_MARK}${NONCE} ${status}\n`;

/** Feeds `text` cut at `cuts`, and returns per command its output and status, plus what is left over. */
function read(text: string, cuts: number[]): { commands: Array<{ out: string; status: number }>; rest: string } {
  const reader = new FrameReader(NONCE);
  const bytes = Buffer.from(text, 'latin1');
  const frames: Frame[] = [];
  let from = 0;
  for (const at of [...cuts, bytes.length]) {
    frames.push(...reader.push(bytes.subarray(from, at)));
    from = at;
  }
  const commands: Array<{ out: string; status: number }> = [];
  let out = '';
  for (const f of frames) {
    if (f.kind === 'data') out += f.data.toString('latin1');
    else {
      commands.push({ out, status: f.status });
      out = '';
    }
  }
  return { commands, rest: out + reader.flush().toString('latin1') };
}

describe('transport/frame-reader (inline data)', () => {
  const outputs = ['', 'ok\n', 'no newline', '\n\n', `almost ${END_MARK}${NONCE} 1 but not after a newline\n`, `\n${END_MARK}ffffffffffffffff 3\n`, `\n${END_MARK}${NONCE} x\n`, `\n${END_MARK}${NONCE} 1234567890123456789 long\n`];
  const stream = outputs.map((o, i) => o + end(i)).join('') + 'tail without marker';
  const expected = outputs.map((out, status) => ({ out, status }));

  it('splits whole input into each command output and status, output that imitates markers included', () => {
    expect(read(stream, [])).to.deep.equal({ commands: expected, rest: 'tail without marker' });
  });

  it('gives the same frames however the stream is cut (every single cut, and 300 random cut sets)', () => {
    for (let at = 0; at <= stream.length; at++) expect(read(stream, [at]), `cut at ${at}`).to.deep.equal({ commands: expected, rest: 'tail without marker' });
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let round = 0; round < 300; round++) {
      const cuts = Array.from({ length: 1 + Math.floor(random() * 40) }, () => Math.floor(random() * stream.length)).sort((a, b) => a - b);
      expect(read(stream, cuts), `cuts ${cuts.join(',')}`).to.deep.equal({ commands: expected, rest: 'tail without marker' });
    }
  });

  it('passes output on at once, holding back only a tail that could begin a marker', () => {
    const reader = new FrameReader(NONCE);
    const first = reader.push(Buffer.from(`line one\nline two\n${END_MARK.slice(0, 3)}`));
    expect(first).to.deep.equal([{ kind: 'data', data: Buffer.from('line one\nline two') }]);
    expect(reader.push(Buffer.from('nothing\n'))).to.deep.equal([{ kind: 'data', data: Buffer.from(`\n${END_MARK.slice(0, 3)}nothing`) }]);
  });
});
