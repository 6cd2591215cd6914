// Seeded fuzzer: mutates the example cell's real files and runs validate and render in-process (dist/ API).
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLValidator } from 'fast-xml-parser';
import { unzipSync } from 'fflate';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const EXAMPLE = join(ROOT, 'examples', 'chi-bo-khu-dan-cu-12');
/** A record rendered when the mutated file is not a record itself (cell.yaml, the plan). */
const RENDERED_WITH_CELL = join('meetings', '2026-06.yaml');

/** mulberry32: a small seeded PRNG, so an iteration is the same on every machine. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The seed of one iteration, derived from the run's seed (so `--seed S --from N` replays iteration N). */
export function iterationSeed(seed, i) {
  return (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) + Math.imul(i + 1, 0xc2b2ae35)) >>> 0;
}

const pick = (r, list) => list[Math.floor(r() * list.length)];
const int = (r, n) => Math.floor(r() * n);

/** Snippets an attacker or a careless editor might put in a file. */
function hostileSnippets(r) {
  const deep = (n) => '['.repeat(n) + ']'.repeat(n);
  const nested = (n) => Array.from({ length: n }, (_, i) => `${' '.repeat(i * 2)}a${i}:`).join('\n') + ' x';
  return [
    '\u0000',
    '\u007f',
    '\u0001\u0002\u001b[31m',
    '\u200b\u202e\ufeff',
    '\ud800',
    `${'k'.repeat(10_000 + int(r, 60_000))}: 1`,
    `x: ${deep(200 + int(r, 2000))}`,
    nested(50 + int(r, 150)),
    'a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
    'x: *undefined_alias',
    '<w:t>chèn</w:t></w:r><w:r>',
    ']]><w:p/>&amp;&lt;&#0;',
    '{{', '}}', '{{#each this}}{{/each}}', '{{{lookup this "constructor"}}}', '{{> nope}}',
    '__proto__: { polluted: true }',
    'constructor: 1',
    'toString: x',
    `note: ${'dài '.repeat(20_000 + int(r, 40_000))}`,
    'Nguyễn Văn An'.normalize('NFD'),
    '- '.repeat(500 + int(r, 3000)) + '\n    x',
    '\t',
    '\r',
    '---\n...\n---',
    '? [a, b]\n: c',
    '!!binary aGVsbG8=',
    '!!js/function "function(){}"',
    '%YAML 1.1\n---',
    'date: 2026-02-30',
    'date: 99999-01-01',
    'start: "25:61"',
    'count: 1e309',
    'count: -0',
    'count: 0x7fffffffffffffff',
    "'unterminated",
    '"\\uD800"',
    '~',
    'null',
    '',
  ];
}

/** Vietnamese words of place and body names, for names grown long. */
const NAME_WORDS = ['Đảng', 'bộ', 'phường', 'Hoàng', 'Liệt', 'quận', 'Mai', 'Khối', 'các', 'cơ', 'quan', 'Thành', 'phố', 'Hồ', 'Chí', 'Minh', 'Trường', 'Trung', 'học', 'phổ', 'thông', 'chuyên', 'Khu', 'dân', 'cư', 'số', '12'];

/**
 * A name grown long: a `name:` (or `place:`, `title:`) value replaced by 20 to 100 words, up to about 500
 * characters, as a careless paste makes. The header lays such names out line by line: this is what once
 * made render take minutes (an exhaustive search for the best line breaks).
 */
export function growName(r, text) {
  const lines = text.split('\n');
  const named = lines.map((l, i) => (/^\s*(- )?(name|place|title):\s/.test(l) ? i : -1)).filter((i) => i >= 0);
  const words = Array.from({ length: 20 + int(r, 81) }, () => pick(r, NAME_WORDS)).join(' ');
  if (named.length === 0) return `${text}\nname: ${words}\n`;
  // Half the time a name that is not a list item (the cell's, the superior body's, the place): the header's.
  const own = named.filter((i) => !/^\s*- /.test(lines[i]) && !/^\s{4,}/.test(lines[i]));
  const i = own.length > 0 && r() < 0.5 ? pick(r, own) : pick(r, named);
  lines[i] = lines[i].replace(/^(\s*(- )?(name|place|title):\s).*$/, `$1${words}`);
  return lines.join('\n');
}

