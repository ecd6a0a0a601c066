import ssh2 from 'ssh2'; import { readFileSync } from 'node:fs'; import { execSync } from 'node:child_process';
const [host, key, lab, mode, n = '400', par = '8'] = process.argv.slice(2);
const cmds = { plain: 'hostname', wrap: `printf '\\036SMOKER-PID %s\\n' "$$" >&2; exec /bin/sh -c 'hostname'`, evalw: `printf '\\036SMOKER-PID %s\\n' "$$" >&2; eval 'hostname'` };
const ticks = () => Number(execSync(`sh /tmp/bp/srvcpu.sh ${lab}`).toString());
const a = ticks(); const t = Date.now(); let fails = 0;
const c = new ssh2.Client();
c.on('ready', async () => {
  let left = Number(n); const run = () => new Promise((res) => c.exec(cmds[mode], (e, s) => { if (e) { fails++; return res(); } s.resume(); s.stderr.resume(); s.on('close', res); s.end(); }));
  await Promise.all(Array.from({ length: Number(par) }, async () => { while (left-- > 0) await run(); }));
  const ms = Date.now() - t;
  c.end();
  c.on('close', () => setTimeout(() => console.log(mode, 'par', par, 'ms', ms, 'fails', fails, 'server ticks', ticks() - a), 300));
});
c.connect({ host, username: 'smoker-lab', privateKey: readFileSync(key), hostVerifier: () => true });
