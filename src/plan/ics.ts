// The year plan as an iCalendar file (RFC 5545) for Outlook and Google Calendar: one event per sitting and per dated task.
import type { CellProfile, PlannedEvent, PlannedMeeting, YearPlan } from '../model.js';
import { minutesOf, quarterOf, ymd } from '../util/time.js';
import { romanNumeral } from '../util/vi-date.js';
import { plannedTimes } from './stubs.js';
import { partyMonth } from '../util/vi-date.js';

/** Vietnam's zone: UTC+7 all year, no daylight saving since 1975. */
const TZID = 'Asia/Ho_Chi_Minh';
const OFFSET_MINUTES = 7 * 60;
const CRLF = '\r\n';
/** RFC 5545 §3.1: content lines are folded at 75 octets, continuation lines start with one space. */
const FOLD_OCTETS = 75;

const EVENT_TITLE: Record<PlannedEvent['kind'], string> = {
  'committee-prep': 'Chi ủy họp chuẩn bị nội dung sinh hoạt chi bộ',
  'posting-deadline': 'Hạn đăng tài liệu sinh hoạt lên Sổ tay đảng viên',
  'year-end-review': 'Hội nghị kiểm điểm, đánh giá, xếp loại chất lượng tổ chức đảng và đảng viên',
  other: 'Công việc của chi bộ',
};

/**
 * The iCalendar text of a year plan: a VTIMEZONE for Asia/Ho_Chi_Minh, one timed VEVENT per planned
 * sitting and one all-day VEVENT per other dated item (preparation meetings, posting deadlines, the year-end
 * review). UIDs come from the cell, its superior body, the date and the kind, and DTSTAMP from the plan
 * year, so the same plan always gives the same bytes and importing it again finds the same events instead
 * of adding copies. Times carry TZID=Asia/Ho_Chi_Minh; CRLF line ends; lines folded at 75 UTF-8 octets.
 */
export function planToIcs(plan: YearPlan, cell: CellProfile): string {
  const cellName = clean(cell.name);
  const parentName = clean(cell.parent.name);
  const uidBase = `${slug(cellName)}.${slug(parentName)}`;
  // The file has no creation time of its own; the first moment of the plan year (Vietnam time) stands for it.
  const stamp = utcStamp(`${plan.year}-01-01`, 0);
  const used = new Map<string, number>();
  const uid = (date: string, kind: string): string => {
    const key = `${date.replace(/-/g, '')}-${kind}-${uidBase}`;
    // Two items of one kind on one day keep distinct ids, numbered in plan order.
    const n = (used.get(key) ?? 0) + 1;
    used.set(key, n);
    return `${n === 1 ? key : `${key}-${n}`}@cellctl`;
  };

  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//cellctl//Ke hoach sinh hoat chi bo//VI',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${text(`Kế hoạch sinh hoạt năm ${plan.year} – ${cellName}`)}`,
    `X-WR-TIMEZONE:${TZID}`,
    'BEGIN:VTIMEZONE',
    `TZID:${TZID}`,
    `X-LIC-LOCATION:${TZID}`,
    'BEGIN:STANDARD',
    'TZOFFSETFROM:+0700',
    'TZOFFSETTO:+0700',
    'TZNAME:+07',
    'DTSTART:19700101T000000',
    'END:STANDARD',
    'END:VTIMEZONE',
  ];

  const meetings = [...plan.meetings].sort((a, b) => a.date.localeCompare(b.date));
  for (const m of meetings) lines.push(...meetingEvent(m, cell, cellName, parentName, uid(m.date, m.kind), stamp));
  const events = [...(plan.events ?? [])].sort((a, b) => a.date.localeCompare(b.date));
  for (const e of events) lines.push(...allDayEvent(e, plan.year, cellName, parentName, uid(e.date, e.kind), stamp));
  lines.push('END:VCALENDAR');
  return lines.map(fold).join(CRLF) + CRLF;
}

