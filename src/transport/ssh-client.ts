// Opens one authenticated ssh2 client to a target: host key checked first, errors classified.
import ssh2, { type Client } from 'ssh2';
import type { Readable } from 'node:stream';
import { TransportError } from '../errors.js';
import { formatDuration } from '../config/duration.js';
import { authHandlerFor, buildAuthMethods, describeMethods } from './ssh-auth.js';
import type { KeyStore } from './ssh-keys.js';
import type { SshTarget } from './ssh-target.js';
import { findKnownHostKeyTypes, verifyHostKey } from './known-hosts.js';

/** What connecting needs besides the target. */
export interface ClientContext {
  keys: KeyStore;
  /** Called with host-key warnings (the caller prints each kind once). */
  warn: (message: string) => void;
  keepaliveMs?: number;
}

const DEFAULT_HOST_KEY_ORDER = ['ssh-ed25519', 'ecdsa-sha2-nistp256', 'ecdsa-sha2-nistp384', 'ecdsa-sha2-nistp521', 'rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa'];

/** Connects and authenticates; rejects with a TransportError saying what went wrong and whether to retry. */
export async function openClient(t: SshTarget, ctx: ClientContext, sock?: Readable): Promise<Client> {
  const { methods, notes } = await buildAuthMethods(t, ctx.keys);
  if (methods.length === 0) {
    throw new TransportError(`${t.name}: no way to authenticate as ${t.user}${notes.length ? `: ${notes.join('; ')}` : ' (no agent, identity file or passwordEnv)'}`, { code: 'E_AUTH' });
  }
  // Prefer host key types known_hosts already holds, as OpenSSH does, so a known key is negotiated.
  const known = t.hostKeyPolicy === 'off' ? [] : await findKnownHostKeyTypes(t.host, t.port, t.knownHosts);
  const order = [...known.filter((k) => DEFAULT_HOST_KEY_ORDER.includes(k)), ...DEFAULT_HOST_KEY_ORDER.filter((k) => !known.includes(k))];

  return new Promise((resolve, reject) => {
    const client = new ssh2.Client();
    let hostKeyError: TransportError | undefined;
    let ready = false;
    const fail = (err: Error & { level?: string; code?: string }) => {
      if (ready) return;
      client.end();
      reject(classify(err, t, hostKeyError, () => describeMethods(methods, t), notes));
    };
    client.once('ready', () => {
      ready = true;
      resolve(client);
    });
    client.on('error', fail);
    client.once('close', () => fail(new Error('connection closed during handshake')));
    client.connect({
      host: t.host,
      port: t.port,
      username: t.user,
      ...(sock ? { sock } : {}),
      readyTimeout: t.connectTimeoutMs,
      keepaliveInterval: ctx.keepaliveMs ?? 15_000,
      keepaliveCountMax: 3,
      algorithms: { serverHostKey: order as never },
      hostVerifier: (key: Buffer, verify: (ok: boolean) => void) => {
        verifyHostKey({ host: t.host, port: t.port, key, files: t.knownHosts, policy: t.hostKeyPolicy }).then(
          (v) => {
            if (v.ok) {
              if (v.warning) ctx.warn(v.warning);
              verify(true);
            } else {
              hostKeyError = v.error;
              verify(false);
            }
          },
          (err: unknown) => {
            hostKeyError = new TransportError(`host key check failed: ${(err as Error).message}`, { code: 'E_HOST_KEY_FILE' });
            verify(false);
          },
        );
      },
      authHandler: authHandlerFor(methods),
    });
  });
}

function classify(err: Error & { level?: string; code?: string }, t: SshTarget, hostKeyError: TransportError | undefined, tried: () => string, notes: string[]): TransportError {
  const where = `${t.name} (${t.user}@${t.host}:${t.port})`;
  if (hostKeyError) return new TransportError(`${where}: ${hostKeyError.message}`, { code: hostKeyError.code, cause: hostKeyError });
  if (err.level === 'client-timeout') {
    return new TransportError(`${where}: connect timeout: no SSH handshake within ${formatDuration(t.connectTimeoutMs)}`, { code: 'E_TIMEOUT', cause: err });
  }
  if (err.level === 'client-authentication') {
    const extra = notes.length ? ` (${notes.join('; ')})` : '';
    return new TransportError(`${where}: authentication failed as ${t.user}; tried ${tried()}${extra}`, { code: 'E_AUTH', cause: err });
  }
  switch (err.code) {
    case 'ECONNREFUSED':
      return new TransportError(`${where}: connection refused`, { code: 'E_REFUSED', retryable: true, cause: err });
    case 'ECONNRESET':
      return new TransportError(`${where}: connection reset during handshake`, { code: 'E_RESET', retryable: true, cause: err });
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new TransportError(`${where}: cannot resolve host name ${t.host}`, { code: 'E_DNS', cause: err });
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return new TransportError(`${where}: host unreachable`, { code: 'E_UNREACHABLE', cause: err });
    default:
      if (/closed during handshake|Connection lost before handshake/i.test(err.message)) {
        return new TransportError(`${where}: connection closed during handshake`, { code: 'E_RESET', retryable: true, cause: err });
      }
      return new TransportError(`${where}: ${err.message}`, { code: 'E_SSH', cause: err });
  }
}
