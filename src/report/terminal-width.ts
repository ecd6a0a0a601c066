// How wide the tables may be: COLUMNS when set, else the terminal's width, else no limit (a pipe or a file).

/** The width output must fit: a positive COLUMNS wins (as for ls), then a TTY's columns; undefined means no limit. */
export function terminalWidth(env: NodeJS.ProcessEnv, out: { isTTY?: boolean; columns?: number }): number | undefined {
  const fromEnv = Number(env.COLUMNS);
  if (env.COLUMNS !== undefined && Number.isInteger(fromEnv) && fromEnv > 0) return fromEnv;
  return out.isTTY === true && out.columns !== undefined && out.columns > 0 ? out.columns : undefined;
}
