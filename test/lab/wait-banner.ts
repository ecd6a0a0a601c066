// Readiness: a host is up when its sshd sends the `SSH-2.0-` banner on a fresh TCP connection.

import { connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { LabError } from './lab-error.js';

/** How long to keep trying, and what to ask between tries. */
export interface WaitBannerOptions {
  deadline: number;
  /** Returns a reason to stop waiting (the server died), or undefined to keep polling. */
  failure: () => string | undefined;
}

/** Polls `address:port` until it answers with an SSH banner; throws with the failure reason or on timeout. */
export async function waitForBanner(address: string, port: number, opts: WaitBannerOptions): Promise<void> {
  for (let delay = 2; ; delay = Math.min(delay * 2, 50)) {
    const banner = await readBanner(address, port, Math.max(100, opts.deadline - Date.now()));
    if (banner?.startsWith('SSH-2.0-')) return;
    const failure = opts.failure();
    if (failure) throw new LabError('E_LAB_START', `${address}:${port} did not come up: ${failure}`);
    if (Date.now() > opts.deadline) throw new LabError('E_LAB_START', `${address}:${port} sent no SSH banner in time (last: ${banner ?? 'no connection'})`);
    await sleep(delay);
  }
}

/** The first line the server sends, or undefined when the connection fails. */
function readBanner(address: string, port: number, timeoutMs: number): Promise<string | undefined> {
  return new Promise((resolve) => {
    const socket = connect({ host: address, port });
    let text = '';
    const finish = (value: string | undefined): void => {
      socket.destroy();
      resolve(value);
    };
    socket.setTimeout(timeoutMs, () => finish(text || undefined));
    socket.on('data', (chunk: Buffer) => {
      text += chunk.toString('latin1');
      if (text.includes('\n')) finish(text.split('\n')[0]?.trim());
    });
    socket.on('error', () => finish(undefined));
    socket.on('close', () => finish(text || undefined));
  });
}
