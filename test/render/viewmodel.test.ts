// The view model of real example meetings: counts against the roster, votes, dates, times, Vietnamese formatting.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CellProfile, MeetingRecord } from '../../src/model.js';
import { resolveLayout } from '../../src/render/layout.js';
import {
  buildViewModel,
  cleanText,
  documentNumber,
  formatNumber,
  moneyText,
  percentText,
  timeText,
  upperVi,
  voteSentence,
} from '../../src/render/viewmodel.js';
import { isActiveOn, statusOn } from '../../src/rules/roster.js';
import { romanNumeral } from '../../src/util/vi-date.js';
import { parseYaml } from '../../src/source/yaml.js';
import { ROOT } from '../helpers.js';

const CELL_DIR = join(ROOT, 'examples', 'chi-bo-khu-dan-cu-12');
const load = <T>(rel: string): T => parseYaml(readFileSync(join(CELL_DIR, rel), 'utf8')).data as T;
const cell = (): CellProfile => load<CellProfile>('cell.yaml');
const meeting = (name: string): MeetingRecord => load<MeetingRecord>(`meetings/${name}.yaml`);
const LAYOUT = resolveLayout();

/** Counts computed straight from the roster, independently of the view model. */
function rosterCounts(c: CellProfile, m: MeetingRecord) {
  const active = c.members.filter((x) => isActiveOn(x, m.date));
  const statusOf = new Map(m.attendance.map((a) => [a.member, a.status]));
  const by = (pred: (x: (typeof active)[number]) => boolean) => active.filter(pred).length;
  return {
    total: active.length,
    exempted: by((x) => statusOn(x, m.date) === 'exempted'),
    present: by((x) => statusOf.get(x.name) === 'present'),
    presentExempted: by((x) => statusOf.get(x.name) === 'present' && statusOn(x, m.date) === 'exempted'),
  };
}

describe('Vietnamese formatting', () => {
  it('writes shares with a decimal comma, one decimal, ",0" dropped, never a false 100%', () => {
    expect(percentText(20, 22)).toBe('90,9%');
    expect(percentText(21, 22)).toBe('95,5%');
    expect(percentText(19, 20)).toBe('95%');
    expect(percentText(19, 19)).toBe('100%');
    expect(percentText(1999, 2000)).toBe('99,9%');
    expect(percentText(0, 0)).toBe('0%');
  });

  it('writes numbers and money with thousands dots and a decimal comma', () => {
    expect(moneyText(1255000)).toBe('1.255.000');
    expect(moneyText(950)).toBe('950');
    expect(formatNumber(92.5)).toBe('92,5');
    expect(formatNumber(1234567.25)).toBe('1.234.567,25');
  });

  it('writes times as "19 giờ 30 phút", hour unpadded, minutes two digits', () => {
    expect(timeText('19:30')).toBe('19 giờ 30 phút');
    expect(timeText('07:05')).toBe('7 giờ 05 phút');
    expect(timeText('14:00')).toBe('14 giờ 00 phút');
  });

  it('numbers documents "Số 05-NQ/CB" and writes the vote sentence', () => {
    expect(documentNumber(5)).toBe('Số 05-NQ/CB');
    expect(documentNumber(12)).toBe('Số 12-NQ/CB');
    expect(documentNumber(3, 'BB')).toBe('Số 03-BB/CB');
    expect(voteSentence(20, 22)).toBe('20/22 đồng chí tán thành, đạt 90,9%');
    expect(voteSentence(19, 19)).toBe('19/19 đồng chí tán thành, đạt 100%');
  });

  it('upper-cases with diacritics and returns NFC', () => {
    expect(upperVi('đảng ủy phường')).toBe('ĐẢNG ỦY PHƯỜNG');
    expect(upperVi('Đảng uỷ')).toBe('ĐẢNG UỶ');
    const nfd = 'Chi bộ Khu dân cư số 12'.normalize('NFD');
    expect(upperVi(nfd)).toBe('CHI BỘ KHU DÂN CƯ SỐ 12');
    expect(upperVi(nfd)).toBe(upperVi(nfd).normalize('NFC'));
    expect(romanNumeral(3)).toBe('III');
    expect(romanNumeral(14)).toBe('XIV');
  });

  it('cleans text: NFC, control characters and lone surrogates removed, trimmed', () => {
    expect(cleanText(' a\u0001b\u0007\u001F\uFFFE ')).toBe('ab');
    expect(cleanText('x\uD800y')).toBe('x\uFFFDy');
    expect(cleanText('Hoà\tnh\n')).toBe('Hoà\tnh');
    expect(cleanText('Hoàng Liệt'.normalize('NFD'))).toBe('Hoàng Liệt'.normalize('NFC'));
  });
});

