// Messages of the problems the engine itself reports (reading, YAML, schema, overrides, cell context).
import type { MessageText } from '../rules/types.js';

/** Engine problem ids and what each one means, keyed `ruleId` → `messageId`. */
export const CORE_MESSAGES: Record<string, Record<string, MessageText>> = {
  'read-error': {
    isDirectory: { vi: 'Đây là thư mục, không phải tệp.', en: 'This is a directory, not a file.' },
    notRegular: {
      vi: 'Không phải tệp thông thường (thiết bị, ống dẫn hoặc socket); cellctl không đọc để tránh bị treo.',
      en: 'Not a regular file (a device, pipe or socket); cellctl does not read it, to avoid hanging.',
    },
    notFound: {
      vi: 'Không tìm thấy tệp hoặc thư mục này; hãy kiểm tra lại đường dẫn (chính tả, dấu, thư mục đang đứng).',
      en: 'No such file or folder; check the path (spelling, accents, the current folder).',
    },
    permission: { vi: 'Không có quyền đọc tệp.', en: 'Permission denied reading the file.' },
    ioError: { vi: 'Không đọc được tệp ({code}).', en: 'The file could not be read ({code}).' },
    noMatch: {
      vi: 'Không có tệp hoặc thư mục nào khớp với mẫu “{pattern}”; hãy kiểm tra lại đường dẫn.',
      en: 'No file or folder matches the pattern “{pattern}”; check the path.',
    },
    dirUnreadable: {
      vi: 'Không đọc được thư mục này ({code}) nên các hồ sơ trong đó chưa được kiểm tra; hãy cấp quyền đọc thư mục (hoặc sửa liên kết hỏng) rồi chạy lại.',
      en: 'This folder cannot be read ({code}), so the records in it were not checked; give read permission (or fix the broken link) and run again.',
    },
  },
  input: {
    emptyFolder: {
      vi: 'Thư mục này không có tệp .yaml hoặc .yml nào nên không có gì để kiểm tra; hãy kiểm tra lại đường dẫn (thư mục chi bộ có cell.yaml và meetings/).',
      en: 'This folder has no .yaml or .yml file, so there is nothing to check; check the path (a cell folder holds cell.yaml and meetings/).',
    },
    noRecords: {
      vi: 'Chi bộ chưa có hồ sơ buổi sinh hoạt nào (tệp .yaml trong meetings/); hãy thêm hồ sơ các buổi đã họp, hoặc chạy cellctl plan --with-meetings để tạo bản khung.',
      en: 'The cell has no meeting record yet (.yaml files in meetings/); add the records of the meetings held, or run cellctl plan --with-meetings for stubs.',
    },
    misnamed: {
      vi: 'Tệp “{name}” không được kiểm tra vì có đuôi .txt (Notepad tự thêm); hãy đổi tên thành “{rename}”.',
      en: 'File “{name}” is not checked because it ends in .txt (added by Notepad); rename it to “{rename}”.',
    },
  },
  encoding: {
    utf16: {
      vi: 'Tệp được lưu theo mã UTF-16; hãy lưu lại theo mã UTF-8 (trong Notepad: Lưu thành… → Mã hóa UTF-8).',
      en: 'The file is saved as UTF-16; save it again as UTF-8 (Notepad: Save as… → Encoding UTF-8).',
    },
    utf16NoBom: {
      vi: 'Tệp có vẻ được lưu theo mã UTF-16 (mỗi ký tự kèm một byte 0); hãy lưu lại bằng UTF-8 (trong Notepad: Lưu thành… → Mã hóa UTF-8).',
      en: 'The file looks saved as UTF-16 (a zero byte beside each character); save it again as UTF-8 (Notepad: Save as… → Encoding UTF-8).',
    },
    controlChar: {
      vi: 'Có ký tự điều khiển vô hình ({code}) tại vị trí này (thường do dán từ Word, Zalo hoặc trang web); hãy xóa ký tự đó hoặc gõ lại đoạn chữ. cellctl tạm thay nó bằng một dấu cách.',
      en: 'An invisible control character ({code}) here (often pasted from Word, a chat app or a web page); delete it or retype the text. cellctl reads it as a space.',
    },
    controlEscape: {
      vi: 'Nội dung có mã thoát tạo ra ký tự điều khiển vô hình (như "\\x7f", "\\0"); hãy xóa mã đó.',
      en: 'The text has an escape that makes an invisible control character (such as "\\x7f", "\\0"); delete it.',
    },
    invalidUtf8: {
      vi: 'Tệp có ký tự không hợp lệ theo mã UTF-8 tại vị trí này; hãy lưu lại tệp theo mã UTF-8.',
      en: 'Invalid UTF-8 byte sequence here; save the file again as UTF-8.',
    },
  },
  'file-too-large': {
    tooLarge: {
      vi: 'Tệp quá lớn ({size} byte, tối đa {max} byte); hồ sơ một buổi họp chỉ vài chục KB. Có thể tăng giới hạn bằng --max-file-size.',
      en: 'The file is too large ({size} bytes, at most {max}); a meeting record is a few dozen KB. Raise the limit with --max-file-size.',
    },
  },
  'yaml-syntax': {
    syntax: {
      vi: 'Lỗi cú pháp YAML tại đây ({code}): hãy kiểm tra dấu ngoặc, dấu nháy, dấu hai chấm và thụt lề của dòng này và dòng trên.',
      en: 'YAML syntax error here ({code}): check the brackets, quotes, colons and indentation of this line and the one above.',
    },
    missingChar: {
      vi: 'Thiếu dấu đóng: một dấu nháy (" hoặc \') hay dấu ngoặc ([ hoặc {) mở ra mà chưa đóng lại; hãy đóng nó ở cuối nội dung.',
      en: 'A closing mark is missing: a quote (" or \') or bracket ([ or {) is opened and not closed; close it at the end of the text.',
    },
    multilineKey: {
      vi: 'Tên trường phải nằm trọn trên một dòng; có lẽ ở dòng này hoặc dòng trên thiếu dấu đóng ngoặc hay dấu nháy.',
      en: 'A key must fit on one line; a closing bracket or quote is probably missing on this line or the one above.',
    },
    blockInFlow: {
      vi: 'Trong cặp ngoặc { } hoặc [ ] không được xuống dòng viết “- ” hay “tên:”; hãy đóng ngoặc ở cuối dòng trên.',
      en: 'Inside { } or [ ] a new line cannot start a “- ” or “key:”; close the bracket at the end of the line above.',
    },
    unexpectedToken: {
      vi: 'Có ký tự không đúng chỗ ở đây; hãy kiểm tra dấu ngoặc, dấu nháy và dấu phẩy của dòng này.',
      en: 'A character is out of place here; check the brackets, quotes and commas of this line.',
    },
    badEscape: {
      vi: 'Trong dấu ngoặc kép, dấu \\ ở đây bắt đầu một mã thoát không hợp lệ; hãy viết \\\\ hoặc đặt nội dung trong dấu nháy đơn \'…\'.',
      en: 'Inside double quotes, the \\ here starts an invalid escape; write \\\\ or put the text in single quotes \'…\'.',
    },
    longKey: {
      vi: 'Tên trường dài quá 1024 ký tự; có lẽ thiếu dấu hai chấm, hoặc nội dung cần đặt trong dấu ngoặc kép.',
      en: 'A key longer than 1024 characters; a colon is probably missing, or the text needs double quotes.',
    },
    duplicateKey: {
      vi: 'Trường “{key}” đã được ghi ở dòng {firstLine}; mỗi trường chỉ được ghi một lần trong cùng một nhóm. Hãy gộp hai chỗ làm một hoặc xóa một chỗ.',
      en: 'Key “{key}” was already written on line {firstLine}; a key may appear once in a mapping. Merge the two or delete one.',
    },
    complexKey: {
      vi: 'Tên trường ở đây là một danh sách hoặc một nhóm (dấu ? hoặc […]: ); tên trường phải là một chữ, ví dụ “place:”.',
      en: 'The key here is a list or a mapping (? or […]: ); a key must be a plain word, such as “place:”.',
    },
    tooDeep: {
      vi: 'Tệp lồng nhau quá sâu (quá nhiều dấu “- ”, “[” hoặc thụt lề liên tiếp) từ dòng này; không hồ sơ nào cần như vậy, hãy kiểm tra lại tệp.',
      en: 'The file nests too deeply (too many “- ”, “[” or indents in a row) from this line; no record needs that, check the file.',
    },
    undefinedAlias: {
      vi: 'Bí danh “*{alias}” chưa được định nghĩa: không có “&{alias}” nào ở phía trên. Hãy thêm “&{alias}” vào giá trị cần dùng lại, hoặc viết thẳng giá trị thay cho “*{alias}”.',
      en: 'Alias “*{alias}” is not defined: no “&{alias}” above it. Add “&{alias}” to the value to reuse, or write the value instead of “*{alias}”.',
    },
    colonInText: {
      vi: 'Nội dung có dấu hai chấm và dấu cách (“: ”) nên bị hiểu nhầm là một trường mới. Hãy đặt cả nội dung trong dấu ngoặc kép "…", hoặc ghi | rồi viết nội dung ở các dòng dưới.',
      en: 'The text contains a colon and a space (“: ”), read as a new key. Put the whole text in double quotes "…", or write | and the text on the lines below.',
    },
    tabIndent: {
      vi: 'Dòng này thụt lề bằng phím Tab; YAML chỉ chấp nhận dấu cách. Hãy thay Tab bằng dấu cách.',
      en: 'This line is indented with a tab; YAML accepts only spaces. Replace the tab with spaces.',
    },
    badIndent: {
      vi: 'Thụt lề không thẳng hàng: các trường cùng cấp phải bắt đầu ở cùng một cột (cùng số dấu cách đầu dòng).',
      en: 'Indentation does not line up: keys at the same level must start in the same column.',
    },
    specialStart: {
      vi: 'Nội dung bắt đầu bằng ký tự “{char}”, một ký tự đặc biệt của YAML; hãy đặt cả nội dung trong dấu ngoặc kép "…".',
      en: 'The text starts with “{char}”, a character YAML reserves; put the whole text in double quotes "…".',
    },
    multipleDocs: {
      vi: 'Tệp chứa nhiều tài liệu YAML (ngăn bởi ---); mỗi tệp chỉ được chứa một hồ sơ.',
      en: 'The file holds several YAML documents (separated by ---); one record per file.',
    },
    aliasBomb: {
      vi: 'Tệp dùng quá nhiều bí danh YAML (alias, tối đa {max}); có thể là tệp độc hại, cellctl từ chối đọc.',
      en: 'Too many YAML aliases (at most {max}); possibly a malicious file, cellctl refuses to read it.',
    },
    tooManyNodes: {
      vi: 'Tệp chứa quá nhiều giá trị (tối đa {max}); cellctl từ chối đọc.',
      en: 'The file holds too many values (at most {max}); cellctl refuses to read it.',
    },
    notMapping: {
      vi: 'Tệp phải là một nhóm trường (key: value) của {kind|term}.',
      en: 'The file must be a mapping (key: value) of a {kind|term}.',
    },
  },
  schema: {
    required: { vi: 'Thiếu trường bắt buộc “{property}”.', en: 'Missing required property “{property}”.' },
    thousands: {
      vi: 'Số “{value}” có dấu phân cách hàng nghìn nên bị đọc sai (560.000 thành 560); hãy viết liền: {fix}.',
      en: 'The number “{value}” has a thousands separator and is misread (560.000 as 560); write it without: {fix}.',
    },
    unknownKey: {
      vi: 'Trường “{property}” không có trong mẫu. Các trường được phép: {allowed}.',
      en: 'Unknown property “{property}”. Allowed: {allowed}.',
    },
    unknownKeyText: {
      vi: '“{property}” bị hiểu là tên một trường: có lẽ dấu phẩy hoặc dấu hai chấm trong nội dung đã tách câu. Hãy đặt cả nội dung trong dấu ngoặc kép "…".',
      en: '“{property}” was read as a key: a comma or colon inside the text probably split it. Put the whole text in double quotes "…".',
    },
    unknownKeySuggest: {
      vi: 'Trường “{property}” không có trong mẫu; có phải là “{suggestion}”?',
      en: 'Unknown property “{property}”; did you mean “{suggestion}”?',
    },
    type: { vi: 'Giá trị phải là {expected|term}, không phải {actual|term}.', en: 'Expected {expected|term}, not {actual|term}.' },
    enum: { vi: 'Giá trị “{value}” không hợp lệ; chỉ được ghi một trong các mã: {labels}.', en: 'Invalid value “{value}”; write one of the codes: {labels}.' },
    enumLabel: {
      vi: 'Hãy viết mã “{code}” thay cho “{value}”: trường này ghi bằng mã, một trong: {labels}.',
      en: 'Write the code “{code}” instead of “{value}”: this field takes a code, one of: {labels}.',
    },
    dateFix: {
      vi: 'Ngày phải viết theo dạng năm-tháng-ngày: hãy viết {fix} thay cho “{value}”.',
      en: 'Dates are written year-month-day: write {fix} instead of “{value}”.',
    },
    timeFix: {
      vi: 'Giờ phải viết dạng giờ:phút trong dấu ngoặc kép: hãy viết "{fix}" thay cho “{value}”.',
      en: 'Times are written hours:minutes in double quotes: write "{fix}" instead of “{value}”.',
    },
    emptyRoster: {
      vi: 'Danh sách đảng viên (members) đang trống: bỏ dấu # ở các dòng mẫu dưới “members:” rồi sửa theo thực tế, mỗi đảng viên một mục “- id: …”.',
      en: 'The roster (members) is empty: remove the # from the example lines under “members:” and edit them, one “- id: …” item per member.',
    },
    enumSuggest: {
      vi: 'Giá trị “{value}” không hợp lệ; có phải là “{suggestion}”?',
      en: 'Invalid value “{value}”; did you mean “{suggestion}”?',
    },
    date: {
      vi: '“{value}” không phải là ngày hợp lệ: hãy viết ngày có thật theo dạng năm-tháng-ngày, ví dụ 2026-03-05.',
      en: '“{value}” is not a real calendar date (YYYY-MM-DD, e.g. 2026-03-05).',
    },
    format: { vi: '“{value}” không đúng định dạng {format}.', en: '“{value}” is not a valid {format}.' },
    time: { vi: '“{value}” không đúng dạng giờ HH:MM (ví dụ "14:00").', en: '“{value}” is not a time HH:MM (e.g. "14:00").' },
    month: { vi: '“{value}” không đúng dạng tháng YYYY-MM.', en: '“{value}” is not a month YYYY-MM.' },
    pattern: { vi: '“{value}” không đúng dạng quy định.', en: '“{value}” is not in the required form.' },
    patternHelp: { vi: '“{value}” không đúng dạng. {help}', en: '“{value}” is not in the required form: {help}' },
    const: { vi: 'Giá trị “{value}” không hợp lệ; ở đây chỉ được ghi {allowed}.', en: 'Invalid value “{value}”; only {allowed} is allowed here.' },
    duplicate: {
      vi: '“{value}” bị ghi hai lần (mục thứ {first} và thứ {second}); hãy xóa một mục.',
      en: '“{value}” is listed twice (items {first} and {second}); remove one.',
    },
    empty: { vi: 'Không được để trống.', en: 'Must not be empty.' },
    minimum: { vi: 'Giá trị {value} phải từ {limit} trở lên.', en: 'Value {value} must be at least {limit}.' },
    maximum: { vi: 'Giá trị {value} không được lớn hơn {limit}.', en: 'Value {value} must be at most {limit}.' },
    exclusiveMinimum: { vi: 'Giá trị {value} phải lớn hơn {limit}.', en: 'Value {value} must be greater than {limit}.' },
    exclusiveMaximum: { vi: 'Giá trị {value} phải nhỏ hơn {limit}.', en: 'Value {value} must be less than {limit}.' },
    minItems: { vi: 'Cần ít nhất {limit} mục.', en: 'At least {limit} item(s) needed.' },
    propertyName: { vi: 'Tên “{property}” không hợp lệ.', en: 'Invalid name “{property}”.' },
    other: { vi: 'Giá trị không hợp lệ ở đây; xem mô tả của trường này trong docs/data-model.md.', en: 'Invalid value here; see this field in docs/data-model.md.' },
  },
  'problem-limit': {
    more: {
      vi: '… và {count|count} vấn đề khác trong tệp này không được liệt kê; sửa các lỗi trên rồi kiểm tra lại.',
      en: '… and {count|count} more problems in this file, not listed; fix the ones above and check again.',
    },
  },
  overrides: {
    unknownRule: {
      vi: 'Không có quy tắc “{rule}” (xem docs/rules.md).',
      en: 'There is no rule “{rule}” (see docs/rules.md).',
    },
    unknownRuleSuggest: {
      vi: 'Không có quy tắc “{rule}”; có phải là “{suggestion}”?',
      en: 'There is no rule “{rule}”; did you mean “{suggestion}”?',
    },
    badOption: {
      vi: 'Tham số của quy tắc “{rule}” không hợp lệ: {detail}.',
      en: 'Invalid option for rule “{rule}”: {detail}.',
    },
  },
  'record-complete': {
    stub: {
      vi: 'Hồ sơ buổi sinh hoạt {date|date} mới là bản khung (cellctl plan tạo): ghi đủ diễn biến, điểm danh, ý kiến, biểu quyết… rồi xóa dòng “stub: true”.',
      en: 'The record of {date} is still a stub (from cellctl plan): fill in the proceedings, attendance, opinions, vote… then delete the “stub: true” line.',
    },
    stubNotRendered: {
      vi: 'Hồ sơ buổi sinh hoạt {date|date} mới là bản khung (cellctl plan tạo), chưa in thành văn bản: ghi đủ diễn biến rồi xóa dòng “stub: true”, hoặc dùng --draft để in bản dự thảo.',
      en: 'The record of {date} is still a stub (from cellctl plan) and is not rendered: fill it in and delete the “stub: true” line, or use --draft for a draft.',
    },
  },
  'cell-context': {
    noCell: {
      vi: 'Không tìm thấy cell.yaml trong thư mục này hoặc thư mục cha; bỏ qua các kiểm tra cần danh sách đảng viên. Hãy chép cell.yaml của chi bộ vào thư mục chi bộ (hoặc tạo bằng cellctl init).',
      en: 'No cell.yaml in this folder or its parents; checks that need the roster were skipped. Copy the cell’s cell.yaml into the cell folder (or create it with cellctl init).',
    },
    yearSkipped: {
      vi: 'Chưa kiểm tra các quy định theo năm (họp hằng tháng, chuyên đề hằng quý, số văn bản…) vì {count} tệp của chi bộ còn lỗi; hãy sửa các lỗi đó trước.',
      en: 'Year checks (monthly meetings, quarterly thematic sessions, numbering…) were skipped because {count} file(s) of the cell have errors; fix those first.',
    },
    renderNoCell: {
      vi: 'Không tìm thấy cell.yaml của chi bộ; cần hồ sơ chi bộ (tên chi bộ, danh sách đảng viên) để in văn bản. Hãy chép cell.yaml vào thư mục chi bộ (hoặc tạo bằng cellctl init).',
      en: 'No cell.yaml: the cell profile (its name and roster) is needed to render. Copy cell.yaml into the cell folder (or create it with cellctl init).',
    },
    renderCellInvalid: {
      vi: 'Hồ sơ chi bộ {cellFile} có lỗi; cần sửa trước khi in văn bản (chạy cellctl validate để xem lỗi).',
      en: 'The cell profile {cellFile} has errors; fix it before rendering (run cellctl validate to see them).',
    },
    cellInvalid: {
      vi: 'Hồ sơ chi bộ {cellFile} có lỗi; bỏ qua các kiểm tra cần danh sách đảng viên cho đến khi sửa xong.',
      en: 'The cell profile {cellFile} has errors; checks that need the roster are skipped until it is fixed.',
    },
  },
};
