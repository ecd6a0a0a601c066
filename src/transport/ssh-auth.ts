// The ordered list of auth methods for one target, as OpenSSH tries them: agent, keys, keyboard-interactive, password.
import type { AnyAuthMethod, AuthHandlerMiddleware } from 'ssh2';
import type { KeyStore } from './ssh-keys.js';
import { readSecret } from './secrets.js';
import type { SshTarget } from './ssh-target.js';

type Method = AnyAuthMethod;

/** Builds the auth methods to try; collects key problems to explain an auth failure. */
export async function buildAuthMethods(t: SshTarget, keys: KeyStore): Promise<{ methods: Method[]; notes: string[] }> {
  const methods: Method[] = [];
  const notes: string[] = [];
  const agent = process.env.SSH_AUTH_SOCK;
  if (agent) methods.push({ type: 'agent', username: t.user, agent });
  for (const file of t.identityFiles) {
    const loaded = await keys.load(file, t.passphraseEnv);
    if ('error' in loaded) notes.push(loaded.error);
    else methods.push({ type: 'publickey', username: t.user, key: loaded.key });
  }
  if (t.passwordEnv) {
    const password = readSecret(t.passwordEnv);
    methods.push({
      type: 'keyboard-interactive',
      username: t.user,
      prompt: (_name: string, _instructions: string, _lang: string, prompts: unknown[], finish: (answers: string[]) => void) =>
        finish(prompts.map(() => password)),
    });
    methods.push({ type: 'password', username: t.user, password });
  }
  return { methods, notes };
}

/** Names the methods for an error message: "agent, publickey ~/.ssh/id_ed25519, password". */
export function describeMethods(methods: readonly Method[], t: SshTarget): string {
  let keyIndex = 0;
  const keyFiles = t.identityFiles;
  return methods
    .map((m) => (m.type === 'publickey' ? `publickey ${keyFiles[keyIndex++] ?? ''}`.trim() : m.type))
    .join(', ');
}

/** An ssh2 authHandler that walks the methods in order. */
export function authHandlerFor(methods: readonly Method[]): AuthHandlerMiddleware {
  let i = 0;
  return (_left, _partial, next) => {
    const m = methods[i++];
    next((m ?? false) as AnyAuthMethod);
  };
}