function meetingEvent(
  m: PlannedMeeting,
  cell: CellProfile,
  cellName: string,
  parentName: string,
  uid: string,
  stamp: string,
): string[] {
  const { month, year } = ymd(m.date);
  const monthText = `${partyMonth(month)}/${year}`;
  const topic = m.topic === undefined ? '' : clean(m.topic);
  const presenter = m.presenter === undefined ? '' : clean(m.presenter);
  const regular = `Sinh hoạt chi bộ thường kỳ tháng ${monthText}`;
  const quarter = `quý ${romanNumeral(quarterOf(month))} năm ${year}`;
  let summary: string;
  let lead: string;
  if (m.kind === 'regular') {
    summary = `${regular} – ${cellName}`;
    lead = `${regular}.`;
  } else if (m.kind === 'thematic') {
    summary = topic ? `Sinh hoạt chuyên đề: ${topic}` : `Sinh hoạt chuyên đề ${quarter} – ${cellName}`;
    lead = `Sinh hoạt chuyên đề ${quarter}.`;
  } else {
    summary = `${regular} kết hợp sinh hoạt chuyên đề – ${cellName}`;
    lead = `${regular} kết hợp sinh hoạt chuyên đề ${quarter}.`;
  }
  const description = [
    lead,
    ...(topic ? [`Chuyên đề: ${topic}`] : []),
    ...(presenter ? [`Người (tổ đảng) chuẩn bị, trình bày: ${presenter}`] : []),
    `${cellName} – ${parentName}`,
  ].join('\n');
  const place = m.place ?? cell.customs?.place;

  const out = ['BEGIN:VEVENT', `UID:${uid}`, `DTSTAMP:${stamp}`];
  const times = plannedTimes(m, cell);
  if (times === undefined) {
    // No time planned: the sitting is shown on its day without blocking the calendar.
    out.push(`DTSTART;VALUE=DATE:${compactDate(m.date)}`, `DTEND;VALUE=DATE:${compactDate(addDays(m.date, 1))}`, 'TRANSP:TRANSPARENT');
  } else {
    const startMin = minutesOf(times.start);
    let endMin = minutesOf(times.end);
    // An end at or before the start runs past midnight.
    if (endMin <= startMin) endMin += 24 * 60;
    out.push(`DTSTART;TZID=${TZID}:${localStamp(m.date, startMin)}`, `DTEND;TZID=${TZID}:${localStamp(m.date, endMin)}`, 'TRANSP:OPAQUE');
  }
  out.push(`SUMMARY:${text(oneLine(summary))}`);
  if (place !== undefined && clean(place) !== '') out.push(`LOCATION:${text(oneLine(place))}`);
  out.push(`DESCRIPTION:${text(description)}`, 'STATUS:CONFIRMED', 'END:VEVENT');
  return out;
}

function allDayEvent(e: PlannedEvent, year: number, cellName: string, parentName: string, uid: string, stamp: string): string[] {
  const title = e.title !== undefined && clean(e.title) !== '' ? clean(e.title) : defaultTitle(e.kind, year);
  return [
    'BEGIN:VEVENT',
    `UID:${uid}`,
    `DTSTAMP:${stamp}`,
    `DTSTART;VALUE=DATE:${compactDate(e.date)}`,
    `DTEND;VALUE=DATE:${compactDate(addDays(e.date, 1))}`,
    `SUMMARY:${text(oneLine(`${title} – ${cellName}`))}`,
    `DESCRIPTION:${text(`${title}.\n${cellName} – ${parentName}`)}`,
    // A deadline or a reminder of a task: shown on the day, the person stays free.
    'TRANSP:TRANSPARENT',
    'STATUS:CONFIRMED',
    'END:VEVENT',
  ];
}

function defaultTitle(kind: PlannedEvent['kind'], year: number): string {
  return kind === 'year-end-review' ? `${EVENT_TITLE[kind]} năm ${year}` : EVENT_TITLE[kind];
}

/** Text as written to a property: NFC, without control characters, trimmed. */
function clean(s: string): string {
  return s
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g, '')
    .trim();
}

/** A calendar title or place on one line: line breaks typed in the YAML become spaces. */
function oneLine(s: string): string {
  return clean(s).replace(/\s+/g, ' ');
}

/** RFC 5545 §3.3.11 TEXT: backslash, semicolon, comma and line breaks escaped. */
function text(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\n/g, '\\n');
}

/**
 * One content line folded at 75 octets of UTF-8, never inside a character: a Vietnamese letter such as
 * "ệ" is three octets, so counting characters (as some generators do) overflows the limit.
 */
function fold(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = FOLD_OCTETS;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, 'utf8');
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = FOLD_OCTETS - 1; // the leading space of a continuation line counts
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

/** `2027-03-05` → `20270305`. */
function compactDate(date: string): string {
  return date.replace(/-/g, '');
}

/** The ISO date `days` after `date`. */
function addDays(date: string, days: number): string {
  const { year, month, day } = ymd(date);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** Local date-time `YYYYMMDDTHHMMSS` of a date plus minutes after its midnight (may run into the next day). */
function localStamp(date: string, minutes: number): string {
  const { year, month, day } = ymd(date);
  return new Date(Date.UTC(year, month - 1, day, 0, minutes)).toISOString().replace(/[-:]/g, '').slice(0, 15);
}

/** UTC date-time `YYYYMMDDTHHMMSSZ` of a Vietnam local date plus minutes after its midnight. */
function utcStamp(date: string, minutes: number): string {
  const { year, month, day } = ymd(date);
  return `${new Date(Date.UTC(year, month - 1, day, 0, minutes - OFFSET_MINUTES)).toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`;
}

/** ASCII id part: `Chi bộ Khu dân cư số 12` → `chi-bo-khu-dan-cu-so-12`. */
function slug(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
