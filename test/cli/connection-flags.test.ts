// The connection flags Ansible users type: -u, --private-key, -e, --become (issue 15 item 11).
import { expect } from 'chai';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LAB_SUDO_PASSWORD, LAB_SUDO_USER, type Lab } from '../lab/index.js';
import { smoker } from '../support/cli.js';
import { cliEnv, closeLabHome, hostOf, labInventory, openLabHome, parseExecJson, writeInventoryDoc } from '../transport/integration-support.js';

const PASSWORD_ENV = 'SMOKER_TEST_SUDO_PASSWORD';

describe('smoker connection flags @lab', function () {
  this.timeout(120_000);
  let lab: Lab;
  let home: string;
  let inventory: string;
  let keyless: string;
  let sudoReady: string;
  let key: string;

  before(async () => {
    ({ lab, home, inventory } = await openLabHome({ hosts: 1, sudoUser: true }, 'smoker-conn-flags-'));
    const doc = labInventory(lab);
    key = String(doc.defaults['identityFile']);
    doc.vars = { greeting: 'from-inventory' };
    inventory = writeInventoryDoc(join(home, 'inv.yaml'), doc);
    delete doc.defaults['identityFile'];
    keyless = writeInventoryDoc(join(home, 'keyless.yaml'), doc);
    const sudoDoc = labInventory(lab);
    Object.assign(sudoDoc.defaults, { user: LAB_SUDO_USER, sudoPasswordEnv: PASSWORD_ENV });
    sudoReady = writeInventoryDoc(join(home, 'sudo.yaml'), sudoDoc);
  });

  after(() => closeLabHome(lab, home));

  const whoami = async (args: string[], env: NodeJS.ProcessEnv = {}) => {
    const r = await smoker(['exec', ...args, '--no-results', '-o', 'json', '--', 'whoami'], { env: cliEnv(home, env) });
    return { code: r.code, out: r.code === 0 ? hostOf(parseExecJson(r.stdout, r.stderr), 'host1').stdout : r.stdout + r.stderr };
  };

  it('-u USER logs in as that user', async () => {
    expect(await whoami([inventory])).to.deep.equal({ code: 0, out: `${lab.user}\n` });
    expect(await whoami([inventory, '-u', LAB_SUDO_USER])).to.deep.equal({ code: 0, out: `${LAB_SUDO_USER}\n` });
  });

  it('--private-key FILE authenticates with that key', async () => {
    expect((await whoami([keyless])).code).to.equal(3);
    expect(await whoami([keyless, '--private-key', key])).to.deep.equal({ code: 0, out: `${lab.user}\n` });
  });

  it('--become runs under sudo', async () => {
    expect(await whoami([sudoReady])).to.deep.equal({ code: 0, out: `${LAB_SUDO_USER}\n` });
    expect(await whoami([sudoReady, '--become'], { [PASSWORD_ENV]: LAB_SUDO_PASSWORD })).to.deep.equal({ code: 0, out: 'root\n' });
  });

  it('-e KEY=VALUE wins over inventory vars in check templates; a word without = is exit 2', async () => {
    const checks = join(home, 'greet.yaml');
    writeFileSync(checks, 'checks:\n  greet: { command: "echo {{ greeting }}" }\n');
    const r = await smoker(['run', inventory, '--checks', checks, '--no-results', '-o', 'json', '-e', 'greeting=from-cli'], { env: cliEnv(home) });
    expect(r.code, r.stderr).to.equal(0);
    expect(r.stdout).to.include('from-cli').and.not.include('from-inventory');
    const bad = await smoker(['run', inventory, '--checks', checks, '--no-results', '-e', 'greeting'], { env: cliEnv(home) });
    expect(bad.code).to.equal(2);
    expect(bad.stderr).to.include('-e: expected KEY=VALUE, got "greeting"');
  });
});
