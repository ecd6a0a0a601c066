// Human output as hosts finish: each host's block in completion order (or, where the view folds, a line per non-OK host).
import type { HumanLevel, RenderOptions } from '../../report/options.js';
import type { HostResult } from '../../results/types.js';

/** A running stream of host results. */
export interface HostStream {
  /** A host finished: print it now. */
  host(h: HostResult): void;
  /** Hosts whose block was printed already: the end leaves them out. */
  readonly printed: ReadonlySet<string>;
}

/**
 * Starts printing each finished host through `print`. When the final view folds hosts (`normal` above 10 hosts),
 * blocks would undo the folding: only a one-line notice per non-OK host is printed, and the folded view at the end is whole.
 */
export async function startHostStream(level: HumanLevel, hostCount: number, opts: RenderOptions, print: (text: string) => void): Promise<HostStream> {
  const { foldsHosts, renderHostBlock, renderHostNotice } = await import('../../report/index.js');
  const fold = foldsHosts(level, hostCount);
  const printed = new Set<string>();
  return {
    printed,
    host: (h) => {
      const text = fold ? renderHostNotice(h.host, h, opts) : renderHostBlock(h.host, h, level, opts);
      if (!fold) printed.add(h.host);
      if (text) print(text);
    },
  };
}
