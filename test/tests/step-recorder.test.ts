// StepRecorder: numbering, folders and the phase a step belongs to.
import { expect } from 'chai';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StepRecorder } from '../../src/tests/step-recorder.js';

describe('tests/step-recorder', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'smoker-recorder-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('a step keeps the phase it was started in, also when the phase moves on while its folder is made (a background started in setup)', async () => {
    mkdirSync(join(dir, 'tests', 't'), { recursive: true });
    const recorder = new StepRecorder(join(dir, 'tests', 't'), dir);
    recorder.phase = 'setup';
    const background = recorder.run('exec', 'exec on all: load', async () => ({ status: 'OK' }));
    recorder.phase = 'steps';
    const fg = recorder.run('exec', 'exec on all: true', async () => ({ status: 'OK' }));
    const [bg, step] = await Promise.all([background, fg]);
    await recorder.close();
    expect(bg.phase).to.equal('setup');
    expect(step.phase).to.equal('steps');
    expect(bg.dir).to.equal(join('tests', 't', 'steps', '01-exec-on-all-load'));
    expect(JSON.parse(readFileSync(join(dir, bg.dir as string, 'result.json'), 'utf8')).phase).to.equal('setup');
    expect(existsSync(join(dir, 'tests', 't', 'test.log'))).to.equal(true);
  });
});
