// The rule API: what a rule declares and the context its check() receives.
import type {
  CellProfile,
  MeetingRecord,
  RulesetId,
  Severity,
  YearPlan,
} from '../model.js';

/** A message in both languages, with `{placeholder}`s filled from report data. */
export interface MessageText {
  vi: string;
  en: string;
}

/** What a rule reports: a data path (JSON Pointer) inside a document, a message id and its data. */
export interface Report {
  /** JSON Pointer into the document, e.g. `/attendance/3/member`; "" is the whole document. */
  path: string;
  messageId: string;
  data?: Record<string, string | number>;
  /** Point at the key of the property rather than at its value. */
  key?: boolean;
  /**
   * Lower this one report's severity below the rule's (e.g. a recommended step). The engine never
   * raises it: a rule set to warning stays a warning.
   */
  severity?: Severity;
}

/** A loaded, schema-valid document as rules see it. */
export interface DocRef<T> {
  /** The file as the user named it (relative to cwd when given relative). */
  file: string;
  data: T;
}

/** One step of a procedure in a rules profile. */
export interface ProcedureStep {
  step: string;
  /** error (default): missing step is an error; warning; optional: never reported. */
  level?: 'error' | 'warning' | 'optional';
  /** Steps sharing a group satisfy the requirement together (any one of them). */
  group?: string;
  /** In a combined sitting: which core block the step belongs to; the two blocks may come in either order. */
  block?: 'regular' | 'thematic';
}

/** Step catalogue entry (profiles/steps.yaml). */
export interface StepInfo {
  phase: 'opening' | 'conduct' | 'closing' | 'any';
  title: string;
  en: string;
  /** What the step's content records (Vietnamese, English), for the message when it is left empty. */
  hint?: string;
  hintEn?: string;
}

/** A versioned rules profile (profiles/*.yaml), after local overrides. */
export interface RulesProfile {
  id: RulesetId;
  title: string;
  effectiveFrom: string;
  rules: Record<string, { severity?: Severity | 'off'; options?: Record<string, unknown> }>;
}

/** Facts every rule may use, independent of the document being checked. */
export interface RuleEnvironment {
  /** Cut-off date for "held so far" checks (YYYY-MM-DD). */
  asOf: string;
  steps: Record<string, StepInfo>;
}

interface BaseContext<O> {
  options: O;
  profile: RulesProfile;
  env: RuleEnvironment;
}

/** Context of a rule that checks one meeting record. */
export interface MeetingContext<O> extends BaseContext<O> {
  meeting: MeetingRecord;
  file: string;
  /** The cell profile, when one was found for this record. */
  cell?: CellProfile;
  report(r: Report): void;
}

/** Context of a rule that checks one year plan. */
export interface PlanContext<O> extends BaseContext<O> {
  plan: YearPlan;
  file: string;
  cell?: CellProfile;
  report(r: Report): void;
}

/** Context of a rule that checks the cell profile itself. */
export interface CellProfileContext<O> extends BaseContext<O> {
  cell: CellProfile;
  file: string;
  report(r: Report): void;
}

/** Context of a rule that checks one year of a whole cell across its files. */
export interface CellYearContext<O> extends BaseContext<O> {
  year: number;
  cell?: DocRef<CellProfile>;
  /** Plans of this year (normally one). */
  plans: DocRef<YearPlan>[];
  /** Meeting records dated in this year, sorted by date then start time. */
  meetings: DocRef<MeetingRecord>[];
  /** Report on a given document of the cell. */
  report(doc: DocRef<unknown>, r: Report): void;
}

interface RuleBase<O> {
  id: string;
  description: MessageText;
  /** The clause implemented, e.g. "HD 42-HD/BTCTW §II; Điều lệ Đảng Điều 24". */
  source: string;
  defaultSeverity: Severity;
  /** JSON Schema of the options object. */
  optionsSchema: Record<string, unknown>;
  defaultOptions: O;
  messages: Record<string, MessageText>;
}

export interface MeetingRule<O = Record<string, unknown>> extends RuleBase<O> {
  scope: 'meeting';
  /**
   * The JSON pointers the check reads (`*` = any one item of a list), when it reads only these: the rule
   * then also runs on a record that fails its schema elsewhere (a form with fields still blank), as long
   * as no schema problem touches one of them. A rule without `inputs` waits for a schema-valid record.
   */
  inputs?: readonly string[];
  check(ctx: MeetingContext<O>): void;
}
export interface PlanRule<O = Record<string, unknown>> extends RuleBase<O> {
  scope: 'plan';
  check(ctx: PlanContext<O>): void;
}
export interface CellProfileRule<O = Record<string, unknown>> extends RuleBase<O> {
  scope: 'cell';
  check(ctx: CellProfileContext<O>): void;
}
export interface CellYearRule<O = Record<string, unknown>> extends RuleBase<O> {
  scope: 'year';
  check(ctx: CellYearContext<O>): void;
}

/** Any rule in the registry. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Rule = MeetingRule<any> | PlanRule<any> | CellProfileRule<any> | CellYearRule<any>;
