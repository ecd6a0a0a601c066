// Secrets in Ansible variables: which ones smoker refuses to copy, and what to use instead.

import { suggestEnvName } from './env-name.js';
import type { ConnectionFields } from './inventory-doc.js';
import { VaultedValue } from './yaml-source.js';

/** Which smoker key each connection secret would come from instead. */
const SECRETS: Record<string, { key: keyof ConnectionFields; purpose: string }> = {
  ansible_password: { key: 'passwordEnv', purpose: 'password' },
  ansible_ssh_pass: { key: 'passwordEnv', purpose: 'password' },
  ansible_ssh_password: { key: 'passwordEnv', purpose: 'password' },
  ansible_become_password: { key: 'sudoPasswordEnv', purpose: 'sudo_password' },
  ansible_become_pass: { key: 'sudoPasswordEnv', purpose: 'sudo_password' },
  ansible_sudo_pass: { key: 'sudoPasswordEnv', purpose: 'sudo_password' },
  ansible_sudo_password: { key: 'sudoPasswordEnv', purpose: 'sudo_password' },
  ansible_ssh_private_key_passphrase: { key: 'passphraseEnv', purpose: 'key_passphrase' },
};
const SECRET_NAME = /(passw(or)?d|passphrase|secret|token|_pass)$/i;

/** Returns why a variable must not be copied into an inventory file (a secret), or undefined when it may be. */
export function describeSecret(name: string, value: unknown, envSubject: string): string | undefined {
  if (containsVaulted(value)) {
    return `${name} is vault-encrypted and was not copied; pass it through an environment variable instead`;
  }
  const secret = SECRETS[name];
  if (secret) {
    return `${name} is a secret and was not copied; export it and set ${secret.key}: ${suggestEnvName(envSubject, secret.purpose)}`;
  }
  if (!name.startsWith('ansible_') && SECRET_NAME.test(name)) {
    return `${name} looks like a secret and was not copied; pass it through an environment variable instead`;
  }
  return undefined;
}

function containsVaulted(value: unknown): boolean {
  if (value instanceof VaultedValue) return true;
  if (Array.isArray(value)) return value.some(containsVaulted);
  if (value && typeof value === 'object') return Object.values(value).some(containsVaulted);
  return false;
}
