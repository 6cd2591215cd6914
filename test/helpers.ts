// Test helpers: write real YAML files to a temporary cell folder and run the real validation pipeline on it.
import { execFile, execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import { validate, type Problem, type ValidateOptions } from '../src/index.js';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const FIXTURES = join(ROOT, 'test', 'fixtures');

/** Text of a fixture file, e.g. fixture('base/cell.yaml'). */
export function fixture(rel: string): string {
  return readFileSync(join(FIXTURES, rel), 'utf8');
}

/** The valid baseline cell profile and regular meeting (test/fixtures/base). */
export const BASE_CELL = fixture('base/cell.yaml');
export const BASE_MEETING = fixture('base/meetings/2026-03.yaml');

/**
 * Edit YAML text through the `yaml` Document API (comments and layout kept), e.g.
 * `edit(BASE_MEETING, (d) => d.setIn(['end'], '15:00'))`.
 */
export function edit(text: string, change: (doc: ReturnType<typeof parseDocument>) => void): string {
  const doc = parseDocument(text);
  change(doc);
  return doc.toString();
}

/** Write files (relative path → text) into a fresh temporary folder and return its path. */
export function writeTree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'cellctl-test-'));
  for (const [rel, text] of Object.entries(files)) {
    const path = join(dir, rel);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
  return dir;
}

/** A problem with its file made relative to the temporary folder, for readable assertions. */
export type TestProblem = Problem & { rel: string };

/**
 * Validate a tree of files with the real pipeline (read → parse → schema → rules) and return every
 * problem, file paths relative to the tree. `asOf` defaults to 2026-12-31 so tests never depend on today.
 */
export async function lint(
  files: Record<string, string>,
  options: ValidateOptions = {},
): Promise<TestProblem[]> {
  const dir = writeTree(files);
  const result = await validate([dir], { asOf: '2026-12-31', ...options });
  return result.results.flatMap((r) =>
    r.problems.map((p) => ({ ...p, rel: p.file.slice(dir.length + 1).replaceAll('\\', '/') })),
  );
}

/** Problems of one rule only. */
export function only(problems: TestProblem[], ruleId: string): TestProblem[] {
  return problems.filter((p) => p.ruleId === ruleId);
}

/** 1-based line number of the first line containing `needle` in `text` (to assert positions). */
export function lineOf(text: string, needle: string): number {
  const i = text.split('\n').findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`"${needle}" not found`);
  return i + 1;
}

/** 1-based line and column of `token` on the first line containing `needle`. */
export function positionOf(text: string, needle: string, token = needle): { line: number; column: number } {
  const line = lineOf(text, needle);
  return { line, column: text.split('\n')[line - 1]!.indexOf(token) + 1 };
}

/** Lint one meeting (meetings/2026-03.yaml) beside a cell profile (none when `cell` is null): one rule's problems. */
export async function lintMeeting(
  ruleId: string,
  meeting: string,
  cell: string | null = BASE_CELL,
  options: ValidateOptions = {},
): Promise<TestProblem[]> {
  const files: Record<string, string> = { 'meetings/2026-03.yaml': meeting };
  if (cell !== null) files['cell.yaml'] = cell;
  return only(await lint(files, options), ruleId);
}


/** The example cell's profile without its `customs:` (so the planner's defaults apply), as YAML text. */
export function exampleCellWithoutCustoms(): string {
  const doc = parseDocument(readFileSync(join(ROOT, 'examples', 'chi-bo-khu-dan-cu-12', 'cell.yaml'), 'utf8'));
  doc.delete('customs');
  return doc.toString();
}

/** Whether a command is on PATH. */
export function installed(tool: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * LibreOffice and poppler are installed (CI installs them). Tests that open documents skip without them
 * only outside CI: `describe.skipIf(!HAVE_OFFICE_TOOLS && !process.env.CI)`.
 */
export const HAVE_OFFICE_TOOLS = installed('soffice') && installed('pdfinfo') && installed('pdftotext');

/** What a run of the real binary printed and returned. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run the real bin/cellctl (built by `npm test`'s pretest) with a clean environment plus `env`. */
export function runCli(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(ROOT, 'bin', 'cellctl'), ...args],
      { cwd: options.cwd ?? ROOT, env: { PATH: process.env.PATH ?? '', ...options.env }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 99) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** Copy the bundled example cell into a fresh temporary folder and return the copy's path. */
export function copyExample(name = 'chi-bo-khu-dan-cu-12'): string {
  const dir = mkdtempSync(join(tmpdir(), 'cellctl-example-'));
  cpSync(join(ROOT, 'examples', name), join(dir, name), { recursive: true });
  return join(dir, name);
}
