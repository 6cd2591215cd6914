// The cell setup, the year and the plan through the real `cellctl serve` on real folders: what the page sends, what lands on disk.
import { chmodSync, mkdtempSync, readFileSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberId, withIds } from '../../src/serve/api-cell.js';
import { copyExample, runCli } from '../helpers.js';
import { validateOoxml } from '../ooxml.js';
import { serve, tokenHeader, type Served } from './browser.js';

const AS_OF = '2026-12-08';

/** The API of a running `cellctl serve`, with the token it printed. */
function client(served: Served) {
  const headers = { ...tokenHeader(served), 'content-type': 'application/json' };
  const call = async (path: string, body?: unknown) => {
    const res = await fetch(new URL(path, served.url), body === undefined ? { headers } : { method: 'POST', headers, body: JSON.stringify(body) });
    const type = res.headers.get('content-type') ?? '';
    return { status: res.status, json: type.startsWith('application/json') ? await res.json() : undefined, bytes: type.startsWith('application/json') ? undefined : Buffer.from(await res.arrayBuffer()), type };
  };
  return { get: (path: string) => call(path), post: (path: string, body: unknown) => call(path, body) };
}

/** Fourteen members as a secretary types them: two probationary, one exempted, two sharing a given name. */
export const ROSTER = [
  ['Nguyễn Văn An', 'official', 'secretary'], ['Trần Thị Bình', 'official', 'deputy-secretary'], ['Lê Văn Cường', 'official', 'committee-member'],
  ['Phạm Thị Dung', 'official'], ['Hoàng Văn Em', 'official'], ['Vũ Thị Giang', 'official'], ['Đặng Văn Hải', 'official'], ['Bùi Thị Hoa', 'official'],
  ['Đỗ Văn Khánh', 'official'], ['Ngô Thị Lan', 'official'], ['Dương Văn Minh', 'official'], ['Lý Thị Nga', 'exempted'],
  ['Nguyễn Thị An', 'probationary'], ['Trịnh Văn Phúc', 'probationary'],
] as const;

function rosterData() {
  return ROSTER.map(([name, status, role]) => ({
    name,
    status,
    ...(role ? { role } : {}),
    ...(status === 'probationary' ? { since: '2026-05-19' } : {}),
    ...(status === 'exempted' ? { 'exemption': { reason: 'Tuổi cao, sức yếu', from: '2025-03-01' } } : {}),
  }));
}

describe('member ids made from names', () => {
  it('takes the given name without diacritics, then adds the initials, then a number', () => {
    expect(memberId('Nguyễn Văn An', new Set())).toBe('an');
    expect(memberId('Nguyễn Thị An', new Set(['an']))).toBe('an.nt');
    expect(memberId('Nguyễn Thị An', new Set(['an', 'an.nt']))).toBe('an.nt2');
    expect(memberId('Đặng Văn Đức', new Set())).toBe('duc');
  });

  it('never changes an id a member has: records refer to it', () => {
    const data = withIds({ members: [{ id: 'x1', name: 'Nguyễn Văn An' }, { name: 'Nguyễn Văn An' }, { name: '' }] });
    expect((data.members as { id?: string }[]).map((m) => m.id)).toEqual(['x1', 'an', undefined]);
  });
});

