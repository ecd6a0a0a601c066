// Environment variable names suggested in place of secrets found in converted files.

/** Suggests an environment variable name such as `WEB1_PASSWORD` for a host or group and a purpose. */
export function suggestEnvName(subject: string, purpose: string): string {
  const base = `${subject}_${purpose}`
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return /^[0-9]/.test(base) ? `_${base}` : base;
}
