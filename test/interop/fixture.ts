// Test helpers for the converters: fixture files and a print-then-parse round trip.

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { expect } from 'chai';
import type { Conversion } from '../../src/interop/inventory-doc.js';
import { toYaml } from '../../src/interop/to-yaml.js';
import { ConfigError } from '../../src/errors.js';
import { thrownBy } from '../support/thrown.js';

/** Absolute path of a file under fixtures/interop/. */
export function fixturePath(...parts: string[]): string {
  return join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'interop', ...parts);
}

/** Text of a file under fixtures/interop/. */
export function readFixture(...parts: string[]): string {
  return readFileSync(fixturePath(...parts), 'utf8');
}

/** Prints the conversion as YAML, parses it back, and checks nothing changed; returns the text. */
export function expectRoundTrip(c: Conversion): string {
  const text = toYaml(c.inventory, c);
  expect(parse(text)).to.deep.equal(JSON.parse(JSON.stringify(c.inventory)));
  return text;
}

/** Runs `fn`, expects a ConfigError, and returns its issues as `line:col message` strings. */
export function configIssues(fn: () => unknown): string[] {
  return thrownBy(fn, ConfigError).issues.map((i) => `${i.pos?.line}:${i.pos?.col} ${i.message}`);
}
