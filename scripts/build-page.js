// Bundle the serve page (web/) into dist/page/: one script and one stylesheet, no CDN, works offline.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
mkdirSync(`${root}dist/page`, { recursive: true });
await build({
  entryPoints: [`${root}web/main.js`],
  bundle: true,
  format: 'esm',
  target: ['chrome109', 'firefox115', 'edge109'],
  minify: true,
  legalComments: 'none',
  outfile: `${root}dist/page/app.js`,
  logLevel: 'warning',
});
copyFileSync(`${root}web/app.css`, `${root}dist/page/app.css`);
