// Mutation testing of the small core helpers (substitution, shell quoting, known_hosts) with their unit tests: npm run mutate:core-helpers
import { folderConfig } from './folder-config.mjs';

export default folderConfig(
  'core-helpers',
  ['src/run/substitute.ts', 'src/transport/shell-quote.ts', 'src/transport/known-hosts*.ts'],
  ['test/run/substitute*.test.ts', 'test/transport/shell-quote.test.ts', 'test/transport/known-hosts*.test.ts'],
);