describe('cellctl serve on an empty folder: setting up a new cell', { timeout: 120_000 }, () => {
  let served: Served;
  let dir: string;
  let api: ReturnType<typeof client>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cellctl-new-cell-'));
    served = await serve(dir, '--as-of', AS_OF);
    api = client(served);
  }, 60_000);
  afterAll(async () => {
    expect(await served?.stop()).toBe(0);
  });

  it('starts on the folder instead of refusing, and the page is told it is a new cell', async () => {
    expect((await api.get('/api/root')).json).toEqual({ kind: 'new' });
    const setup = await api.get('/api/setup');
    expect(setup.json).toMatchObject({ exists: false, hash: '', nextNumber: 'Số 01-NQ/CB', data: { recordsFrom: '2027-01', members: [] } });
  });

  it('names each wrong field by its label in plain Vietnamese, with no key, code or YYYY-MM-DD', async () => {
    const members = rosterData().map((m) => ({ ...m, role: undefined }));
    members[3] = { ...members[3]!, since: '2026-13-01' };
    members[4] = { status: 'official' } as (typeof members)[number]; // a row added, its name not yet typed
    const { json } = await api.post('/api/setup/check', { data: { name: '', parent: { name: 'Đảng bộ phường Hoàng Liệt' }, place: 'Hoàng Liệt', type: 'residential', members } });
    const messages = Object.fromEntries((json.problems as { path: string; message: string }[]).map((p) => [p.path, p.message]));
    expect(messages['/name']).toBe('Chưa điền: Tên chi bộ.');
    expect(messages['/members/4/name']).toBe('Chưa điền: Họ và tên của đảng viên thứ 5.');
    expect(messages['/members/3/since']).toBe('Ngày vào sinh hoạt tại chi bộ của đồng chí Phạm Thị Dung: ngày không có thật; ghi theo dạng ngày/tháng/năm, ví dụ 05/03/2027.');
    for (const m of Object.values(messages)) expect(m).not.toMatch(/since|role|status|YYYY|members|\d+:\d+/);
  });

  it('says the cell has no secretary in words the page uses, once the fields are right', async () => {
    const members = rosterData().map((m) => ({ ...m, role: undefined }));
    const { json } = await api.post('/api/setup/check', { data: { name: 'Chi bộ Khu dân cư số 3', parent: { name: 'Đảng bộ phường Hoàng Liệt' }, place: 'Hoàng Liệt', type: 'residential', members } });
    expect(json.problems).toContainEqual({ path: '/members', severity: 'error', message: 'Danh sách chưa có bí thư chi bộ: chọn chức vụ “Bí thư” cho một đồng chí.' });
    // Ids are made for the page to show, unique although two members are called An.
    expect((json.data.members as { id: string }[]).map((m) => m.id)).toEqual(['an', 'binh', 'cuong', 'dung', 'em', 'giang', 'hai', 'hoa', 'khanh', 'lan', 'minh', 'nga', 'an.nt', 'phuc']);
  });

  it('refuses to write a cell with errors, and writes nothing', async () => {
    const res = await api.post('/api/setup/save', { base: '', data: { name: '', parent: { name: '' }, place: '', type: 'residential', members: [] } });
    expect(res.status).toBe(422);
    expect(existsSync(join(dir, 'cell.yaml'))).toBe(false);
  });

  it('writes a cell.yaml that validate accepts, with init’s explanations and the meetings folder', async () => {
    const res = await api.post('/api/setup/save', {
      base: '',
      data: { name: 'Chi bộ Khu dân cư số 3', parent: { name: 'Đảng bộ phường Hoàng Liệt' }, place: 'Hoàng Liệt', type: 'residential', recordsFrom: '2027-01', members: rosterData() },
    });
    expect(res.status).toBe(200);
    const text = readFileSync(join(dir, 'cell.yaml'), 'utf8');
    expect(text).toContain('# yaml-language-server: $schema=');
    expect(text).toContain('# Danh sách đảng viên: ít nhất 03 đảng viên chính thức');
    expect(text).toMatch(/recordsFrom: 2027-01 +# tháng bắt đầu lưu hồ sơ/);
    expect(text).toContain('  kind: ward'); // what init reads from the superior body's name is kept
    expect(text).toMatch(/- id: an\.nt\n {4}name: Nguyễn Thị An\n {4}status: probationary/);
    expect(existsSync(join(dir, 'meetings'))).toBe(true);
    expect(res.json.data.members).toHaveLength(14);
    const run = await runCli(['validate', dir, '--as-of', AS_OF]);
    // The only complaint is that no sitting has a record yet.
    expect(run.stdout).not.toMatch(/cell\.yaml[\s\S]*(schema|cell-structure)/);
    expect((await api.get('/api/root')).json).toEqual({ kind: 'cell' });
  });

  it('takes the next resolution number of a cell that starts with cellctl mid-term, and the page shows it', async () => {
    const setup = await api.get('/api/setup');
    expect(setup.json.nextNumber).toBe('Số 01-NQ/CB');
    const data = { ...setup.json.data, numbering: { next: 0 } };
    const wrong = await api.post('/api/setup/check', { data });
    expect(wrong.json.problems.filter((p: { path: string }) => p.path === '/numbering/next')).toHaveLength(1);
    data.numbering = { next: 18 };
    expect((await api.post('/api/setup/check', { data })).json.problems).toEqual([]);
    expect((await api.post('/api/setup/save', { base: setup.json.hash, data })).status).toBe(200);
    expect(readFileSync(join(dir, 'cell.yaml'), 'utf8')).toMatch(/numbering:\n {2}next: 18\n/);
    expect((await api.get('/api/setup')).json.nextNumber).toBe('Số 18-NQ/CB');
  });

  it('edits the existing cell keeping a comment and the file mode; a stale page is refused', async () => {
    const file = join(dir, 'cell.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('  - id: phuc\n', '  # chuyển đến từ chi bộ số 5\n  - id: phuc\n'));
    chmodSync(file, 0o640);
    const setup = await api.get('/api/setup');
    expect(setup.json.exists).toBe(true);
    const data = setup.json.data;
    data.members[13].officialSince = '2027-05-19';
    data.members.push({ name: 'Mai Văn Quang'.normalize('NFD'), status: 'official' }); // typed on a Mac
    const stale = await api.post('/api/setup/save', { base: 'not-the-hash', data });
    expect(stale.status).toBe(409);
    const res = await api.post('/api/setup/save', { base: setup.json.hash, data });
    expect(res.status).toBe(200);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('  # chuyển đến từ chi bộ số 5\n  - id: phuc\n');
    expect(text).toContain('officialSince: 2027-05-19');
    expect(text).toMatch(/- id: quang\n {4}name: Mai Văn Quang\n/);
    expect(text.normalize('NFC')).toBe(text);
    expect(statSync(file).mode & 0o777).toBe(0o640);
  });

  it('opens on next year (records start there), plans it with the library, warns on a moved date, saves and prints', async () => {
    let year = (await api.get('/api/cell')).json;
    expect(year.year).toBe(2027);
    expect(year.planned).toBe(false);
    expect(year.next).toMatchObject({ none: expect.stringMatching(/Chưa có kế hoạch sinh hoạt năm/), planYear: 2027 });
    expect(year.years.map((y: { year: number }) => y.year)).toEqual([2026, 2027]);

    const plan = (await api.get('/api/plan?year=2027')).json;
    expect(plan.saved).toBe(false);
    const regular = plan.plan.meetings.filter((m: { kind: string }) => m.kind === 'regular');
    expect(regular).toHaveLength(12);
    expect(plan.warnings).toEqual([]);

    const dates: string[] = plan.plan.meetings.map((m: { date: string }) => m.date);
    const moved = [...dates];
    moved[0] = '2027-01-01'; // New Year's Day
    moved[1] = '2027-01-09'; // a Saturday
    const check = (await api.post('/api/plan/check', { year: 2027, dates: moved })).json;
    expect(check.warnings).toContainEqual({ index: 0, message: expect.stringMatching(/^Trùng ngày nghỉ: .*Tết Dương lịch/) });
    expect(check.warnings).toContainEqual({ index: 1, message: 'Ngày này là thứ Bảy, không phải ngày làm việc của chi bộ.' });

    const saved = await api.post('/api/plan/save', { year: 2027, dates });
    expect(saved.status).toBe(200);
    expect((await api.post('/api/plan/save', { year: 2027, dates })).status).toBe(409); // asked first before replacing
    expect((await runCli(['validate', join(dir, 'plan-2027.yaml'), '--as-of', AS_OF])).stdout).not.toMatch(/plan-2027\.yaml\n/);

    const docx = await api.get('/api/plan/docx?year=2027');
    expect(docx.status).toBe(200);
    const out = join(mkdtempSync(join(tmpdir(), 'cellctl-kh-')), 'ke-hoach.docx');
    writeFileSync(out, docx.bytes!);
    validateOoxml(out);

    year = (await api.get('/api/cell')).json;
    expect(year.year).toBe(2027);
    expect(year.planned).toBe(true);
    expect(year.next).toEqual({ date: dates[0], kind: 'regular', file: 'meetings/2027-01.yaml', replacesStub: false });
  });
});

