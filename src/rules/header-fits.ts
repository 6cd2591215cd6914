// Rule header-fits: the superior body's and the cell's names fit the header's left column in the layout's lines.
import { balancedLines, lineCapacity } from '../render/docx.js';
import { mmToTwip, resolveLayout } from '../render/layout.js';
import { cleanText, headerParentLine, upperVi } from '../render/viewmodel.js';
import type { CellProfileRule } from './types.js';

/** The lines a name takes in the header: the same line breaking the documents use. */
function linesOf(text: string, layout: ReturnType<typeof resolveLayout>): number {
  return balancedLines(text, layout.bodySize, mmToTwip(layout.header.leftWidth)).length;
}

const rule: CellProfileRule<Record<string, never>> = {
  id: 'header-fits',
  scope: 'cell',
  description: {
    vi: 'Tên Đảng bộ cấp trên và tên chi bộ in ở góc trái phần đầu văn bản, chữ in hoa, ngắt dòng giữa các từ; mỗi tên không được dài quá số dòng của hồ sơ trình bày (profiles/layout.yaml, header.maxNameLines, mặc định 3 dòng, khoảng 29 chữ một dòng).',
    en: 'The superior body’s and the cell’s names are printed in capitals in the header’s left column, broken between words; neither may take more lines than the layout profile allows (profiles/layout.yaml, header.maxNameLines, 3 by default, about 29 capitals a line).',
  },
  source: 'Hướng dẫn 36-HD/VPTW, mục thể thức: tên cơ quan ban hành ở góc trái phần đầu văn bản; số dòng là thông số của hồ sơ trình bày',
  defaultSeverity: 'error',
  optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
  defaultOptions: {},
  messages: {
    parentTooLong: {
      vi: 'Tên Đảng bộ cấp trên in ở đầu văn bản thành {lines} dòng; phần đầu văn bản chỉ chứa được {max} dòng (khoảng {perLine} chữ một dòng). Hãy ghi tên ngắn gọn như trên con dấu của Đảng bộ.',
      en: 'The superior body’s name takes {lines} lines in the document header; the header holds {max} (about {perLine} capitals a line). Write the name as on the body’s seal.',
    },
    cellTooLong: {
      vi: 'Tên chi bộ in ở đầu văn bản thành {lines} dòng; phần đầu văn bản chỉ chứa được {max} dòng (khoảng {perLine} chữ một dòng). Hãy ghi tên ngắn gọn như trên quyết định thành lập chi bộ.',
      en: 'The cell’s name takes {lines} lines in the document header; the header holds {max} (about {perLine} capitals a line). Write the name as in the decision founding the cell.',
    },
  },
  check(ctx) {
    const { cell } = ctx;
    const layout = resolveLayout(cell.layout as Parameters<typeof resolveLayout>[0]);
    const max = layout.header.maxNameLines;
    // Capitals a line, as the line breaking measures them (rounded down): said so the user knows how much to cut.
    const perLine = lineCapacity(layout.bodySize, mmToTwip(layout.header.leftWidth));
    const parent = linesOf(headerParentLine(cell.parent.name, layout), layout);
    if (parent > max) ctx.report({ path: '/parent/name', messageId: 'parentTooLong', data: { lines: parent, max, perLine } });
    const own = linesOf(upperVi(cleanText(cell.name)), layout);
    if (own > max) ctx.report({ path: '/name', messageId: 'cellTooLong', data: { lines: own, max, perLine } });
  },
};

export default rule;
