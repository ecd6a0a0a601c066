// List flags (`--checks`, `-p`, `--category`, ...): one value per flag, commas split, so a list never swallows the positional INVENTORY.

/** Splits flag values at commas: `-p load,procs -p disk` → load, procs, disk (empty items dropped). */
export function splitList(values: readonly unknown[]): string[] {
  return values.flatMap((v) => String(v).split(',')).map((s) => s.trim()).filter((s) => s !== '');
}

/** The yargs option of a repeatable list flag: `--checks a,b` or `--checks a --checks b`, never `--checks a b`. */
export function listOption(describe: string) {
  return { type: 'string', array: true, nargs: 1, requiresArg: true, coerce: splitList, describe: `${describe} (comma-separated or repeated)` } as const;
}
