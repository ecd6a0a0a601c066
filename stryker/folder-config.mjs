// One folder's Stryker config: stryker.config.json with its own files to mutate, the unit tests that cover them,
// and its own incremental file, temp dir and reports (so two folders can run at once).
import { readFileSync } from 'node:fs';

const base = JSON.parse(readFileSync(new URL('../stryker.config.json', import.meta.url), 'utf8'));

/** The config of folder `name`: mutate `mutate`, run the tests in `spec` (less `ignore`). */
export function folderConfig(name, mutate, spec, ignore = []) {
  return {
    ...base,
    mutate,
    mochaOptions: { ...base.mochaOptions, spec, ignore: [...base.mochaOptions.ignore, ...ignore] },
    incrementalFile: `.stryker/${name}-incremental.json`,
    tempDirName: `.stryker/tmp-${name}`,
    htmlReporter: { fileName: `reports/mutation/${name}.html` },
    jsonReporter: { fileName: `reports/mutation/${name}.json` },
  };
}