/** One mutation of a file's text (or bytes), chosen by `r`. */
function mutate(r, text) {
  const lines = text.split('\n');
  const line = () => int(r, lines.length);
  switch (int(r, 10)) {
    case 0: {
      // Byte-level: flip, insert or delete a few bytes of the UTF-8 encoding.
      const bytes = Buffer.from(text, 'utf8');
      const out = [...bytes];
      for (let k = 1 + int(r, 4); k > 0; k--) {
        const at = int(r, out.length + 1);
        const op = int(r, 3);
        if (op === 0 && at < out.length) out[at] ^= 1 << int(r, 8);
        else if (op === 1) out.splice(at, 0, int(r, 256));
        else out.splice(at, 1);
      }
      return Buffer.from(out);
    }
    case 1:
      lines.splice(line(), 1);
      return lines.join('\n');
    case 2: {
      const i = line();
      lines.splice(i, 0, ...Array(1 + int(r, 3)).fill(lines[i]));
      return lines.join('\n');
    }
    case 3: {
      const i = line();
      const j = line();
      [lines[i], lines[j]] = [lines[j], lines[i]];
      return lines.join('\n');
    }
    case 4:
      return text.slice(0, int(r, text.length));
    case 5: {
      // A hostile snippet as a new line, at the indentation of a neighbour.
      const i = line();
      const indent = /^\s*(- )?/.exec(lines[i] ?? '')[0].replace('-', ' ');
      lines.splice(i, 0, ...pick(r, hostileSnippets(r)).split('\n').map((l) => indent + l));
      return lines.join('\n');
    }
    case 6: {
      // A hostile snippet inside a value.
      const i = line();
      const l = lines[i] ?? '';
      const at = int(r, l.length + 1);
      lines[i] = l.slice(0, at) + pick(r, hostileSnippets(r)) + l.slice(at);
      return lines.join('\n');
    }
    case 7:
      return pick(r, [
        () => text.normalize('NFD'),
        () => text.replaceAll('\n', '\r\n'),
        () => `\ufeff${text}`,
        () => Buffer.from(text, 'utf16le'),
        () => text.replaceAll('  ', '\t'),
        () => text.replace(/: /g, ':'),
      ])();
    case 8:
      return growName(r, text);
    default: {
      // A very long line.
      const i = line();
      lines[i] = (lines[i] ?? '') + 'x'.repeat(50_000 + int(r, 200_000));
      return lines.join('\n');
    }
  }
}

