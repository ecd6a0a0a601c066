// What a call throws, checked to be of the expected class: the test fails when it throws nothing or something else.
import { expect } from 'chai';

type ErrorClass<E> = abstract new (...args: never[]) => E;

/** The error `fn` throws, which must be a `type`. */
export function thrownBy<E extends Error>(fn: () => unknown, type: ErrorClass<E>): E {
  try {
    fn();
  } catch (err) {
    expect(err).to.be.instanceOf(type);
    return err as E;
  }
  return expect.fail(`expected a ${type.name}, nothing was thrown`);
}

/** The error `fn` throws or its promise rejects with, which must be a `type`. */
export async function rejectionOf<E extends Error>(fn: () => unknown, type: ErrorClass<E>): Promise<E> {
  try {
    await fn();
  } catch (err) {
    expect(err).to.be.instanceOf(type);
    return err as E;
  }
  return expect.fail(`expected a ${type.name}, nothing was thrown`);
}