describe('setup on a committee folder', { timeout: 60_000 }, () => {
  it('writes no cell.yaml into the committee’s own folder', async () => {
    const dir = copyExample('dang-uy-phuong-hoang-liet');
    const served = await serve(dir, '--as-of', AS_OF);
    try {
      const api = client(served);
      expect((await api.get('/api/setup')).status).toBe(404);
      const res = await api.post('/api/setup/save', { base: '', data: { name: 'Chi bộ X', parent: { name: 'Đảng bộ phường Y' }, place: 'Y', type: 'residential', members: [{ name: 'A', status: 'official', role: 'secretary' }] } });
      expect(res.status).toBe(404);
      expect(existsSync(join(dir, 'cell.yaml'))).toBe(false);
      // A cell of the committee is set up and planned by its folder.
      const cell = await api.get('/api/setup?cell=chi-bo-khu-dan-cu-13');
      expect(cell.status).toBe(200);
      expect(cell.json.data.name).toBe('Chi bộ Khu dân cư số 13');
      expect((await api.get('/api/setup?cell=../..')).status).toBe(403);
      expect((await api.get('/api/plan?cell=chi-bo-khu-dan-cu-13&year=2027')).json.plan.year).toBe(2027);
    } finally {
      expect(await served.stop()).toBe(0);
    }
  });
});