describe('buildViewModel — regular meeting of June 2026', () => {
  const c = cell();
  const m = meeting('2026-06');
  const v = buildViewModel(m, c, LAYOUT);

  it('names the cell and its superior body as written and in upper case', () => {
    expect(v.cellName).toBe('Chi bộ Khu dân cư số 12');
    expect(v.cellUpper).toBe('CHI BỘ KHU DÂN CƯ SỐ 12');
    expect(v.parentName).toBe('Đảng bộ phường Hoàng Liệt');
    expect(v.parentUpper).toBe('ĐẢNG BỘ PHƯỜNG HOÀNG LIỆT');
    expect(v.parentCommittee).toBe('Đảng ủy phường Hoàng Liệt');
  });

  it('uses the layout prefix for the header line (ĐẢNG ỦY …)', () => {
    const w = buildViewModel(m, c, resolveLayout({ parentPrefix: 'ĐẢNG ỦY' }));
    expect(w.parentUpper).toBe('ĐẢNG ỦY PHƯỜNG HOÀNG LIỆT');
  });

  it('formats dates with the Party padding and times in words', () => {
    expect(v.date).toBe('2026-06-05');
    expect(v.dateLong).toBe('ngày 05 tháng 6 năm 2026');
    expect(v.dateShort).toBe('05/6/2026');
    expect(v.dateline).toBe('Hoàng Liệt, ngày 05 tháng 6 năm 2026');
    expect(v.start).toBe('19 giờ 30 phút');
    expect(v.end).toBe('21 giờ 20 phút');
    expect(v.duration).toEqual({ minutes: 110, text: '1 giờ 50 phút' });
    expect(v.month.text).toBe('6 năm 2026');
    expect(v.prevMonth.text).toBe('5 năm 2026');
    expect(v.nextMonth.text).toBe('7 năm 2026');
    expect(v.quarter).toEqual({ number: 2, numeral: 'II', text: 'II năm 2026' });
  });

  it('counts attendance by status against the roster of the day', () => {
    const r = rosterCounts(c, m);
    const a = v.attendance;
    // Lý Thu Trang is still probationary on 05/6/2026 (officialSince 23/6): 19 official, 2 probationary (Đạt, Trang).
    expect(a.total).toEqual({ all: 24, official: 19, probationary: 2, attached: 1, exempted: 2 });
    expect(a.total.all).toBe(r.total);
    expect(a.total.exempted).toBe(r.exempted);
    // Absent: Toàn (exempted), Quân (official), Vinh (attached); Trang present as probationary.
    expect(a.present).toEqual({ all: 21, official: 18, probationary: 2, attached: 0, exempted: 1 });
    expect(a.present.all).toBe(r.present);
    expect(a.expected).toBe(r.total - r.exempted);
    expect(a.presentExpected).toBe(r.present - r.presentExempted);
    expect(`${a.presentExpected}/${a.expected}`).toBe('20/22');
    expect(a.rate).toBe('90,9%');
    expect(a.excused).toEqual([
      { name: 'Nguyễn Văn Toàn', reason: 'Miễn sinh hoạt', status: 'exempted' },
      { name: 'Cao Văn Quân', reason: 'Việc gia đình (cưới con)', status: 'official' },
      { name: 'Nguyễn Đức Vinh', reason: 'Đi công tác tại Nghệ An', status: 'attached' },
    ]);
    expect(a.unexcused).toEqual([]);
    expect(a.absentCount).toBe(3);
  });

  it('counts Lý Thu Trang as probationary before her officialSince (23/6): no vote on 05/6, a voter on 06/7', () => {
    // 19 official members on 05/6/2026 (Trang still probationary) + Lê Thị Cúc, exempted but present = 20:
    // the record's own "19/20 đồng chí tán thành, đạt 95%".
    expect(v.vote).toEqual({
      for: 19,
      against: 0,
      other: 0,
      eligible: 20,
      rate: '95%',
      sentence: '19/20 đồng chí tán thành, đạt 95%',
      againstSentence: 'không có đồng chí nào không tán thành',
      otherSentence: 'không có ý kiến khác',
      // 19 + 0 + 0 of 20: the one eligible voter who cast no vote is said, so the figures add up.
      notVoting: 1,
      notVotingSentence: '1 đồng chí không biểu quyết',
    });
    // 06/7/2026: Trang official, 20 official members (Mai and Long excused stay in), both exempted members absent:
    // the record's own "18/20 đồng chí tán thành, đạt 90%".
    const july = buildViewModel(meeting('2026-07'), c, LAYOUT);
    expect(july.attendance.total).toEqual({ all: 24, official: 20, probationary: 1, attached: 1, exempted: 2 });
    expect(july.vote?.eligible).toBe(20);
    expect(july.vote?.sentence).toBe('18/20 đồng chí tán thành, đạt 90%');
  });

  it('takes the excused-absentee option from the cell overrides or the caller', () => {
    const noExcused = buildViewModel(m, c, LAYOUT, { excusedAbsentCount: false });
    expect(noExcused.vote?.eligible).toBe(19); // Cao Văn Quân (official, excused) leaves the count
    const viaCell = buildViewModel(m, { ...c, overrides: { 'vote-majority': { options: { excusedAbsentCount: false } } } }, LAYOUT);
    expect(viaCell.vote?.sentence).toBe('19/19 đồng chí tán thành, đạt 100%');
  });

  it('writes against and other votes with their share', () => {
    const w = buildViewModel({ ...m, vote: { for: 18, against: 1, other: 2 } }, c, LAYOUT);
    expect(w.vote?.againstSentence).toBe('1/20 đồng chí không tán thành, chiếm 5%');
    expect(w.vote?.otherSentence).toBe('2/20 đồng chí có ý kiến khác, chiếm 10%');
    expect(w.vote?.notVoting).toBe(0);
    expect(w.vote?.notVotingSentence).toBeNull();
  });

  it('resolves the chair, the secretary, presenters and speakers to roster names with their office', () => {
    expect(v.chair).toEqual({ name: 'Nguyễn Văn Hùng', roleTitle: 'Bí thư Chi bộ' });
    expect(v.secretary).toEqual({ name: 'Phạm Thị Hoa', roleTitle: 'Chi ủy viên' });
    const byId = buildViewModel({ ...m, chair: 'thu', secretary: 'hoa' }, c, LAYOUT);
    expect(byId.chair).toEqual({ name: 'Trần Thị Thu', roleTitle: 'Phó Bí thư Chi bộ' });
    const discussion = v.steps.find((s) => s.id === 'discussion');
    expect(discussion?.speakers.map((s) => s.name)).toEqual([
      'Ngô Quang Thắng',
      'Lê Thị Cúc',
      'Trịnh Thị Yến',
      'Đinh Công Thịnh',
      'Lương Minh Đức',
    ]);
    expect(discussion?.speakers.every((s) => s.isMember && !s.isGuest)).toBe(true);
  });

  it('keeps the steps in order with their catalogue titles, or the record’s own title', () => {
    expect(v.steps.map((s) => s.id)).toEqual(m.steps.map((s) => s.step));
    expect(v.steps[0]).toMatchObject({ id: 'opening', title: 'Tuyên bố lý do, giới thiệu đại biểu', presenter: 'Nguyễn Văn Hùng', phase: 'opening' });
    expect(v.steps.find((s) => s.id === 'review')?.title).toBe('Đánh giá kết quả thực hiện nhiệm vụ tháng trước');
    expect(v.steps.find((s) => s.id === 'other')?.title).toBe('Xét, đề nghị công nhận đảng viên chính thức');
    expect(v.steps.find((s) => s.id === 'appoint-secretary')?.presenter).toBeNull();
    expect(v.steps.every((s) => s.part === null)).toBe(true);
  });

  it('builds the resolution: number, summary of the meeting’s month, tasks, signer, recipients', () => {
    const r = v.resolution!;
    expect(r.number).toBe('Số 12-NQ/CB');
    // The June meeting adopts "Nghị quyết tháng 6/2026" with June deadlines (see the record and the sketch).
    expect(r.summary).toBe('lãnh đạo thực hiện nhiệm vụ tháng 6 năm 2026');
    expect(r.review?.taskCount).toBe(6);
    expect(r.review?.doneCount).toBe(6);
    expect(r.review?.statusKnown).toBe(true);
    expect(r.review?.causes).toBeNull();
    expect(r.tasks[0]).toEqual({
      task: 'Tuyên truyền quy định hạn chế xe máy chạy xăng trong Vành đai 1 từ 01/7/2026',
      owner: 'Lê Minh Tuấn',
      ownerIsMember: true,
      deadline: '30/6/2026',
    });
    expect(r.tasks.at(-2)?.deadline).toBe('02/7/2026');
    expect(r.implementation).toHaveLength(2);
    expect(r.signer).toEqual({ name: 'Nguyễn Văn Hùng', title: 'BÍ THƯ' });
    expect(r.recipients).toEqual(['Đảng ủy phường Hoàng Liệt (b/c)', 'Đảng viên chi bộ', 'Lưu Chi bộ']);
  });

  it('signs as PHÓ BÍ THƯ for the deputy, and takes recipients from the record, then the cell', () => {
    const w = buildViewModel({ ...m, resolution: { ...m.resolution, signer: 'thu', recipients: ['- Đảng ủy phường (b/c),', 'Lưu Chi bộ.'] } }, c, LAYOUT);
    expect(w.resolution?.signer).toEqual({ name: 'Trần Thị Thu', title: 'PHÓ BÍ THƯ' });
    expect(w.resolution?.recipients).toEqual(['Đảng ủy phường (b/c)', 'Lưu Chi bộ']);
    const fromCell = buildViewModel(m, { ...c, recipients: ['Ban Tổ chức Đảng ủy phường', 'Lưu Chi bộ'] }, LAYOUT);
    expect(fromCell.resolution?.recipients).toEqual(['Ban Tổ chức Đảng ủy phường', 'Lưu Chi bộ']);
  });

  it('keeps the office’s spelling of uỷ in the default recipient', () => {
    const w = buildViewModel(m, { ...c, parent: { name: 'Đảng uỷ phường Hoàng Liệt' } }, LAYOUT);
    expect(w.parentCommittee).toBe('Đảng uỷ phường Hoàng Liệt');
    expect(w.parentUpper).toBe('ĐẢNG BỘ PHƯỜNG HOÀNG LIỆT');
    expect(w.resolution?.recipients[0]).toBe('Đảng uỷ phường Hoàng Liệt (b/c)');
  });

  it('prints dues, score and rating the Vietnamese way', () => {
    expect(v.dues).toEqual({ paid: 24, of: 24, amount: '1.255.000', note: 'Đảng phí tháng 5/2026' });
    expect(v.score?.total).toBe('92');
    expect(v.score?.rating).toBe('Tốt');
    expect(v.score?.criteria[0]).toEqual({ code: 'duration', label: 'Thời lượng sinh hoạt', max: '5', points: '5' });
    const ratings = (['good', 'fair', 'average', 'poor'] as const).map(
      (rating) => buildViewModel({ ...m, score: { criteria: {}, total: 50, rating } }, c, LAYOUT).score?.rating,
    );
    expect(ratings).toEqual(['Tốt', 'Khá', 'Trung bình', 'Kém']);
  });

  it('passes the layout strings through', () => {
    expect(v.onBehalfOf).toBe('T/M CHI BỘ');
    expect(v.minutesNumbered).toBe(false);
    expect(buildViewModel(m, c, resolveLayout({ onBehalfOf: 'T/M CHI ỦY' })).onBehalfOf).toBe('T/M CHI ỦY');
  });

  it('lists a member the record forgot as absent without reason, like the vote and quality rules', () => {
    const w = buildViewModel({ ...m, attendance: m.attendance.filter((a) => a.member !== 'Hà Thị Nga') }, c, LAYOUT);
    expect(w.attendance.unexcused).toEqual([{ name: 'Hà Thị Nga', reason: null, status: 'official' }]);
    expect(w.attendance.total.all).toBe(24);
  });
});

