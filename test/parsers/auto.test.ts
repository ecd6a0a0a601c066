import { expect } from 'chai';
import { looksLikeJsonResult, parseAuto } from '../../src/parsers/auto.js';
import { makeInput, runProgram } from './support.js';

describe('parsers/auto', () => {
  it('exit 0 is OK with stdout lines as info and stderr lines as error', () => {
    const result = parseAuto(makeInput({ stdout: 'line one\n\n  line two  \n', stderr: 'a warning\n' }));
    expect(result.status).to.equal('OK');
    expect(result.messages).to.deep.equal({ info: ['line one', '  line two'], warn: [], error: ['a warning'] });
    expect(result.components).to.deep.equal({});
    expect(result.metrics).to.deep.equal({});
  });

  it('a non-zero exit is ERROR naming the exit code', () => {
    const result = parseAuto(makeInput({ exitCode: 127, stderr: 'sh: 1: nosuch: not found\n' }));
    expect(result.status).to.equal('ERROR');
    expect(result.messages.error).to.deep.equal(['command exited with code 127', 'sh: 1: nosuch: not found']);
  });

  it('a timeout is ERROR "timed out after ..." whatever the exit code', () => {
    const result = parseAuto(makeInput({ exitCode: null, timedOut: true, timeoutMs: 30_000, stdout: 'partial\n' }));
    expect(result.status).to.equal('ERROR');
    expect(result.messages.error[0]).to.equal('timed out after 30s');
    expect(result.messages.info).to.deep.equal(['partial']);
    expect(parseAuto(makeInput({ exitCode: null, timedOut: true })).messages.error).to.deep.equal(['timed out']);
    expect(parseAuto(makeInput({ timedOut: true, timeoutMs: 1500 })).messages.error).to.deep.equal(['timed out after 1500ms']);
  });

  it('a kill by signal is ERROR naming the signal', () => {
    const result = parseAuto(makeInput({ exitCode: null, signal: 'SIGKILL' }));
    expect(result.status).to.equal('ERROR');
    expect(result.messages.error).to.deep.equal(['killed by signal SIGKILL']);
  });

  it('a JSON object with status is read as Smoker JSON', () => {
    const stdout = JSON.stringify({ status: 'WARN', messages: { info: [], warn: ['careful'], error: [] }, componentResults: null });
    const result = parseAuto(makeInput({ stdout: `  ${stdout}\n`, exitCode: 1 }));
    expect(result.status).to.equal('WARN');
    expect(result.messages.warn).to.deep.equal(['careful']);
  });

  it('JSON without status, arrays and broken JSON are plain output', () => {
    expect(parseAuto(makeInput({ stdout: '{"count": 3}' })).messages.info).to.deep.equal(['{"count": 3}']);
    expect(looksLikeJsonResult('[{"status":"OK"}]')).to.equal(false);
    expect(looksLikeJsonResult('{"status": "OK"')).to.equal(false);
    expect(looksLikeJsonResult('{"status": "OK"}')).to.equal(true);
  });

  it('a JSON result with a bad status is ERROR "invalid JSON result"', () => {
    const result = parseAuto(makeInput({ stdout: '{"status": "GREAT"}' }));
    expect(result.status).to.equal('ERROR');
    expect(result.messages.error[0]).to.match(/^invalid JSON result: status: expected OK, WARN, ERROR or UNKNOWN, got "GREAT"/);
  });

  it('caps very long output and says how much was left out', () => {
    const stdout = Array.from({ length: 1005 }, (_, i) => `line ${i}`).join('\n');
    const info = parseAuto(makeInput({ stdout })).messages.info;
    expect(info).to.have.length(1001);
    expect(info[1000]).to.equal('... 5 more lines (see stdout)');
  });

  it('reads real processes: sh exit codes, stderr and a signal', async () => {
    const ok = parseAuto(await runProgram('/bin/sh', ['-c', 'echo hello; echo oops >&2']));
    expect(ok.status).to.equal('OK');
    expect(ok.messages).to.deep.equal({ info: ['hello'], warn: [], error: ['oops'] });
    const failed = parseAuto(await runProgram('/bin/sh', ['-c', 'echo bad >&2; exit 3']));
    expect(failed.status).to.equal('ERROR');
    expect(failed.messages.error).to.deep.equal(['command exited with code 3', 'bad']);
    const killed = parseAuto(await runProgram('/bin/sh', ['-c', 'kill -TERM $$']));
    expect(killed.status).to.equal('ERROR');
    expect(killed.messages.error).to.deep.equal(['killed by signal SIGTERM']);
  });
});
