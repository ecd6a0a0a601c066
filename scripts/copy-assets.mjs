// Copies non-TypeScript assets (built-in module scripts, report templates) into dist/.
import { cpSync, existsSync, chmodSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const assets = [['src/modules/scripts', 'dist/modules/scripts'], ['src/report/assets', 'dist/report/assets']];
for (const [from, to] of assets) {
  if (!existsSync(from)) continue;
  cpSync(from, to, { recursive: true });
  for (const f of readdirSync(to)) if (f.endsWith('.sh')) chmodSync(join(to, f), 0o755);
}
