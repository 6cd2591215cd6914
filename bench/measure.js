// Runs the cellctl CLI in this process and reports wall time and peak RSS (worker threads included) on fd 3.
import { writeSync } from 'node:fs';
import { main } from '../dist/cli/main.js';

const sink = { write: () => true };
const start = performance.now();
const code = await main({ argv: process.argv.slice(2), cwd: process.cwd(), stdout: sink, stderr: process.stderr, env: {} });
const ms = performance.now() - start;
writeSync(3, JSON.stringify({ code, ms, maxRssKb: process.resourceUsage().maxRSS }));
