// The bundle is built without esbuild's keepNames (scripts/bundle.mjs): an error class esbuild renamed to
// avoid a clash (ConfigError → ConfigError2) would report the wrong name, since errors take it from new.target.name.
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as errors from '../../src/errors.js';
import { CLI } from '../support/cli.js';

describe('bundle: error class names', () => {
  const bundle = readFileSync(join(dirname(CLI), 'cli.js'), 'utf8');
  const classes = Object.entries(errors).filter(([, v]) => typeof v === 'function' && v.prototype instanceof Error);

  it('finds the error classes of src/errors.ts', () => {
    expect(classes.map(([k]) => k)).to.include.members(['SmokerError', 'ConfigError', 'TransportError', 'UsageError']);
  });

  for (const [name] of classes) {
    it(`keeps ${name} under its own name`, () => {
      // A class the CLI never uses (InterruptedError is the library's) is left out of the bundle.
      if (['SmokerError', 'ConfigError', 'TransportError', 'UsageError'].includes(name)) {
        expect(bundle, `${name} declared in the bundle`).to.match(new RegExp(`\\b(class ${name}|${name} = class) extends\\b`));
      }
      expect(bundle, `${name} renamed in the bundle`).not.to.match(new RegExp(`\\b(class ${name}\\d+|${name}\\d+ = class)\\b`));
    });
  }
});
