// The abort signal of one run, following the caller's and allowed any number of listeners.
import { setMaxListeners } from 'node:events';

/**
 * The run's own abort signal, following the caller's. Every command in flight listens to it, so
 * it may have hundreds of listeners: Node's "possible memory leak" warning at 11 would be noise.
 */
export function runSignal(outer: AbortSignal | undefined): { signal: AbortSignal; abort: (reason?: unknown) => void; dispose: () => void } {
  const controller = new AbortController();
  setMaxListeners(0, controller.signal);
  const abort = () => controller.abort();
  if (outer?.aborted) abort();
  else outer?.addEventListener('abort', abort, { once: true });
  return { signal: controller.signal, abort: (reason) => controller.abort(reason), dispose: () => outer?.removeEventListener('abort', abort) };
}