const STACK = /\n\s+at .+[(:]\d+|^\s+at [\w.<>]+ \(/m;
const INTERNAL = /internal error|lỗi nội bộ/i;

/** Every XML part of a .docx parses; the first broken one, else undefined. */
function brokenPart(docx) {
  let parts;
  try {
    parts = unzipSync(docx);
  } catch (e) {
    return `not a zip: ${e.message}`;
  }
  for (const [name, data] of Object.entries(parts)) {
    if (!/\.(xml|rels)$/.test(name)) continue;
    const verdict = XMLValidator.validate(Buffer.from(data).toString('utf8'));
    if (verdict !== true) return `${name}: ${verdict.err.msg} (line ${verdict.err.line})`;
  }
  return undefined;
}

const cpuMs = (since) => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1000;
};

/**
 * Run the fuzzer. Options: seed, iterations, seconds (whichever ends first), from (first iteration),
 * crashDir (where inputs that fail are saved, each as a whole cell folder), slowMs (CPU time to validate,
 * and to render, one file),
 * renderEvery (render on every n-th iteration only; default 1), only (`{ file, mutate }`: mutate this one file
 * with this one mutation, to aim a run at one weakness), onCrash(crash) for progress. Returns { iterations, crashes, slowest }.
 */
export async function fuzz(options = {}) {
  const { validate, render } = await import('../dist/index.js');
  const seed = options.seed ?? 1;
  const iterations = options.iterations ?? 2000;
  const deadline = Date.now() + (options.seconds ?? 120) * 1000;
  const slowMs = options.slowMs ?? 1000;
  const renderEvery = options.renderEvery ?? 1;
  const crashDir = options.crashDir ?? join(process.cwd(), 'fuzz-crashes');
  const work = mkdtempSync(join(tmpdir(), 'cellctl-fuzz-'));
  const cell = join(work, 'chi-bo');
  const out = join(work, 'out');
  cpSync(EXAMPLE, cell, { recursive: true });
  const files = readdirSync(cell, { recursive: true })
    .filter((f) => /\.ya?ml$/.test(f))
    .sort();
  const originals = new Map(files.map((f) => [f, readFileSync(join(cell, f))]));
  const crashes = [];
  let slowest = { file: '', ms: 0, iteration: -1, phase: '' };
  let done = 0;
  const from = options.from ?? 0;

  try {
    for (let i = from; i < from + iterations && Date.now() < deadline; i++) {
      const r = rng(iterationSeed(seed, i));
      const file = options.only ? options.only.file : pick(r, files);
      const change = options.only ? options.only.mutate : mutate;
      let content = originals.get(file).toString('utf8');
      for (let k = 1 + int(r, 3); k > 0; k--) content = change(r, typeof content === 'string' ? content : content.toString('utf8'));
      writeFileSync(join(cell, file), content);
      const failures = [];
      // CPU time, not wall time: other processes on a shared machine must not make a file look slow.
      const timed = (phase, since) => {
        const ms = cpuMs(since);
        if (ms > slowest.ms) slowest = { file, ms, iteration: i, phase };
        if (ms > slowMs) failures.push(`${phase} took ${Math.round(ms)} ms of CPU (over ${slowMs} ms)`);
      };
      try {
        let since = process.cpuUsage();
        const result = await validate([join(cell, file)], { asOf: '2026-12-31', jobs: 1, cwd: work });
        timed('validate', since);
        for (const p of result.results.flatMap((x) => x.problems)) {
          if (p.ruleId === 'internal' || INTERNAL.test(p.message)) failures.push(`internal error problem: ${p.ruleId} ${p.message}`);
          if (STACK.test(p.message)) failures.push(`stack trace in a message: ${p.message.slice(0, 500)}`);
        }
        const target = file.startsWith('meetings') ? file : RENDERED_WITH_CELL;
        // A plan never reaches a document; rendering costs ~20× validating, so short runs sample it.
        const renders = !file.startsWith('plan-') && i % renderEvery === 0;
        rmSync(out, { recursive: true, force: true });
        if (renders) {
          since = process.cpuUsage();
          try {
            const rendered = await render([join(cell, target)], { asOf: '2026-12-31', out, draft: true, force: true, jobs: 1, cwd: work });
            for (const f of rendered.files) {
              const broken = brokenPart(readFileSync(f.file));
              if (broken) failures.push(`malformed .docx part in ${f.file}: ${broken}`);
            }
            timed('render', since);
          } catch (e) {
            // A CellctlError is a clean refusal (e.g. a template that cannot use this value); anything else is a crash.
            if (!(e instanceof Error) || e.name !== 'CellctlError') throw e;
            if (STACK.test(e.message)) failures.push(`stack trace in an error: ${e.message.slice(0, 500)}`);
            if (INTERNAL.test(e.message)) failures.push(`internal error: ${e.message.slice(0, 500)}`);
          }
        }
      } catch (e) {
        failures.push(`thrown: ${e instanceof Error ? e.stack : String(e)}`);
      }
      if (failures.length > 0) {
        const saved = join(crashDir, `seed-${seed}-iteration-${i}`);
        mkdirSync(dirname(saved), { recursive: true });
        cpSync(cell, saved, { recursive: true });
        writeFileSync(join(saved, 'FUZZ-FAILURE.txt'), `seed ${seed}, iteration ${i}, file ${file}\n\n${failures.join('\n\n')}\n`);
        const crash = { iteration: i, seed, file, failures, saved };
        crashes.push(crash);
        options.onCrash?.(crash);
      }
      writeFileSync(join(cell, file), originals.get(file));
      done++;
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return { iterations: done, crashes, slowest };
}

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const seed = arg('seed', 1);
  const started = Date.now();
  const result = await fuzz({
    seed,
    iterations: arg('iterations', 2000),
    seconds: arg('seconds', 120),
    from: arg('from', 0),
    renderEvery: arg('render-every', 1),
    onCrash: (c) => console.log(`✖ iteration ${c.iteration} (${c.file}): ${c.failures[0].split('\n')[0]}\n  saved: ${c.saved}`),
  });
  console.log(
    `seed ${seed}: ${result.iterations} iterations in ${((Date.now() - started) / 1000).toFixed(1)} s, ` +
      `${result.crashes.length} crash(es); slowest file ${result.slowest.file} ` +
      `(${result.slowest.phase} ${Math.round(result.slowest.ms)} ms CPU, iteration ${result.slowest.iteration})`,
  );
  if (result.crashes.length > 0) {
    console.log(`Reproduce one: cellctl validate <saved folder>, or npm run fuzz -- --seed ${seed} --from <iteration> --iterations 1`);
    process.exitCode = 1;
  }
}
