// The shared sh library of the built-in modules, exercised directly under dash.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import { assertContract } from './run-module.js';

const LIB = readFileSync(new URL('../../src/modules/scripts/lib.sh', import.meta.url), 'utf8');

/** Runs lib.sh followed by `body` under dash; returns stdout, stderr and the exit code. */
function runLib(body: string, env: Record<string, string> = {}, shell = 'dash') {
  const r = spawnSync(shell, ['-c', `${LIB}\n${body}`], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', ...env } });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

describe('modules/lib.sh', () => {
  const every = Array.from({ length: 31 }, (_, i) => String.fromCharCode(i + 1)).join('') + '\u007f';
  const samples = ['plain', '', 'q"uote', 'back\\slash\\', 'new\nline\n', `ctl${every}end`, 'ünïcødé ✓ 日本', '\\u0041 not an escape', '%s %d %% printf'];

  for (const shell of ['dash', 'busybox']) {
    it(`json_str round-trips quotes, backslashes, every control character and UTF-8 (${shell})`, function () {
      if (shell === 'busybox' && spawnSync('busybox', ['true']).status !== 0) this.skip();
      const sh = shell === 'busybox' ? 'busybox' : 'dash';
      for (const s of samples) {
        const body = '_sm_emitted=1; json_str "$S" >&9';
        const r = spawnSync(sh, sh === 'busybox' ? ['sh', '-c', `${LIB}\n${body}`] : ['-c', `${LIB}\n${body}`], {
          encoding: 'utf8',
          env: { PATH: process.env.PATH ?? '', S: s },
        });
        expect(JSON.parse(r.stdout), JSON.stringify(s)).to.equal(s);
      }
    });
  }

  it('builds components, raises statuses as ERROR > UNKNOWN > WARN > OK, and adds metrics', () => {
    const r = runLib(`
      res_info "top"
      comp_begin "a"; comp_warn "w"; comp_end
      comp_begin "b"; comp_unknown "u"; comp_warn "w2"; comp_end
      comp_begin "c"; comp_info "fine"; comp_end
      res_metric "load 1" 0.25; res_metric big 123456789012345 B; res_metric bad 1-2
      emit`);
    const json: unknown = JSON.parse(r.stdout);
    assertContract(json);
    expect(json.status).to.equal('UNKNOWN');
    expect(json.componentResults['a']!.status).to.equal('WARN');
    expect(json.componentResults['b']).to.deep.equal({ status: 'UNKNOWN', messages: { info: [], warn: ['w2'], error: ['u'] } });
    expect(json.componentResults['c']!.status).to.equal('OK');
    expect(json.metrics).to.deep.equal({ 'load 1': { value: 0.25 }, big: { value: 123456789012345, uom: 'B' } });
  });

  it('prints valid JSON even when the module dies before emit, and only once', () => {
    expect(JSON.parse(runLib('res_warn "half"; exit 3').stdout)).to.deep.include({ status: 'UNKNOWN' });
    const twice = runLib('emit; emit').stdout;
    expect(twice.trim().split('\n')).to.have.length(1);
    const r = runLib('finish_unknown "no way"; echo unreachable >&9');
    expect(JSON.parse(r.stdout).messages.error).to.deep.equal(['no way']);
  });

  it('sends stray stdout to stderr', () => {
    const r = runLib('echo stray; emit');
    expect(r.stdout.startsWith('{')).to.equal(true);
    expect(r.stderr).to.equal('stray\n');
  });

  it('reads parameters, booleans, lists and paths', () => {
    const r = runLib(
      `printf '%s|' "$(param FOO dflt)" "$(param NONE dflt)" >&9
       param_bool YES && printf 'yes|' >&9; param_bool NO || printf 'no|' >&9; param_bool NONE true && printf 'dflt|' >&9
       param_list LIST | tr '\\n' ';' >&9; printf '|' >&9
       param_paths PATHS | tr '\\n' ';' >&9; printf '|' >&9
       param_paths JPATHS | tr '\\n' ';' >&9; _sm_emitted=1`,
      { SMOKER_PARAM_FOO: 'v a"l', SMOKER_PARAM_YES: 'On', SMOKER_PARAM_NO: 'false', SMOKER_PARAM_LIST: 'a, b c,,a', SMOKER_PARAM_PATHS: '/my disk, /x\n/y /z', SMOKER_PARAM_JPATHS: '["/a b", "/c"]' },
    );
    expect(r.stdout).to.equal('v a"l|dflt|yes|no|dflt|a;b;c;|/my disk;/x;/y;/z;|/a b;/c;');
  });

  it('parses durations, sizes and numbers', () => {
    const r = runLib(
      `for d in 500ms 30s 5m 2H 1d 7 0 100000d x 5q; do printf '%s ' "$(duration_secs $d || echo -)" >&9; done
       for z in 10 1k 1.5M 2G 1KiB x; do printf '%s ' "$(size_bytes $z || echo -)" >&9; done
       for n in 1 -1.5 .5 1-2 . abc; do is_number $n && printf 'y' >&9 || printf 'n' >&9; done
       num_ge 1.5 1.25 && printf ' ge' >&9; num_ge 1 2 || printf ' lt' >&9; _sm_emitted=1`,
    );
    expect(r.stdout).to.equal('1 30 300 7200 86400 7 0 8640000000 - - 10 1024 1572864 2147483648 1024 - yyynnn ge lt');
  });

  it('formats bytes and seconds for people', () => {
    const r = runLib(`human_bytes 512 >&9; human_bytes 1536 >&9; human_bytes 13207024435 >&9; human_secs 42 >&9; human_secs 3700 >&9; human_secs 200000 >&9; _sm_emitted=1`);
    expect(r.stdout.split('\n')).to.deep.equal(['512 B', '1.5 KiB', '12.3 GiB', '42s', '1h 1m', '2d 7h 33m', '']);
  });

  it('makes private temporary files and removes them at exit', () => {
    const r = runLib(`tmp_file f; tmp_file g; printf '%s\\n' "$f" "$g" >&9; ls -ld "$(dirname "$f")" | cut -c1-10 >&9; _sm_emitted=1`);
    const [f, g, mode] = r.stdout.trim().split('\n');
    expect(f).to.not.equal(g);
    expect(mode).to.equal('drwx------');
    expect(spawnSync('test', ['-e', f!]).status).to.equal(1);
  });
});
