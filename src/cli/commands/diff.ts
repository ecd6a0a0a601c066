// `smoker diff SESSION_A SESSION_B`: what changed status between two sessions.
import type { CommandModule } from 'yargs';
import { readRoot, withResultsRoot } from '../results-option.js';

interface Args {
  a: string;
  b: string;
  results?: string;
  o: string;
}

/** The diff command. */
export const diffCommand: CommandModule<object, Args> = {
  command: 'diff <a> <b>',
  describe: 'What changed status between two sessions; exit 1 when something got worse',
  builder: (y) =>
    withResultsRoot(y)
      .positional('a', { type: 'string', describe: 'The earlier session: folder, id, latest, latest~N or previous (= latest~1)', demandOption: true })
      .positional('b', { type: 'string', describe: 'The later session: folder, id, latest or latest~N', demandOption: true })
      .option('o', { alias: 'output', choices: ['normal', 'json'], default: 'normal', describe: 'Output format' })
      .example('$0 diff 2026-11-21--004 latest', 'Since yesterday: regressions first, then improvements')
      .example('$0 diff previous latest', 'What the last run changed')
      .example('$0 diff results/2026-11-22--001 results/2026-11-22--002 -o json', 'The changes as JSON') as never,
  handler: async (argv) => {
    const { runDiff } = await import('../handlers/diff.js');
    runDiff({ a: argv.a, b: argv.b, root: readRoot(argv), output: argv.o as 'normal' | 'json' });
  },
};
