// The start of a log tail's stdout: bytes up to the ready marker (WATCH_READY) are not the log; after it, all are.
import { WATCH_READY } from './tail-script.js';

/** Cuts the ready marker from the front of a tail's output (it may arrive split over chunks) and says when it came. */
export class ReadyMarker {
  private head = '';
  private found = false;

  /** `onMarked` runs once, when the marker has arrived (the log's end is marked on the host). */
  constructor(private readonly onMarked: () => void) {}

  /** Whether the marker has arrived. */
  get marked(): boolean {
    return this.found;
  }

  /** The log bytes in a chunk of the tail's stdout: none before the marker, what follows it, then every chunk whole. */
  cut(chunk: Buffer): Buffer {
    if (this.found) return chunk;
    // latin1 maps bytes to characters one to one, so a marker split across chunks is found and the rest is kept exact.
    this.head += chunk.toString('latin1');
    const at = this.head.indexOf(WATCH_READY);
    if (at < 0) return EMPTY;
    const rest = Buffer.from(this.head.slice(at + WATCH_READY.length), 'latin1');
    this.head = '';
    this.found = true;
    this.onMarked();
    return rest;
  }
}

const EMPTY = Buffer.alloc(0);
