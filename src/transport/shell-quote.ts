// POSIX shell quoting: every parameter reaches the remote shell as one literal word.
import { TransportError } from '../errors.js';

/** Quotes a value for sh: 'it'\''s' style, safe for any byte sequence but NUL. */
export function shellQuote(value: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(value)) return value;
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

/** What a shell accepts as a variable name; anything else written unquoted before `=` would be shell code. */
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Builds `export A='x' B='y';` for environment variables; a name that is not a variable name throws. */
export function exportEnv(env: Readonly<Record<string, string>>): string {
  // The config validates names at load; this refuses again for the library and anything built in code.
  const parts = Object.entries(env).map(([k, v]) => {
    if (!ENV_NAME.test(k)) throw new TransportError(`refusing environment variable name ${JSON.stringify(k)}: expected [A-Za-z_][A-Za-z0-9_]*`, { code: 'E_ENV_NAME' });
    return `${k}=${shellQuote(v)}`;
  });
  return parts.length ? `export ${parts.join(' ')}; ` : '';
}
