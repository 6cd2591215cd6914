// Rule date-in-year: a plan's dates fall in its year, and file names agree with the year or month inside.
import type { CellYearRule } from './types.js';

/** The rule has no options. */
export type DateInYearOptions = Record<string, never>;

/** The file name without its folders (either separator, so Windows paths work too). */
function baseName(file: string): string {
  return file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
}

const PLAN_FILE = /^plan-(\d{4})\.ya?ml$/i;
const MONTH_PREFIX = /^(\d{4})-(0[1-9]|1[0-2])(?!\d)/;

const rule: CellYearRule<DateInYearOptions> = {
  id: 'date-in-year',
  scope: 'year',
  description: {
    vi: 'Mọi ngày trong kế hoạch năm (buổi sinh hoạt, mốc công việc) thuộc đúng năm của kế hoạch (lỗi); tên tệp plan-YYYY.yaml khớp năm ghi trong kế hoạch và tên tệp hồ sơ bắt đầu bằng YYYY-MM khớp tháng họp (chỉ là cảnh báo: tên tệp không làm sai nội dung hồ sơ).',
    en: "Every date of a year plan (sittings, events) lies in the plan's year (an error); a plan-YYYY.yaml file name matches the year inside and a record file named YYYY-MM… matches the month of the sitting (warnings only: a file name does not make the record wrong).",
  },
  source: 'Kế hoạch sinh hoạt năm của chi bộ (HD 12-HD/BTCTW §II.1.1.b); quy ước đặt tên tệp của cellctl',
  defaultSeverity: 'error',
  optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
  defaultOptions: {},
  messages: {
    outsideYear: {
      vi: 'Ngày {date|date} không thuộc năm {year} của kế hoạch.',
      en: 'The date {date} is not in the plan year {year}.',
    },
    fileNameYear: {
      vi: 'Tên tệp ghi năm {fileYear} nhưng kế hoạch là của năm {year}: đổi tên tệp thành plan-{year}.yaml (hoặc sửa năm của kế hoạch).',
      en: 'The file name says {fileYear} but the plan is for {year}: rename the file plan-{year}.yaml (or correct the plan year).',
    },
    fileNameMonth: {
      vi: 'Tên tệp {fileName} bắt đầu bằng {fileMonth} nhưng buổi sinh hoạt họp ngày {date|date}: đổi tên tệp thành {rename} (hoặc sửa lại ngày họp).',
      en: 'The file name {fileName} starts with {fileMonth} but the sitting was held on {date}: rename the file {rename} (or correct the date).',
    },
  },
  check(ctx) {
    // The engine lists a plan under its own `year` and a record under the year of its date; the guards
    // keep every document checked exactly once should a document ever be listed under two years.
    for (const plan of ctx.plans) {
      const { year } = plan.data;
      if (year !== ctx.year) continue;
      const prefix = `${year}-`;
      plan.data.meetings.forEach((m, i) => {
        if (!m.date.startsWith(prefix)) {
          ctx.report(plan, { path: `/meetings/${i}/date`, messageId: 'outsideYear', data: { date: m.date, year } });
        }
      });
      (plan.data.events ?? []).forEach((e, i) => {
        if (!e.date.startsWith(prefix)) {
          ctx.report(plan, { path: `/events/${i}/date`, messageId: 'outsideYear', data: { date: e.date, year } });
        }
      });
      const named = PLAN_FILE.exec(baseName(plan.file));
      if (named && Number(named[1]) !== year) {
        ctx.report(plan, {
          path: '/year',
          messageId: 'fileNameYear',
          data: { fileYear: Number(named[1]), year },
          severity: 'warning',
        });
      }
    }
    for (const meeting of ctx.meetings) {
      const { date } = meeting.data;
      if (Number(date.slice(0, 4)) !== ctx.year) continue;
      const named = MONTH_PREFIX.exec(baseName(meeting.file));
      if (!named) continue;
      const fileMonth = `${named[1]}-${named[2]}`;
      if (date.slice(0, 7) !== fileMonth) {
        const fileName = baseName(meeting.file);
        ctx.report(meeting, {
          path: '/date',
          messageId: 'fileNameMonth',
          data: { fileMonth, date, fileName, rename: date.slice(0, 7) + fileName.slice(fileMonth.length) },
          severity: 'warning',
        });
      }
    }
  },
};

export default rule;
