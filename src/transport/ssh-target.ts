// Effective SSH settings of one host: inventory first, ~/.ssh/config for what is unset, then OpenSSH defaults.
import { existsSync } from 'node:fs';
import { expandTilde, findHomeDirectory, passwdEntry } from '../config/home.js';
import { expandProxyCommand } from './proxy-command.js';
import { join } from 'node:path';
import type { HostConfig, HostKeyPolicy } from '../config/types.js';
import { resolveSshConfig, type SshConfig } from './ssh-config.js';

/** Everything needed to open one SSH connection. */
export interface SshTarget {
  /** Inventory name (or the jump spec for bastions not in the inventory). */
  name: string;
  host: string;
  port: number;
  user: string;
  identityFiles: string[];
  passwordEnv: string | undefined;
  passphraseEnv: string | undefined;
  jump: string[];
  /** Keys for jump hops that are not inventory hosts (empty: this target's own). */
  jumpIdentityFiles: string[];
  /** ProxyCommand with its tokens expanded; set only when there is no jump. */
  proxyCommand?: string;
  hostKeyPolicy: HostKeyPolicy;
  knownHosts: string[];
  connectTimeoutMs: number;
}

const GLOBAL_KNOWN_HOSTS = '/etc/ssh/ssh_known_hosts';

/** Expands ~ at the start of a path with the passwd home, as OpenSSH does. */
export function expandTildePath(p: string): string {
  return expandTilde(p);
}

function localUser(): string {
  return passwdEntry()?.username ?? process.env.USER ?? 'root';
}

// Looked up once per home: 100,000 hosts asked three existsSync each.
let defaults: { home: string; files: string[] } | undefined;

/** The identity files OpenSSH tries when none is configured (those that exist). */
export function defaultIdentityFiles(): string[] {
  const home = findHomeDirectory().path;
  if (defaults?.home !== home) {
    const dir = join(home, '.ssh');
    defaults = { home, files: ['id_ed25519', 'id_ecdsa', 'id_rsa'].map((f) => join(dir, f)).filter((f) => existsSync(f)) };
  }
  return [...defaults.files];
}

/** Computes the target for an inventory host. */
export function resolveTarget(h: HostConfig, sshConfig: SshConfig | undefined): SshTarget {
  const sc = sshConfig ? resolveSshConfig(sshConfig, h.name, { ...(h.user ? { user: h.user } : {}), ...(h.port ? { port: h.port } : {}) }) : undefined;
  const identity = h.identityFile.length ? h.identityFile : sc?.identityFiles.length ? sc.identityFiles : defaultIdentityFiles();
  const host = h.addressSet ? h.address : (sc?.hostname ?? h.address);
  const port = h.port ?? sc?.port ?? 22;
  const user = h.user ?? sc?.user ?? localUser();
  // The inventory's jump or proxyCommand beats ~/.ssh/config's, where the first of ProxyJump/ProxyCommand won.
  const jump = h.jump.length ? [...h.jump] : h.proxyCommand ? [] : (sc?.proxyJump ?? []);
  const rawProxy = jump.length ? undefined : (h.proxyCommand ?? sc?.proxyCommand);
  const proxyCommand = rawProxy && rawProxy.toLowerCase() !== 'none' ? expandProxyCommand(rawProxy, { host, port, user, name: h.name }) : undefined;
  return {
    name: h.name,
    host,
    port,
    user,
    identityFiles: identity.map(expandTildePath),
    passwordEnv: h.passwordEnv,
    passphraseEnv: h.passphraseEnv,
    jump,
    jumpIdentityFiles: (h.jumpIdentityFile ?? []).map(expandTildePath),
    ...(proxyCommand ? { proxyCommand } : {}),
    hostKeyPolicy: h.hostKeyPolicy ?? sc?.strictHostKeyChecking ?? 'strict',
    // Like OpenSSH, the global file is read too when only the user file was configured (by ssh_config or default).
    knownHosts: (h.knownHosts.length ? [...h.knownHosts] : [...(sc?.userKnownHostsFiles ?? ['~/.ssh/known_hosts']), GLOBAL_KNOWN_HOSTS]).map(expandTildePath),
    connectTimeoutMs: h.connectTimeoutMs,
  };
}

/** Parses a jump spec `[user@]host[:port]` (or `[v6]:port`). */
export function parseJumpSpec(spec: string): { user?: string; host: string; port?: number } {
  const at = spec.lastIndexOf('@');
  const user = at >= 0 ? spec.slice(0, at) : undefined;
  const rest = at >= 0 ? spec.slice(at + 1) : spec;
  const m = /^\[([^\]]+)\](?::(\d+))?$/.exec(rest) ?? /^([^:]+)(?::(\d+))?$/.exec(rest);
  const host = m?.[1] ?? rest;
  const port = m?.[2] ? Number(m[2]) : undefined;
  return { ...(user ? { user } : {}), host, ...(port ? { port } : {}) };
}
