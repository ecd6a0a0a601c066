// A failed step stops the test: the runner catches this and reports the step as the test's failure.
import type { StepResult } from '../results/test-types.js';

/** Thrown when a step (or an expectation) fails; carries the recorded step. */
export class StepFailure extends Error {
  constructor(readonly step: StepResult) {
    super(describeStep(step));
    this.name = 'StepFailure';
  }
}

/** `step 03 exec on host1: sleep 1: exit code 1, expected 0`. */
export function describeStep(step: StepResult): string {
  const why = step.messages.error[0] ?? step.status;
  return `step ${pad(step.index)} ${step.name}: ${why.split('\n')[0]}`;
}

/** Two-digit step number. */
export function pad(n: number): string {
  return String(n).padStart(2, '0');
}
