// The connection flags Ansible users type: -u USER, --private-key FILE, -e KEY=VALUE, --become/--sudo, -v/-vv.
import type { Argv } from 'yargs';
import type { HostConfig } from '../config/types.js';
import { UsageError } from '../errors.js';
import type { ConnectTrace } from '../transport/connect-trace.js';

/** Parsed connection flags; each overrides the inventory for every selected host. */
export interface ConnectionArgs {
  user?: string | undefined;
  'private-key'?: string | undefined;
  'extra-vars'?: string[] | undefined;
  become?: boolean | undefined;
  /** -v (1) or -vv (2): connection detail on stderr. */
  verbose?: number | undefined;
}

/** Adds the connection flags to a command. */
export function withConnectionOptions<T>(y: Argv<T>) {
  return y
    .option('u', { alias: 'user', type: 'string', requiresArg: true, describe: 'Log in as USER on every host (overrides the inventory)' })
    .option('private-key', { type: 'string', requiresArg: true, describe: 'Authenticate with this key file (tried before the inventory\'s)' })
    .option('e', { alias: 'extra-vars', type: 'string', array: true, requiresArg: true, describe: 'KEY=VALUE variables for {{ templates }}, over every inventory var' })
    .option('become', { alias: 'sudo', type: 'boolean', describe: 'Run commands under sudo on every host' })
    .option('v', { alias: 'verbose', type: 'count', describe: 'Connection detail on stderr: -v address, user, jump, host key, key used; -vv each phase timed and every key tried (session.log always has the -v lines)' });
}

/** Parses `-e KEY=VALUE` words into variables; a word without `=` or with an empty key is a usage error. */
export function parseExtraVars(words: readonly string[]): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const w of words) {
    const eq = w.indexOf('=');
    if (eq <= 0) throw new UsageError(`-e: expected KEY=VALUE, got "${w}"`);
    vars[w.slice(0, eq)] = w.slice(eq + 1);
  }
  return vars;
}

/** The hosts with the flags applied: user, key first, extra vars over the inventory's, sudo. */
export function applyConnectionArgs(hosts: readonly HostConfig[], args: ConnectionArgs | undefined): HostConfig[] {
  if (!args) return [...hosts];
  const vars = parseExtraVars(args['extra-vars'] ?? []);
  const key = args['private-key'];
  return hosts.map((h) =>
    Object.freeze({
      ...h,
      ...(args.user !== undefined ? { user: args.user } : {}),
      ...(key !== undefined ? { identityFile: [key, ...h.identityFile.filter((f) => f !== key)] } : {}),
      ...(args.become ? { sudo: true } : {}),
      vars: Object.freeze({ ...h.vars, ...vars }),
    }),
  );
}

/**
 * The connection trace of a command: lines up to -v/-vv go to stderr; session.log gets the same, and the -v lines
 * even without -v (three lines a host, cheap, and what a post-mortem of an unreachable host needs first).
 */
export function connectionTrace(verbose: number | undefined, log: (line: string) => void): ConnectTrace {
  const shown = Math.min(2, Math.max(0, verbose ?? 0));
  return {
    level: shown >= 2 ? 2 : 1,
    line: (level, text) => {
      if (level <= shown) process.stderr.write(`${text}\n`);
      log(text);
    },
  };
}
