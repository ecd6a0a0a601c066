// Expands OpenSSH `%` tokens and a leading `~` in ssh_config values.

/** Replaces `%x` tokens from `values`; `%%` is a literal `%`. Unknown tokens are reported, kept as written. */
export function expandSshTokens(text: string, values: Readonly<Record<string, string>>): { value: string; unknown: string[] } {
  const unknown: string[] = [];
  const value = text.replace(/%(.?)/gs, (whole, token: string) => {
    if (token === '%') return '%';
    const v = values[token];
    if (v !== undefined) return v;
    unknown.push(whole);
    return whole;
  });
  return { value, unknown };
}

/** Replaces a leading `~` or `~/` with the home folder; `~user` is left as written. */
export function expandTilde(path: string, home: string): string {
  if (path === '~') return home;
  if (path.startsWith('~/')) return `${home.replace(/\/+$/, '')}${path.slice(1)}`;
  return path;
}
