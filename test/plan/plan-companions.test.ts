// `cellctl plan` beside an existing plan: stubs, calendar and the thematic plan document from the plan as edited.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { exampleCellWithoutCustoms, runCli, writeTree } from '../helpers.js';
import { docxParagraphs } from '../ooxml.js';

/** A temporary folder holding `cb/cell.yaml`, a copy of the example cell's profile. */
function exampleCell(): string {
  return writeTree({ 'cb/cell.yaml': exampleCellWithoutCustoms() });
}


describe('plan --with-meetings on a cell that already has its plan', () => {
  it('adds the missing stubs from the plan as edited, without --force, keeping the plan and filled records', async () => {
    const root = exampleCell();
    const cwd = { cwd: root };
    expect((await runCli(['plan', 'cb', '--year', '2027'], cwd)).code).toBe(0);
    const planFile = join(root, 'cb', 'plan-2027.yaml');
    // The chi bộ moved its March meeting by a day, and already wrote its January record.
    const text = readFileSync(planFile, 'utf8');
    const march = (parse(text) as { meetings: { date: string; kind: string }[] }).meetings.find((m) => m.date.startsWith('2027-03') && m.kind === 'regular')!;
    const moved = `2027-03-${String(Number(march.date.slice(8)) + 1).padStart(2, '0')}`;
    const edited = text.replace(`date: ${march.date}`, `date: ${moved}`);
    expect(edited).not.toBe(text);
    writeFileSync(planFile, edited);
    mkdirSync(join(root, 'cb', 'meetings'), { recursive: true });
    writeFileSync(join(root, 'cb', 'meetings', '2027-01.yaml'), 'kind: regular # đã ghi biên bản\n');

    const run = await runCli(['plan', 'cb', '--year', '2027', '--with-meetings'], cwd);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Giữ nguyên kế hoạch đã có (kept): cb/plan-2027.yaml');
    expect(run.stdout).toContain('Giữ nguyên hồ sơ đã có (kept): cb/meetings/2027-01.yaml');
    expect(readFileSync(planFile, 'utf8')).toBe(edited);
    expect(readFileSync(join(root, 'cb', 'meetings', '2027-01.yaml'), 'utf8')).toBe('kind: regular # đã ghi biên bản\n');
    const plan = parse(edited) as { meetings: unknown[] };
    expect(readdirSync(join(root, 'cb', 'meetings'))).toHaveLength(plan.meetings.length);
    expect((parse(readFileSync(join(root, 'cb', 'meetings', '2027-03.yaml'), 'utf8')) as { date: string }).date).toBe(moved);

    // Run again: nothing missing, nothing rewritten, still no --force needed.
    const again = await runCli(['plan', 'cb', '--year', '2027', '--with-meetings'], cwd);
    expect(again.code).toBe(0);
    expect(again.stdout).not.toContain('Đã ghi');
    // Planning anew still needs --force.
    expect((await runCli(['plan', 'cb', '--year', '2027'], cwd)).code).toBe(2);
  });
});

describe('plan --ics -', () => {
  it('writes the calendar to stdout and no file named "-"', async () => {
    const root = exampleCell();
    const run = await runCli(['plan', 'cb', '--year', '2027', '--ics', '-'], { cwd: root });
    expect(run.code).toBe(0);
    expect(run.stdout.startsWith('BEGIN:VCALENDAR')).toBe(true);
    expect(run.stdout.trimEnd().endsWith('END:VCALENDAR')).toBe(true);
    expect(existsSync(join(root, '-'))).toBe(false);
    expect(run.stderr).toContain('Đã ghi cb/plan-2027.yaml');
    const ICAL = (await import('ical.js')).default;
    const plan = parse(readFileSync(join(root, 'cb', 'plan-2027.yaml'), 'utf8')) as { meetings: unknown[]; events: unknown[] };
    expect(new ICAL.Component(ICAL.parse(run.stdout)).getAllSubcomponents('vevent')).toHaveLength(plan.meetings.length + plan.events.length);
  });
});

describe('plan --docx', () => {
  it('writes where --docx says, with the number and date of the flags and the guidance cited in full', async () => {
    const root = exampleCell();
    const run = await runCli(['plan', 'cb', '--year', '2027', '--docx', 'bao-cao/ke-hoach.docx', '--number', '3', '--date', '2026-12-22'], { cwd: root });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Đã ghi bao-cao/ke-hoach.docx');
    expect(existsSync(join(root, 'cb', 'ke-hoach-chuyen-de-2027.docx'))).toBe(false);
    const text = await docxParagraphs(join(root, 'bao-cao', 'ke-hoach.docx'));
    expect(text).toContain('Số 03-KH/CB');
    expect(text).toContain('Hoàng Liệt, ngày 22 tháng 12 năm 2026');
    expect(text).toContain('Thực hiện Hướng dẫn số 42-HD/BTCTW, ngày 28/10/2025 của Ban Tổ chức Trung ương');
  });

  it('takes the number and date from the plan file, and refuses a --docx value that is not a .docx file', async () => {
    const root = exampleCell();
    expect((await runCli(['plan', 'cb', '--year', '2027'], { cwd: root })).code).toBe(0);
    const planFile = join(root, 'cb', 'plan-2027.yaml');
    writeFileSync(planFile, `${readFileSync(planFile, 'utf8')}thematicPlan: { number: 7, date: 2026-12-20 }\n`);
    expect((await runCli(['validate', 'cb/plan-2027.yaml'], { cwd: root })).code).toBe(0);
    const run = await runCli(['plan', 'cb', '--year', '2027', '--docx'], { cwd: root });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const text = await docxParagraphs(join(root, 'cb', 'ke-hoach-chuyen-de-2027.docx'));
    expect(text).toContain('Số 07-KH/CB');
    expect(text).toContain('Hoàng Liệt, ngày 20 tháng 12 năm 2026');

    const wrong = await runCli(['plan', '--docx', 'cb', '--year', '2027'], { cwd: root });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).not.toMatch(/at .*\.js:\d+/);
  });
});
