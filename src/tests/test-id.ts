// Test ids (`name@{"k":v}`, keys sorted, SPEC §8); their folders are named by results/safe-name.ts like every other name.

/** The stable id of a test with these parameters: `name`, or `name@{"a":1,"b":"x"}` with keys sorted. */
export function testId(name: string, params: Readonly<Record<string, unknown>>): string {
  const keys = Object.keys(params).sort();
  if (keys.length === 0) return name;
  return `${name}@${JSON.stringify(Object.fromEntries(keys.map((k) => [k, params[k]])))}`;
}