describe('buildViewModel — combined sitting of May 2026', () => {
  const c = cell();
  const m = meeting('2026-05');
  const v = buildViewModel(m, c, LAYOUT);

  it('is a combined sitting with the topic and the quarter', () => {
    expect([v.isRegular, v.isThematic, v.isCombined, v.hasRegularPart, v.hasThematicPart]).toEqual([false, false, true, true, true]);
    expect(v.topic).toMatchObject({ presenter: 'Trần Thị Thu', approvedBy: 'Chi ủy chi bộ', approvedOn: '28/4/2026' });
    expect(v.quarter.text).toBe('II năm 2026');
  });

  it('counts 22 present of 24, 21/22 expected members present', () => {
    const r = rosterCounts(c, m);
    expect(v.attendance.total).toEqual({ all: 24, official: 19, probationary: 2, attached: 1, exempted: 2 });
    expect(v.attendance.present.all).toBe(r.present);
    expect(v.attendance.rate).toBe('95,5%');
    expect(v.attendance.excused.map((e) => e.reason)).toEqual(['Ốm, điều trị tại Bệnh viện Bạch Mai', 'Miễn sinh hoạt']);
  });

  it('marks the start of the regular part, the thematic part and the common closing', () => {
    const parts = v.steps.flatMap((s) => (s.part ? [[s.id, s.part.order, s.part.regular, s.part.thematic, s.part.closing]] : []));
    expect(parts).toEqual([
      ['news-briefing', 1, true, false, false],
      ['thematic-purpose', 2, false, true, false],
      ['quality-assessment', 0, false, false, true],
    ]);
  });

  it('knows a guest speaker from a member', () => {
    const guest = v.guests[0]!;
    expect(guest.name).toBe('Đào Thanh Bình');
    expect(guest.office).toMatch(/^Đảng ủy viên Đảng bộ phường Hoàng Liệt/);
    const speech = v.steps.flatMap((s) => s.speakers).find((s) => s.name === 'Đào Thanh Bình');
    expect(speech).toMatchObject({ isMember: false, isGuest: true });
  });

  it('counts voters on 05/5/2026: Lý Thu Trang still probationary, Nguyễn Văn Toàn (exempted) present', () => {
    // 19 official + Toàn = 20: the record's own "19/20 đồng chí tán thành, đạt 95%".
    expect(v.vote?.sentence).toBe('19/20 đồng chí tán thành, đạt 95%');
  });
});

