// docs/reference/tests.md: the keys of a YAML test and of every step verb, from the table the validator uses.
import { EXPECT_KEYS, PHASE_DOCS, STEP_DOCS, TEST_OPTION_DOCS, type KeyDoc } from '../config/test-keys.js';
import { STEP_KINDS } from '../config/test-types.js';

/** The tests reference, starting with the generated-file mark it is given. */
export function testsReference(mark: string): string {
  const verbs = STEP_KINDS.map((kind) => {
    const d = STEP_DOCS[kind];
    const short = d.short ? `Short form: \`${kind}:\` followed by ${d.short}.` : `Always a map: \`${kind}: { ... }\`.`;
    const keys = Object.keys(d.keys).length ? table(d.keys) : 'No keys.';
    return [`### \`${kind}\``, '', d.doc, '', short, '', keys, ''].join('\n');
  });
  return [
    mark,
    '# Test file reference (`smoker test`)',
    '',
    'A YAML test file holds `tests:`, a map of test names to tests. The same table gives the validator its',
    'allowed keys (an unknown key is exit 2 at file:line:col with "did you mean"). A guide with an example:',
    '[../../README.md#scenarios-smoker-test](../../README.md#scenarios-smoker-test).',
    '',
    '## A test (`tests.NAME`)',
    '',
    table({ ...TEST_OPTION_DOCS, ...PHASE_DOCS }),
    '',
    'A code test (`*.test.mjs`: `test(name, options, fn)`) takes the same options, with `setup` and `teardown`',
    'as functions of `t`.',
    '',
    '## Steps',
    '',
    'A step is a map with one verb. In commands, `{{ }}` sees the host\'s values (`host`, `address`, inventory',
    '`vars`) and the test\'s params, shell-quoted.',
    '',
    ...verbs,
    '## `expect:`',
    '',
    table(EXPECT_KEYS),
    '',
  ].join('\n');
}

function table(keys: Readonly<Record<string, KeyDoc>>): string {
  const cell = (t: string) => t.replaceAll('|', '\\|');
  const rows = Object.entries(keys).map(([k, d]) => `| \`${k}\` | ${cell(d.value)} | ${cell(d.doc)} |`);
  return ['| key | value | what it does |', '| --- | --- | --- |', ...rows].join('\n');
}
