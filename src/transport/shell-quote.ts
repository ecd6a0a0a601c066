// POSIX shell quoting: every parameter reaches the remote shell as one literal word.

/** Quotes a value for sh: 'it'\''s' style, safe for any byte sequence but NUL. */
export function shellQuote(value: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(value)) return value;
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

/** Builds `export A='x' B='y';` for environment variables (names are validated by the config). */
export function exportEnv(env: Readonly<Record<string, string>>): string {
  const parts = Object.entries(env).map(([k, v]) => `${k}=${shellQuote(v)}`);
  return parts.length ? `export ${parts.join(' ')}; ` : '';
}
