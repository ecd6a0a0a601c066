// Test helpers for parsers: inputs from inline data, fixtures, or real processes.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ParserInput } from '../../src/parsers/types.js';

/** Absolute path of fixtures/parsers. */
export const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), '../../fixtures/parsers');

/** Returns a parser input: exit 0, no output, no params, unless overridden. */
export function makeInput(overrides: Partial<ParserInput> = {}): ParserInput {
  return { stdout: '', stderr: '', exitCode: 0, signal: null, timedOut: false, params: {}, ...overrides };
}

/** Reads a fixture file under fixtures/parsers. */
export function readFixture(path: string): string {
  return readFileSync(resolve(FIXTURES, path), 'utf8');
}

/** Runs a real program and returns its outcome as a parser input (a non-zero exit is a value, not a throw). */
export function runProgram(file: string, args: string[], params: Record<string, unknown> = {}): Promise<ParserInput> {
  return new Promise((done) => {
    execFile(file, args, { timeout: 15_000, env: { ...process.env, LC_ALL: 'C' } }, (err, stdout, stderr) => {
      const failure = err as (NodeJS.ErrnoException & { code?: number | string; signal?: string; killed?: boolean }) | null;
      const exitCode = failure === null ? 0 : typeof failure.code === 'number' ? failure.code : null;
      const signal = failure?.signal ?? null;
      done({ stdout, stderr, exitCode, signal, timedOut: false, params });
    });
  });
}
