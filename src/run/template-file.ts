// Renders a local template file (`{{ name }}` with host vars and params, substitute.ts's engine) onto a host.
import { readFile, stat } from 'node:fs/promises';
import { UsageError } from '../errors.js';
import type { HostConfig } from '../config/types.js';
import type { Connection } from '../transport/types.js';
import { hostPlaceholders, substituteRaw, UnknownPlaceholderError } from './substitute.js';

/** Fills `{{ }}` in a local template with the host's placeholders (vars, host, address, port, user) and `params`, and writes it to remotePath with the template's mode. */
export async function renderTemplate(conn: Connection, localTemplate: string, remotePath: string, values: { host?: HostConfig; params?: Readonly<Record<string, unknown>> } = {}): Promise<void> {
  const [text, info] = await Promise.all([readFile(localTemplate, 'utf8'), stat(localTemplate)]);
  const all = { ...(values.host ? hostPlaceholders(values.host) : {}), ...values.params };
  let rendered: string;
  try {
    rendered = substituteRaw(text, all);
  } catch (err) {
    if (err instanceof UnknownPlaceholderError) throw new UsageError(`${localTemplate}: ${err.message} (known: ${Object.keys(all).join(', ') || 'none'})`);
    throw err;
  }
  await conn.writeFile(remotePath, rendered, info.mode & 0o7777);
}
