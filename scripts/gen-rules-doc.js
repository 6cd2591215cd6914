// Writes docs/rules.md from the built registry (run through `npm run docs:rules`).
import { writeFileSync } from 'node:fs';
import { rulesDoc } from '../dist/rules/doc.js';

writeFileSync(new URL('../docs/rules.md', import.meta.url), rulesDoc());
