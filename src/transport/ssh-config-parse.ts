// Parses ssh_config text into directives, validating the keywords smoker honours.
import { globToRegExp } from '../config/patterns.js';
import { SSH_CONFIG_KEYWORDS } from './ssh-config-keywords.js';
import { lexSshConfigLine } from './ssh-config-lex.js';
import type { MatchCriterion, SshConfigDirective, SshConfigFile, SshOptionKeyword } from './ssh-config-types.js';

/** Reads the files an `Include` argument names; called with the raw argument and `file:line`. */
export type IncludeReader = (pattern: string, at: string) => SshConfigFile[];

const options = new Set<string>([
  'hostname',
  'user',
  'port',
  'identityfile',
  'proxyjump',
  'proxycommand',
  'userknownhostsfile',
  'stricthostkeychecking',
] satisfies SshOptionKeyword[]);

/** Keywords whose value is a single argument (OpenSSH refuses extra ones). */
const single = new Set(['hostname', 'user', 'port', 'identityfile', 'proxyjump', 'stricthostkeychecking']);

const strictValues = new Set(['yes', 'true', 'ask', 'accept-new', 'no', 'false', 'off']);

/** Parses one file's text; problems go to `warn` as `file:line: message`, and those lines are skipped. */
export function parseSshConfig(text: string, file: string, readInclude: IncludeReader, warn: (m: string) => void): SshConfigFile {
  const directives: SshConfigDirective[] = [];
  let ignoreUnknown: RegExp[] = [];
  text.split('\n').forEach((raw, i) => {
    const at = `${file}:${i + 1}`;
    const lexed = lexSshConfigLine(raw);
    if (lexed === undefined) return;
    if ('error' in lexed) {
      // A broken Host or Match line still ends the previous block, so its options cannot leak there.
      if (lexed.keyword === 'host' || lexed.keyword === 'match') directives.push({ kind: 'match', criteria: undefined, at });
      return warn(`${at}: ${lexed.error}${lexed.keyword === 'host' || lexed.keyword === 'match' ? '; the block is treated as not matching' : ''}`);
    }
    const { keyword, args } = lexed;
    if (keyword === 'ignoreunknown') ignoreUnknown = args.flatMap((a) => a.split(',')).map((p) => globToRegExp(p.toLowerCase()));
    if (!SSH_CONFIG_KEYWORDS.has(keyword) && !ignoreUnknown.some((re) => re.test(keyword))) {
      return warn(`${at}: unknown keyword "${raw.trim().split(/[\s=]/)[0]}"; ssh refuses this file (IgnoreUnknown can allow it)`);
    }
    if (keyword === 'host') directives.push({ kind: 'host', patterns: args, at });
    else if (keyword === 'match') directives.push({ kind: 'match', criteria: parseMatch(args, at, warn), at });
    else if (keyword === 'include') directives.push({ kind: 'include', files: args.flatMap((a) => readInclude(a, at)), at });
    else if (options.has(keyword)) {
      // ProxyCommand is the rest of the line as written (OpenSSH hands it to the shell).
      if (keyword === 'proxycommand') {
        const rest = /^[ \t]*[^ \t=]+(?:[ \t]*=[ \t]*|[ \t]+)(.*?)[ \t\r]*$/.exec(raw)?.[1] ?? '';
        directives.push({ kind: 'option', keyword, args: [rest], at });
        return;
      }
      const problem = checkOption(keyword, args);
      if (problem) return warn(`${at}: ${keyword}: ${problem}; line ignored`);
      const kept = single.has(keyword) ? args.slice(0, 1) : args;
      if (kept.length < args.length) warn(`${at}: ${keyword}: extra arguments ignored: ${args.slice(1).join(' ')}`);
      directives.push({ kind: 'option', keyword: keyword as SshOptionKeyword, args: kept, at });
    }
  });
  return { file, directives };
}

/** What is wrong with an option's value, if anything. */
function checkOption(keyword: string, args: readonly string[]): string | undefined {
  const first = args[0];
  if (first === undefined || first === '') return 'expected a value';
  if (keyword === 'port' && !(/^\d+$/.test(first) && Number(first) >= 1 && Number(first) <= 65535)) {
    return `expected a port 1-65535, got "${first}"`;
  }
  if (keyword === 'stricthostkeychecking' && !strictValues.has(first.toLowerCase())) {
    return `expected yes, accept-new, no, off or ask, got "${first}"`;
  }
  return undefined;
}

/** Parses `Match` criteria; undefined (never matches) when one cannot be evaluated, with a warning. */
function parseMatch(args: readonly string[], at: string, warn: (m: string) => void): MatchCriterion[] | undefined {
  const criteria: MatchCriterion[] = [];
  for (let i = 0; i < args.length; i++) {
    const word = args[i] as string;
    const negated = word.startsWith('!');
    const name = (negated ? word.slice(1) : word).toLowerCase();
    if (name === 'all') {
      if (args.length !== 1) return skipMatch(warn, at, '"all" must appear alone');
      criteria.push({ name, negated });
    } else if (name === 'host' || name === 'originalhost' || name === 'user' || name === 'localuser') {
      const patterns = args[++i];
      if (patterns === undefined || patterns === '') return skipMatch(warn, at, `"${name}" needs an argument`);
      criteria.push({ name, negated, patterns });
    } else if (name === 'final' || name === 'canonical') {
      criteria.push({ name, negated });
    } else if (['exec', 'localnetwork', 'tagged'].includes(name)) {
      return skipMatch(warn, at, `criterion "${name}" is not supported`);
    } else {
      return skipMatch(warn, at, `unknown criterion "${word}"`);
    }
  }
  return criteria.length > 0 ? criteria : skipMatch(warn, at, 'no criteria');
}

function skipMatch(warn: (m: string) => void, at: string, why: string): undefined {
  warn(`${at}: Match: ${why}; the block is treated as not matching`);
  return undefined;
}
