// Secrets come only from environment variables named in the inventory; their values are never written anywhere.
import { TransportError } from '../errors.js';

/** Reads a secret from the environment; a missing variable is an error naming it, never a value. */
export function readSecret(envName: string): string {
  const v = process.env[envName];
  if (v === undefined) throw new TransportError(`environment variable ${envName} is not set`, { code: 'E_SECRET' });
  return v;
}
