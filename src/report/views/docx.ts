// The committee's BÁO CÁO as a Party document: templates/bao-cao.hbs → blocks → the one .docx builder, as minutes and resolutions are made.
import { buildDocx } from '../../render/docx.js';
import { resolveLayout } from '../../render/layout.js';
import { renderBlocks } from '../../render/templates.js';
import type { CommitteeReport } from '../types.js';
import { reportView, type ReportDocOptions } from './report-view.js';

export type { ReportDocOptions, ReportRowView, ReportView, NamedCell } from './report-view.js';

/**
 * The report as a .docx in the Party layout (profiles/layout.yaml): the committee's header, `Số …-BC/ĐU`,
 * the dated place line, BÁO CÁO and its summary line, the sections and the table of cells from the editable
 * template, T/M ĐẢNG ỦY and Nơi nhận. Identical input gives identical bytes (dated by the date of issue).
 */
export async function reportToDocx(report: CommitteeReport, options: ReportDocOptions = {}): Promise<Buffer> {
  const view = reportView(report, options);
  const blocks = renderBlocks('bao-cao', view, options.templatesDir);
  const date = options.date ?? report.asOf;
  return buildDocx(
    {
      blocks,
      draft: false,
      meta: { title: `Báo cáo kết quả sinh hoạt chi bộ ${view.period}`, author: view.committee, date },
    },
    resolveLayout(options.layout),
  );
}
