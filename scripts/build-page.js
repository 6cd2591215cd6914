// Bundle the serve page (web/) into dist/page/: one script and one stylesheet, no CDN, works offline.
import { build } from 'esbuild';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
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
// One stylesheet: app.css first (the base), then each view's own sheet in name order.
const sheets = readdirSync(`${root}web`).filter((f) => f.endsWith('.css')).sort((a, b) => (a === 'app.css' ? -1 : b === 'app.css' ? 1 : a < b ? -1 : 1));
writeFileSync(`${root}dist/page/app.css`, sheets.map((f) => readFileSync(`${root}web/${f}`, 'utf8')).join('\n'));