describe('buildViewModel — thematic session of July 2026 and the turn of the year', () => {
  const c = cell();

  it('has the thematic quarter, no resolution, vote or score', () => {
    const v = buildViewModel(meeting('2026-07-chuyen-de'), c, LAYOUT);
    expect([v.isThematic, v.hasRegularPart]).toEqual([true, false]);
    expect(v.quarter).toEqual({ number: 3, numeral: 'III', text: 'III năm 2026' });
    expect(v.resolution).toBeNull();
    expect(v.vote).toBeNull();
    expect(v.score).toBeNull();
    expect(v.dues).toBeNull();
    expect(v.end).toBe('21 giờ 05 phút');
    expect(v.steps.map((s) => s.title)).toContain('Thảo luận, liên hệ bản thân và đơn vị');
    expect(v.attendance.rate).toBe('90,9%');
  });

  it('pads January and February, and rolls the months over the year', () => {
    const jan = buildViewModel(meeting('2026-01'), c, LAYOUT);
    expect(jan.dateLong).toBe('ngày 05 tháng 01 năm 2026');
    expect(jan.dateShort).toBe('05/01/2026');
    expect(jan.month.text).toBe('01 năm 2026');
    expect(jan.prevMonth.text).toBe('12 năm 2025');
    const dec = buildViewModel(meeting('2026-12'), c, LAYOUT);
    expect(dec.nextMonth).toEqual({ number: 1, year: 2027, text: '01 năm 2027', short: '01/2027' });
  });

  it('drops members who left before the date from the counts (Đinh Công Thịnh left on 15/8)', () => {
    const sep = buildViewModel(meeting('2026-09'), c, LAYOUT);
    expect(sep.attendance.total.all).toBe(23);
    const names = [...sep.attendance.excused, ...sep.attendance.unexcused].map((a) => a.name);
    expect(names).not.toContain('Đinh Công Thịnh');
  });

  it('normalises decomposed input to NFC and strips control characters', () => {
    const m = meeting('2026-06');
    const nfd = {
      ...m,
      place: 'Nhà văn hóa\u0007 Khu dân cư số 12'.normalize('NFD'),
      conclusion: 'Kết luận: tiếp thu ý kiến'.normalize('NFD'),
    };
    const v = buildViewModel(nfd, c, LAYOUT);
    expect(v.venue).toBe('Nhà văn hóa Khu dân cư số 12');
    expect(v.venue).toBe(v.venue.normalize('NFC'));
    expect(v.conclusion).toBe('Kết luận: tiếp thu ý kiến'.normalize('NFC'));
  });
});