describe('the year of an existing cell', { timeout: 120_000 }, () => {
  let served: Served;
  let dir: string;
  let api: ReturnType<typeof client>;

  beforeAll(async () => {
    dir = copyExample();
    // A record problem and a cell problem, each to be led to its field.
    const march = join(dir, 'meetings', '2026-03.yaml');
    writeFileSync(march, readFileSync(march, 'utf8').replace(/^end: .*$/m, 'end: "25:99"'));
    const cell = join(dir, 'cell.yaml');
    writeFileSync(cell, readFileSync(cell, 'utf8').replace('    role: deputy-secretary\n', '    role: secretary\n'));
    served = await serve(dir, '--as-of', AS_OF);
    api = client(served);
  }, 60_000);
  afterAll(async () => {
    expect(await served?.stop()).toBe(0);
  });

  it('opens on next year once this year is recorded and next year is planned, and switches years', async () => {
    const before = (await api.get('/api/cell')).json;
    expect(before.year).toBe(2026); // no 2027 plan yet: this year, offering next year's plan
    expect(before.next).toMatchObject({ none: expect.stringMatching(/đều đã có biên bản/), planYear: 2027 });
    const plan = (await api.get('/api/plan?year=2027')).json;
    await api.post('/api/plan/save', { year: 2027, dates: plan.plan.meetings.map((m: { date: string }) => m.date) });
    // Moving a date of the saved plan keeps what the secretary wrote in the file.
    const file = join(dir, 'plan-2027.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^meetings:\n/m, 'meetings:\n  # đã thống nhất với ban công tác mặt trận\n'));
    const moved = plan.plan.meetings.map((m: { date: string }) => m.date);
    expect(moved[moved.length - 1]).not.toBe('2027-12-14');
    moved[moved.length - 1] = '2027-12-14'; // December's sitting a week later, on a Tuesday
    expect((await api.post('/api/plan/save', { year: 2027, dates: moved, replace: true })).status).toBe(200);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('  # đã thống nhất với ban công tác mặt trận\n');
    expect(text).toContain(`date: ${moved[moved.length - 1]}`);
    expect(text).toMatch(/^# Kế hoạch sinh hoạt năm 2027/m);

    const view = (await api.get('/api/cell')).json;
    expect(view.year).toBe(2027);
    expect(view.years.map((y: { year: number; plan: boolean }) => [y.year, y.plan])).toEqual([[2026, true], [2027, true]]);
    expect((await api.get('/api/cell?year=2026')).json.months[0].sittings[0].state).toBe('adopted');
  });

  it('shows in the setup only the cell’s own problems, not the records’', async () => {
    const setup = (await api.get('/api/setup')).json;
    expect(setup.problems).toEqual([
      { path: '/members/1/role', severity: 'error', message: 'Đồng chí Trần Thị Thu cũng được ghi là bí thư; chi bộ chỉ có một bí thư (đã có đồng chí Nguyễn Văn Hùng).' },
    ]);
  });

  it('lists the year’s problems, each leading to the record and field it is about', async () => {
    const view = (await api.get('/api/cell?year=2026')).json;
    const march = view.problems.filter((p: { target: { file?: string } }) => p.target.file === 'meetings/2026-03.yaml');
    expect(march.length).toBeGreaterThan(0);
    expect(march[0].target).toEqual({ page: 'record', file: 'meetings/2026-03.yaml', path: '/end' });
    expect(view.problems).toContainEqual({
      message: 'Đồng chí Trần Thị Thu cũng được ghi là bí thư; chi bộ chỉ có một bí thư (đã có đồng chí Nguyễn Văn Hùng).',
      severity: 'error',
      target: { page: 'cell', path: '/members/1/role' },
    });
    expect(view.errorCount).toBe(view.problems.filter((p: { severity: string }) => p.severity === 'error').length);
    // Next year's view does not carry this year's record problems.
    expect((await api.get('/api/cell?year=2027')).json.problems.some((p: { target: { file?: string } }) => p.target.file === 'meetings/2026-03.yaml')).toBe(false);
  });
});
