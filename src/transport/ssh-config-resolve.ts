// Resolves a loaded ssh config for one host: first value obtained wins, IdentityFile accumulates.
import { createHash } from 'node:crypto';
import type { HostKeyPolicy } from '../config/types.js';
import { matchHostLine, matchMatchLine } from './ssh-config-match.js';
import { expandSshTokens, expandTilde } from './ssh-config-tokens.js';
import type { ResolvedSshConfig, SshConfig, SshConfigDirective, SshOptionKeyword } from './ssh-config-types.js';

/** What the caller already knows, as `ssh -l` and `ssh -p` would: used for `%r`, `%p` and `Match user`. */
export interface ResolveSshConfigOptions {
  user?: string;
  port?: number;
}

/** Raw first values per keyword, with the line that set them. */
type Obtained = Partial<Record<Exclude<SshOptionKeyword, 'identityfile'>, { args: readonly string[]; at: string }>> & {
  identityfile: { path: string; at: string }[];
};

/** Resolves the options set for `host` (as given on a command line); pure. */
export function resolveSshConfig(config: SshConfig, host: string, options: ResolveSshConfigOptions = {}): ResolvedSshConfig {
  // No ssh_config file: nothing to fill (`smoker hosts` resolves every host of a 100,000-host inventory).
  if (config.files.length === 0) return { identityFiles: [], warnings: [] };
  const got: Obtained = { identityfile: [] };
  const state = { active: true, final: false, name: host };
  for (const file of config.files) {
    state.active = true;
    walk(file.directives, false, state, got, config, host, options);
  }
  // OpenSSH reads the files again when a `Match final`/`canonical` line exists, now for the HostName found,
  // where those criteria hold; values obtained in the first pass still win.
  if (usesFinalPass(config.files.flatMap((f) => f.directives))) {
    const name = got.hostname ? expandHostName(got.hostname.args[0] ?? '', host) : host;
    Object.assign(state, { final: true, name });
    for (const file of config.files) {
      state.active = true;
      walk(file.directives, false, state, got, config, host, options);
    }
  }
  return finish(got, config, host, options);
}

function walk(
  directives: readonly SshConfigDirective[],
  neverMatch: boolean,
  state: { active: boolean; final: boolean; name: string },
  got: Obtained,
  config: SshConfig,
  host: string,
  options: ResolveSshConfigOptions,
): void {
  for (const d of directives) {
    if (d.kind === 'host') state.active = !neverMatch && matchHostLine(d.patterns, state.name);
    else if (d.kind === 'match') {
      state.active =
        !neverMatch &&
        matchMatchLine(d.criteria, {
          originalHost: host,
          host: got.hostname ? expandHostName(got.hostname.args[0] ?? '', host) : host,
          user: options.user ?? got.user?.args[0] ?? config.local.localUser,
          localUser: config.local.localUser,
          final: state.final,
        });
    } else if (d.kind === 'include') {
      // Each included file starts in the Include's block state, and its Host/Match lines end with
      // it. In an inactive block nothing in the included files may match (SSHCONF_NEVERMATCH).
      const outer = state.active;
      for (const f of d.files) {
        walk(f.directives, neverMatch || !outer, state, got, config, host, options);
        state.active = outer;
      }
    } else if (state.active) {
      if (d.keyword === 'identityfile') {
        const path = d.args[0] ?? '';
        if (!got.identityfile.some((x) => x.path === path)) got.identityfile.push({ path, at: d.at });
      } else if (d.keyword === 'proxyjump' && got.proxycommand) {
        // ProxyJump and ProxyCommand compete: whichever is obtained first prevents the other (ssh_config(5)).
      } else if (d.keyword === 'proxycommand' && got.proxyjump) {
        // see above
      } else if (got[d.keyword] === undefined) got[d.keyword] = { args: d.args, at: d.at };
    }
  }
}

function usesFinalPass(directives: readonly SshConfigDirective[]): boolean {
  return directives.some((d) =>
    d.kind === 'match' ? (d.criteria ?? []).some((c) => c.name === 'final' || c.name === 'canonical') : d.kind === 'include' && d.files.some((f) => usesFinalPass(f.directives)),
  );
}

function finish(got: Obtained, config: SshConfig, host: string, options: ResolveSshConfigOptions): ResolvedSshConfig {
  const out: ResolvedSshConfig = { identityFiles: [], warnings: [] };
  const first = (k: keyof Omit<Obtained, 'identityfile'>) => got[k]?.args[0];
  const hostnameRaw = first('hostname');
  if (hostnameRaw !== undefined) out.hostname = expandHostName(hostnameRaw, host);
  const user = first('user');
  if (user !== undefined) out.user = user;
  const port = first('port');
  if (port !== undefined) out.port = Number(port);
  const jump = first('proxyjump');
  if (jump !== undefined) out.proxyJump = jump.toLowerCase() === 'none' ? [] : jump.split(',').map((h) => h.trim()).filter(Boolean);
  const proxyCommand = first('proxycommand');
  if (proxyCommand !== undefined) out.proxyCommand = proxyCommand;
  const strict = first('stricthostkeychecking');
  if (strict !== undefined) out.strictHostKeyChecking = toPolicy(strict);

  const { local } = config;
  const finalHost = out.hostname ?? host.toLowerCase();
  const finalPort = String(options.port ?? out.port ?? 22);
  const finalUser = options.user ?? out.user ?? local.localUser;
  const tokens: Record<string, string> = {
    // %C is a hash: worked out only when a path uses it (`smoker hosts` resolves 100,000 hosts).
    get C() {
      return createHash('sha1').update(`${local.localHost}${finalHost}${finalPort}${finalUser}`).digest('hex');
    },
    d: local.home,
    h: finalHost,
    i: local.uid,
    k: host,
    L: local.localHost.split('.')[0] ?? '',
    l: local.localHost,
    n: host,
    p: finalPort,
    r: finalUser,
    u: local.localUser,
  };
  const expandPath = (path: string, at: string): string => {
    const { value, unknown } = expandSshTokens(expandTilde(path, local.home), tokens);
    if (unknown.length > 0) out.warnings.push(`${at}: unknown token(s) ${unknown.join(' ')} left as written`);
    return value;
  };
  out.identityFiles = got.identityfile.map(({ path, at }) => expandPath(path, at));
  const known = got.userknownhostsfile;
  if (known) {
    out.userKnownHostsFiles = known.args.length === 1 && known.args[0]?.toLowerCase() === 'none' ? [] : known.args.map((p) => expandPath(p, known.at));
  }
  return out;
}

/** HostName with `%h` replaced by the host as given, lowercased as OpenSSH does. */
function expandHostName(raw: string, host: string): string {
  return expandSshTokens(raw, { h: host }).value.toLowerCase();
}

/** Maps StrictHostKeyChecking to smoker's policy; `ask` cannot prompt, so it is strict. */
function toPolicy(value: string): HostKeyPolicy {
  const v = value.toLowerCase();
  if (v === 'accept-new') return 'accept-new';
  if (v === 'no' || v === 'off' || v === 'false') return 'off';
  return 'strict';
}
