// The editor help a user gets offline: a cell made by the real bin/cellctl (init → plan → new) in a folder outside
// the repository, opened in the real yaml-language-server over stdio, as VS Code's YAML extension runs it.
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers.js';
import { YamlLanguageServer, type Diagnostic } from './lsp-client.js';

const MEMBERS = `members:
  - { id: an, name: Nguyễn Văn An, status: official, role: secretary }
  - { id: binh, name: Trần Thị Bình, status: official, role: deputy-secretary }
  - { id: cuong, name: Lê Văn Cường, status: official }
  - { id: dung, name: Phạm Thị Dung, status: official }
`;

/** A new cell made as a secretary makes it: init, the roster filled in, a year planned, a record started. */
async function makeCell(): Promise<{ dir: string; cellDir: string; record: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'cellctl-editor-'));
  const ok = async (args: string[]) => {
    const run = await runCli(args, { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  };
  await ok(['init', 'chi-bo', '--name', 'Chi bộ Khu dân cư số 7', '--parent', 'Đảng bộ phường Hoàng Liệt', '--place', 'Hoàng Liệt']);
  const cellDir = join(dir, 'chi-bo');
  const cellFile = join(cellDir, 'cell.yaml');
  writeFileSync(cellFile, readFileSync(cellFile, 'utf8').replace(/^members:\n/m, MEMBERS).replace(/^recordsFrom: .*$/m, 'recordsFrom: 2027-01'));
  await ok(['plan', 'chi-bo', '--year', '2027']);
  await ok(['new', 'chi-bo', '--date', '2027-01-05']);
  const record = readdirSync(join(cellDir, 'meetings')).find((f) => f.endsWith('.yaml'))!;
  return { dir, cellDir, record: join(cellDir, 'meetings', record) };
}

/** The 0-based position of the first `needle` in `text`, on the line that holds it. */
function at(text: string, needle: string): { line: number; character: number } {
  const before = text.slice(0, text.indexOf(needle));
  const lines = before.split('\n');
  return { line: lines.length - 1, character: lines.at(-1)!.length };
}

/** Diagnostics that say the schema itself could not be read (a path that leads nowhere, a broken $ref). */
function loadErrors(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((d) => /schema|\$ref|resolve/i.test(d.message));
}

describe('yaml-language-server on a cell made by cellctl, outside the repository', () => {
  let server: YamlLanguageServer;
  let cell: Awaited<ReturnType<typeof makeCell>>;

  beforeAll(async () => {
    cell = await makeCell();
    server = new YamlLanguageServer();
    await server.start(cell.dir);
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
  });

  it('loads the schema of each file cellctl wrote with no error', async () => {
    const files = [join(cell.cellDir, 'cell.yaml'), join(cell.cellDir, 'plan-2027.yaml'), cell.record];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      expect(text).toMatch(/^# yaml-language-server: \$schema=(\.\.\/)?\.cellctl\/schemas\/\d+\.\d+\.\d+\/[a-z]+\.schema\.json\n/);
      const diagnostics = await server.open(file, text);
      expect(loadErrors(diagnostics), file).toEqual([]);
    }
  });

  it('reports an address it cannot load (the line older cellctl wrote), so the check above can fail', async () => {
    const text = readFileSync(cell.record, 'utf8').replace(/\$schema=\S+/, '$schema=https://unpkg.com/cellctl/schemas/meeting.schema.json');
    const diagnostics = await server.open(join(cell.cellDir, 'meetings', 'cu.yaml'), text);
    expect(loadErrors(diagnostics).length).toBeGreaterThan(0);
  });

  it('reads the schema `cellctl schema meeting` prints, saved on its own beside a file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cellctl-editor-alone-'));
    const schema = await runCli(['schema', 'meeting']);
    writeFileSync(join(dir, 'meeting.schema.json'), schema.stdout);
    const text = readFileSync(cell.record, 'utf8').replace(/\$schema=\S+/, '$schema=meeting.schema.json');
    const file = join(dir, 'bien-ban.yaml');
    expect(loadErrors(await server.open(file, text))).toEqual([]);
    expect(await server.hover(file, at(text, '\nchair:').line + 1, 2)).toContain('Chủ trì');
  });

  it('loads the committed examples\' schemas too, a committee\'s cell included', async () => {
    for (const rel of ['chi-bo-khu-dan-cu-12/meetings/2026-03.yaml', 'dang-uy-phuong-hoang-liet/chi-bo-khu-dan-cu-14/meetings/2026-07.yaml', 'dang-uy-phuong-hoang-liet/committee.yaml']) {
      const file = join(ROOT, 'examples', rel);
      const text = readFileSync(file, 'utf8');
      expect(await server.open(file, text), rel).toEqual([]);
      expect(await server.hover(file, at(text, '\nplace:').line + 1, 2), rel).toMatch(/Địa (điểm|danh)/);
    }
  });

  it('shows the Vietnamese help of a field on hover, its own meaning rather than the shared type', async () => {
    const text = readFileSync(cell.record, 'utf8');
    const secretary = await server.hover(cell.record, at(text, '\nsecretary:').line + 1, 2);
    expect(secretary).toContain('Thư ký');
    expect(secretary).toContain('ghi biên bản');
    expect(secretary).not.toContain('Chuỗi ký tự');
    const place = await server.hover(cell.record, at(text, '\nplace:').line + 1, 2);
    expect(place).toContain('Địa điểm');
    expect(place).not.toContain('Chuỗi ký tự');
  });

  it('offers each enum value with its own help line', async () => {
    const text = readFileSync(cell.record, 'utf8');
    const pos = at(text, '\nstatus: ');
    const items = await server.complete(cell.record, pos.line + 1, 'status: '.length);
    const draft = items.find((i) => i.label === 'draft');
    const adopted = items.find((i) => i.label === 'adopted');
    expect(draft?.documentation).toBe('Dự thảo.');
    expect(adopted?.documentation).toBe('Đã thông qua (được in bản chính thức).');
  });

  it('flags a wrong value in Vietnamese', async () => {
    const text = readFileSync(cell.record, 'utf8').replace(/^status: draft/m, 'status: nháp').replace(/^start: .*$/m, 'start: "19h30"');
    const diagnostics = await server.open(cell.record.replace(/\.yaml$/, '-sai.yaml'), text);
    const status = diagnostics.find((d) => d.range.start.line === at(text, '\nstatus:').line + 1);
    expect(status?.message).toMatch(/^Giá trị không hợp lệ/);
    expect(status?.message).toBe('Giá trị không hợp lệ. Chọn một trong: draft — dự thảo; adopted — đã thông qua (được in bản chính thức).');
    const start = diagnostics.find((d) => d.range.start.line === at(text, '\nstart:').line + 1);
    expect(start?.message).toBe('Ghi giờ theo dạng HH:MM (24 giờ), ví dụ 14:00.');
    expect(diagnostics.map((d) => d.message).join('\n')).not.toMatch(/[Vv]alue is not accepted|does not match the pattern|Incorrect type/);
  });
});
