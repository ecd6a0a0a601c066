// Which ssh(1) command-line flags take a value, so argument readers skip it correctly.

/** Single-letter ssh flags followed by a value (`-p 22`, `-oKey=value`). */
export const SSH_FLAGS_WITH_VALUE: ReadonlySet<string> = new Set('BbcDEeFIiJLlmOoPpQRSWw'.split(''));
