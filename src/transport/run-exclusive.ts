// Runs async tasks one at a time per key, in call order, within this process.

const tails = new Map<string, Promise<void>>();

/** Runs `task` after every earlier task queued under `key` has settled; resolves with its result. */
export function runExclusive<T>(key: string, task: () => Promise<T>): Promise<T> {
  const previous = tails.get(key) ?? Promise.resolve();
  const result = previous.then(task);
  const tail = result.then(
    () => undefined,
    () => undefined,
  );
  tails.set(key, tail);
  void tail.then(() => {
    if (tails.get(key) === tail) tails.delete(key);
  });
  return result;
}
