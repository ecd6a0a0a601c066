// Remote output never drives the user's terminal: escape sequences are stripped from human output, kept raw in files and JSON.
import { expect } from 'chai';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { smoker } from '../support/cli.js';
import { cliEnv, closeLabHome, hostOf, onlySession, openLabHome, parseExecJson, type LabHome } from '../transport/integration-support.js';

/** A title change (OSC 0), a screen clear (CSI 2J), a colour, a bell, a C1 CSI, a cursor-up via CR: then plain words. */
const EVIL = String.raw`printf '\033]0;pwned-title\007\033[2J\033[31mred\033[0m \302\233Hc1 \007bell\rover\n'; printf '\033]2;err-title\033\\oops\n' >&2`;
const RAW_STDOUT = '\u001b]0;pwned-title\u0007\u001b[2J\u001b[31mred\u001b[0m \u009bHc1 \u0007bell\rover\n';

/** True when the text holds no byte a terminal acts on other than newline and tab. */
function terminalSafe(text: string): boolean {
  return !/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(text);
}

describe('cli: escape sequences in remote output @lab', function () {
  this.timeout(60_000);
  let env: LabHome | undefined;

  before(async () => {
    env = await openLabHome({ hosts: 1 }, 'smoker-escapes-');
  });
  after(async () => closeLabHome(env?.lab, env?.home));

  it('exec (human): no escape sequence, BEL, C1 control or CR reaches the terminal; the words do; the session file keeps the raw bytes', async () => {
    const { home, inventory } = env!;
    const results = join(home, 'results-exec');
    const r = await smoker(['exec', inventory, '--results', results, '--', EVIL], { env: cliEnv(home) });
    expect(r.code, r.stderr).to.equal(0);
    expect(terminalSafe(r.stdout), JSON.stringify(r.stdout)).to.equal(true);
    // Remote stderr is printed on local stderr, made safe the same way.
    expect(terminalSafe(r.stderr), JSON.stringify(r.stderr)).to.equal(true);
    expect(r.stdout).to.include('red').and.include('bell').and.include('over');
    expect(r.stderr).to.include('oops');
    expect(r.stdout).to.not.include('pwned-title');
    const dir = join(onlySession(results), 'hosts', 'host1', 'exec');
    expect(readFileSync(join(dir, 'stdout'), 'utf8')).to.equal(RAW_STDOUT);
  });

  it('exec -o json keeps the raw output', async () => {
    const { home, inventory } = env!;
    const r = await smoker(['exec', inventory, '--no-results', '-o', 'json', '--', EVIL], { env: cliEnv(home) });
    expect(hostOf(parseExecJson(r.stdout, r.stderr), 'host1').stdout).to.equal(RAW_STDOUT);
  });

  for (const format of ['minimal', 'normal', 'long', 'full']) {
    it(`run -o ${format}: messages from remote output are terminal-safe`, async () => {
      const { home, inventory } = env!;
      const checks = join(home, 'escapes.yaml');
      writeFileSync(checks, `checks:\n  evil: { command: ${JSON.stringify(`${EVIL}; exit 1`)} }\n`);
      const r = await smoker(['run', inventory, '--checks', checks, '--no-results', '-o', format], { env: cliEnv(home) });
      expect(r.code, r.stderr).to.equal(1);
      expect(terminalSafe(r.stdout), JSON.stringify(r.stdout)).to.equal(true);
      expect(r.stdout).to.not.include('title');
      expect(r.stdout).to.include('oops');
    });
  }
});
