// The year's thematic plan (kế hoạch sinh hoạt chuyên đề) as a Party document, from templates/ke-hoach.hbs.
import { InputError } from '../errors.js';
import type { CellProfile, Member, MemberRole, RulesetId, YearPlan } from '../model.js';
import type { RulesProfile } from '../rules/types.js';
import { buildDocx } from '../render/docx.js';
import { resolveLayout, type Layout } from '../render/layout.js';
import { renderBlocks } from '../render/templates.js';
import { cleanText, upperVi } from '../render/viewmodel.js';
import { profileIdFor, profiles } from '../rules/profiles.js';
import { isActiveOn, rosterFor } from '../rules/roster.js';
import { quarterOf, ymd } from '../util/time.js';
import { longDate, shortDate } from '../util/vi-date.js';
import type { PlanTopicView, PlanView } from './plan-view.js';

export type { PlanTopicView, PlanView } from './plan-view.js';

/** Options of the plan document. */
export interface PlanDocxOptions {
  /**
   * Number of the plan within the committee's term (`01` → `Số 01-KH/CB`); without it the number is left
   * blank (`Số …-KH/CB`) like the date, for the office to write when it issues the plan.
   */
  number?: string;
  /** Date of issue (YYYY-MM-DD); without it the dateline is left for the clerk to write by hand. */
  date?: string;
  /** A folder of the office's own templates (`--templates`): its `ke-hoach.hbs` and partials win. */
  templatesDir?: string;
}

const ROLE_TITLE: Partial<Record<MemberRole, string>> = {
  secretary: 'Bí thư Chi bộ',
  'deputy-secretary': 'Phó Bí thư Chi bộ',
  'committee-member': 'Chi ủy viên',
};
const PARENT_PREFIX = /^đảng\s+(bộ|ủy|uỷ)\s+/iu;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** How a profile names the guidance it implements (profiles/*.yaml `guidance:`). */
interface Guidance {
  /** `42-HD/BTCTW`. */
  number: string;
  /** Date of issue, YYYY-MM-DD. */
  date: string;
  /** `Ban Tổ chức Trung ương`. */
  issuer: string;
}

/**
 * The guidance of a rules profile as Party documents cite it: `Hướng dẫn số 42-HD/BTCTW, ngày 28/10/2025
 * của Ban Tổ chức Trung ương`; the profile's title when it does not describe its guidance.
 */
export function citation(ruleset: RulesetId): string {
  const profile = profiles().get(ruleset) as (RulesProfile & { guidance?: Guidance }) | undefined;
  const g = profile?.guidance;
  if (!g || !ISO_DATE.test(g.date)) return cleanText(profile?.title ?? '');
  return `Hướng dẫn số ${cleanText(g.number)}, ngày ${shortDate(g.date)} của ${cleanText(g.issuer)}`;
}

/**
 * The .docx of the year's thematic plan: the Party header with `Số 01-KH/CB` and the dateline, `KẾ HOẠCH`
 * / `sinh hoạt chuyên đề năm …`, purpose and requirements, the table of topics, dates and presenters, the
 * organisation, and the closing signed T/M CHI BỘ by the bí thư. Same input, same bytes.
 */
export async function planDocx(plan: YearPlan, cell: CellProfile, options: PlanDocxOptions = {}): Promise<Uint8Array> {
  if (options.date !== undefined && (!ISO_DATE.test(options.date) || Number.isNaN(Date.parse(options.date)))) {
    throw new InputError(`ngày ban hành "${options.date}" không đúng dạng YYYY-MM-DD (the date must be YYYY-MM-DD)`);
  }
  const layout = resolveLayout(cell.layout as Parameters<typeof resolveLayout>[0]);
  const view = planView(plan, cell, layout, options);
  const blocks = renderBlocks('ke-hoach', view, options.templatesDir);
  return buildDocx(
    {
      blocks,
      draft: false,
      // The zip entries carry this date: the date of issue, else the first day of the plan year.
      meta: { title: `Kế hoạch sinh hoạt chuyên đề năm ${plan.year}`, author: view.cellName, date: options.date ?? `${plan.year}-01-01` },
    },
    layout,
  );
}

/** The view of templates/ke-hoach.hbs (exported for tests and for offices writing their own template). */
export function planView(plan: YearPlan, cell: CellProfile, layout: Layout, options: PlanDocxOptions = {}): PlanView {
  const cellName = cleanText(cell.name);
  const parentName = cleanText(cell.parent.name);
  const rest = parentName.replace(PARENT_PREFIX, '');
  const prefix = cleanText(layout.parentPrefix);
  const uy = /uỷ/iu.test(parentName) || /UỶ/u.test(layout.parentPrefix.normalize('NFC')) ? 'uỷ' : 'ủy';
  const parentCommittee = `Đảng ${uy} ${rest}`;
  const place = cleanText(cell.place);
  // The roster of the day of issue; without a date, of the plan's first day.
  const asOf = options.date ?? `${plan.year}-01-01`;
  const roster = rosterFor(cell);
  const active = cell.members.filter((m) => isActiveOn(m, asOf));
  const signer = active.find((m) => m.role === 'secretary') ?? active.find((m) => m.role === 'deputy-secretary');

  const sittings = plan.meetings.filter((m) => m.kind !== 'regular').sort((a, b) => a.date.localeCompare(b.date));
  const topics = sittings.map((m): PlanTopicView => {
    const presenter = m.presenter === undefined ? '' : cleanText(m.presenter);
    const resolved = presenter === '' ? undefined : roster.resolve(presenter);
    const member: Member | undefined = resolved?.kind === 'member' ? resolved.member : undefined;
    const role = member?.role === undefined ? undefined : ROLE_TITLE[member.role];
    return {
      title: m.topic === undefined || cleanText(m.topic) === '' ? 'Chuyên đề do Chi ủy xác định' : cleanText(m.topic),
      when: `${shortDate(m.date)}${m.kind === 'combined' ? ' (kết hợp sinh hoạt thường kỳ)' : ''}`,
      presenter: member ? `Đồng chí ${cleanText(member.name)}${role ? `, ${role}` : ''}` : presenter || 'Chi ủy phân công',
      combined: m.kind === 'combined',
    };
  });
  const quarters = new Set(sittings.map((m) => quarterOf(ymd(m.date).month)));
  const ruleset = plan.ruleset ?? profileIdFor(`${plan.year}-12-31`);
  const number = options.number;

  return {
    cellName,
    cellUpper: upperVi(cellName),
    parentName,
    parentUpper: upperVi(prefix ? `${prefix} ${rest}` : parentName),
    parentCommittee,
    place,
    year: plan.year,
    number: `Số ${number === undefined ? '…' : /^\d+$/.test(number) ? number.padStart(2, '0') : cleanText(number)}-KH/CB`,
    dateline: `${place}, ${options.date ? longDate(options.date) : 'ngày … tháng … năm …'}`,
    basis: citation(ruleset),
    topicCount: String(topics.length).padStart(2, '0'),
    perQuarter: quarters.size === 4,
    hasCombined: topics.some((t) => t.combined),
    topics,
    onBehalfOf: cleanText(layout.onBehalfOf),
    signer: {
      name: signer ? cleanText(signer.name) : '',
      title: signer?.role === 'deputy-secretary' ? 'PHÓ BÍ THƯ' : 'BÍ THƯ',
    },
    recipients: (cell.recipients ?? [`${parentCommittee} (b/c)`, 'Đảng viên chi bộ', 'Lưu Chi bộ']).map(cleanText),
  };
}
