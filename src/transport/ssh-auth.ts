// The ordered list of auth methods for one target, as OpenSSH tries them: agent, keys, keyboard-interactive, password.
import type { AnyAuthMethod, AuthHandlerMiddleware } from 'ssh2';
import type { KeyStore } from './ssh-keys.js';
import { readSecret } from './secrets.js';
import type { SshTarget } from './ssh-target.js';

type Method = AnyAuthMethod;

/** The auth methods to try, each with its name for messages ("publickey ~/.ssh/id_ed25519"), and key problems. */
export interface AuthMethods {
  methods: Method[];
  /** One per method: its type, and for a key the file it came from (never a secret). */
  labels: string[];
  notes: string[];
}

/** Builds the auth methods to try; collects key problems to explain an auth failure. */
export async function buildAuthMethods(t: SshTarget, keys: KeyStore): Promise<AuthMethods> {
  const methods: Method[] = [];
  const labels: string[] = [];
  const notes: string[] = [];
  const agent = process.env.SSH_AUTH_SOCK;
  if (agent) {
    methods.push({ type: 'agent', username: t.user, agent });
    labels.push('agent');
  }
  for (const file of t.identityFiles) {
    const loaded = await keys.load(file, t.passphraseEnv);
    if ('error' in loaded) notes.push(loaded.error);
    else {
      methods.push({ type: 'publickey', username: t.user, key: loaded.key });
      labels.push(`publickey ${file}`);
    }
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
    labels.push('keyboard-interactive', 'password');
  }
  return { methods, labels, notes };
}

/** Names the methods for an error message: "agent, publickey ~/.ssh/id_ed25519, password". */
export function describeMethods(auth: Pick<AuthMethods, 'labels'>): string {
  return auth.labels.join(', ');
}

/** Called as each method is tried (`index` into the methods); `index` past the end means all were rejected. */
export type OnAuthTry = (index: number) => void;

/** An ssh2 authHandler that walks the methods in order. */
export function authHandlerFor(methods: readonly Method[], onTry?: OnAuthTry): AuthHandlerMiddleware {
  let i = 0;
  return (_left, _partial, next) => {
    onTry?.(i);
    const m = methods[i++];
    next((m ?? false) as AnyAuthMethod);
  };
}
