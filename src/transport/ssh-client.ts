// Opens one authenticated ssh2 client to a target: host key checked first, errors classified.
import ssh2, { type Client } from 'ssh2';
import type { Readable } from 'node:stream';
import { TransportError } from '../errors.js';
import { formatDuration } from '../config/duration.js';
import { authHandlerFor, buildAuthMethods, describeMethods } from './ssh-auth.js';
import { msSince, NO_TRACE, traceFor, type ConnectTrace } from './connect-trace.js';
import { fingerprintSha256, readKeyType } from './fingerprint.js';
import type { KeyStore } from './ssh-keys.js';
import type { SshTarget } from './ssh-target.js';
import { findKnownHostKeyTypes, verifyHostKey } from './known-hosts.js';

/** What connecting needs besides the target. */
export interface ClientContext {
  keys: KeyStore;
  /** Called with host-key warnings (the caller prints each kind once). */
  warn: (message: string) => void;
  keepaliveMs?: number;
  /** Receives -v/-vv connection detail (default: none). */
  trace?: ConnectTrace;
}

/** ssh2 debug lines -vv shows: the server's version, disconnects, banners, failed auth, rekeying. */
const SSH2_DEBUG_SHOWN = /Remote ident|DISCONNECT|USERAUTH_BANNER|USERAUTH_FAILURE|Re-?key|Socket error/i;

const DEFAULT_HOST_KEY_ORDER = ['ssh-ed25519', 'ecdsa-sha2-nistp256', 'ecdsa-sha2-nistp384', 'ecdsa-sha2-nistp521', 'rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa'];

/** Connects and authenticates; rejects with a TransportError saying what went wrong and whether to retry. */
export async function openClient(t: SshTarget, ctx: ClientContext, sock?: Readable): Promise<Client> {
  const say = traceFor(ctx.trace ?? NO_TRACE, t.name);
  const started = performance.now();
  say(1, `connecting to ${t.user}@${t.host}:${t.port}${t.proxyCommand !== undefined ? ' via ProxyCommand' : t.jump.length ? ` via jump ${t.jump.join(' > ')}` : ''}`);
  const auth = await buildAuthMethods(t, ctx.keys);
  const { methods, notes } = auth;
  for (const n of notes) say(2, `key not usable: ${n}`);
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
    // The method being tried and since when, for the -vv auth lines and the -v "authenticated" line.
    let trying = -1;
    let tryStart = started;
    const onTry = (i: number) => {
      if (trying >= 0) say(2, `auth ${auth.labels[trying]}: rejected after ${msSince(tryStart)}`);
      trying = i;
      tryStart = performance.now();
      if (i < methods.length) say(2, `auth trying ${auth.labels[i]}`);
    };
    const fail = (err: Error & { level?: string; code?: string }) => {
      if (ready) return;
      ready = true;
      client.end();
      const e = classify(err, t, hostKeyError, () => describeMethods(auth), notes);
      say(1, `not connected after ${msSince(started)}: ${e.message}`);
      reject(e);
    };
    client.once('ready', () => {
      ready = true;
      const label = auth.labels[trying] ?? 'none';
      say(1, `authenticated (${label.replace(/^publickey /, 'publickey, key ')}) in ${msSince(started)}`);
      resolve(client);
    });
    client.once('connect', () => say(2, `${sock ? 'stream open' : 'TCP connected'} in ${msSince(started)}`));
    client.once('handshake', (n: { kex: string; serverHostKey: string; cs: { cipher: string } }) =>
      say(2, `handshake (kex ${n.kex}, host key ${n.serverHostKey}, cipher ${n.cs.cipher}) done in ${msSince(started)}`),
    );
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
      // ssh2's own debug lines cost a string per packet: only under -vv, and only the few that matter.
      ...((ctx.trace?.level ?? 0) >= 2 ? { debug: (m: string) => (SSH2_DEBUG_SHOWN.test(m) ? say(2, `ssh2: ${m}`) : undefined) } : {}),
      hostVerifier: (key: Buffer, verify: (ok: boolean) => void) => {
        const shown = `${readKeyType(key) ?? 'unknown-type'} ${fingerprintSha256(key)}`;
        verifyHostKey({ host: t.host, port: t.port, key, files: t.knownHosts, policy: t.hostKeyPolicy }).then(
          (v) => {
            if (v.ok) {
              if (v.warning) ctx.warn(v.warning);
              say(1, `host key ${shown} (${v.where ?? 'not verified: hostKeyPolicy off'})`);
              verify(true);
            } else {
              say(1, `host key ${shown} refused`);
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
      authHandler: authHandlerFor(methods, onTry),
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
