// smoker's version, read from package.json at run time (only where a session records it).
import { readFileSync } from 'node:fs';

/** The package version. */
export const version: string = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
