// The data templates/ke-hoach.hbs may print: kept apart from plan-docx.ts so src/render can name it without an import cycle.

/** One row of section II. */
export interface PlanTopicView {
  title: string;
  /** `19/3/2026`, with `(kết hợp sinh hoạt thường kỳ)` for a combined sitting. */
  when: string;
  /** `Đồng chí Nguyễn Văn Hùng, Bí thư Chi bộ`, or the party group as written. */
  presenter: string;
  combined: boolean;
}

/** Everything templates/ke-hoach.hbs may print. */
export interface PlanView {
  cellName: string;
  cellUpper: string;
  parentName: string;
  parentUpper: string;
  parentCommittee: string;
  place: string;
  year: number;
  /** `Số 01-KH/CB`; `Số …-KH/CB` when no number was given (a real-looking number beside a blank date would mislead). */
  number: string;
  /** `Hoàng Liệt, ngày 22 tháng 12 năm 2026`, or with blanks for the date when none was given. */
  dateline: string;
  /** The guidance in force: `Hướng dẫn số 42-HD/BTCTW, ngày 28/10/2025 của Ban Tổ chức Trung ương`. */
  basis: string;
  /** Number of topics, two digits as in Party documents: `05`. */
  topicCount: string;
  /** Every quarter of the year has a topic. */
  perQuarter: boolean;
  /** Some topic is held together with a regular meeting. */
  hasCombined: boolean;
  topics: PlanTopicView[];
  onBehalfOf: string;
  signer: { name: string; title: string };
  recipients: string[];
}
