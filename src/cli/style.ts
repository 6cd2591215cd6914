// Terminal colours for formatters: chalk at a level the CLI decides (TTY, NO_COLOR, FORCE_COLOR, --color).
import { Chalk } from 'chalk';
import { PLAIN, type Style } from '../formatters/index.js';

/** Whether to colour output written to a stream, per the NO_COLOR and FORCE_COLOR conventions. */
export function wantsColor(flag: boolean | undefined, isTTY: boolean | undefined, env: Readonly<Record<string, string | undefined>>): boolean {
  if (flag !== undefined) return flag;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return isTTY === true;
}

/** A Style that colours with chalk, or plain text. */
export function makeStyle(color: boolean): Style {
  if (!color) return PLAIN;
  const c = new Chalk({ level: 1 });
  return { red: c.red, yellow: c.yellow, green: c.green, dim: c.dim, bold: c.bold, underline: c.underline };
}
