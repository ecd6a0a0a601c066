// A TCP port on 127.0.0.1 that nothing listens on, for tests that start a listener of their own.
import { createServer } from 'node:net';

/** A free port, found by listening on 0 and closing. */
export async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const port = (s.address() as { port: number }).port;
  await new Promise((r) => s.close(r));
  return port;
}
