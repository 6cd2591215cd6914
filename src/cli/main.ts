// The command line: parses arguments with commander and hands each command to a lazily loaded module.
import { Command, CommanderError, Help, InvalidArgumentError, Option } from 'commander';
import { reportFailure, setFailureLanguage, EXIT_FAILURE, EXIT_OK } from './exit.js';
import type { CliIo } from './io.js';
import { packageVersion } from '../resources.js';
import type { InitFlags, PlanFlags } from './plan-command.js';
import type { RenderFlags } from './render-command.js';

/** cellctl's version, from package.json (read, not imported, so nothing else loads). */
export function version(): string {
  return packageVersion();
}

/** Language of command-line errors: decided before commander parses, from --lang/-l or CELLCTL_LANG. */
let usageLang: 'vi' | 'en' = 'vi';

function invalid(vi: string, en: string): InvalidArgumentError {
  return new InvalidArgumentError(usageLang === 'en' ? en : vi);
}

function nonNegativeInt(value: string): number {
  if (!/^\d+$/.test(value)) throw invalid('phải là số nguyên không âm.', 'must be a non-negative integer.');
  return Number(value);
}

function positiveInt(value: string): number {
  const n = nonNegativeInt(value);
  if (n < 1) throw invalid('phải từ 1 trở lên.', 'must be at least 1.');
  return n;
}

function isoDate(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  if (!m || !d || d.getUTCMonth() !== Number(m[2]) - 1 || d.getUTCDate() !== Number(m[3])) {
    throw invalid('phải là ngày có thật, viết năm-tháng-ngày, ví dụ 2026-12-31.', 'must be a real date YYYY-MM-DD.');
  }
  return value;
}

function planYear(value: string): number {
  const n = /^\d{4}$/.test(value) ? Number(value) : NaN;
  if (!(n >= 2000 && n <= 2100)) throw invalid('phải là năm từ 2000 đến 2100.', 'must be a year from 2000 to 2100.');
  return n;
}

// commander writes its own errors in English; each one it can raise, in Vietnamese.
const VIETNAMESE_ERRORS: [RegExp, string][] = [
  [/^error: unknown option '(.*?)'/, "lỗi: không có tùy chọn '$1'"],
  [/^error: unknown command '(.*?)'/, "lỗi: không có lệnh '$1'"],
  [/^error: missing required argument '(.*?)'/, "lỗi: thiếu tham số bắt buộc '$1'"],
  [/^error: option '(.*?)' argument missing/, "lỗi: tùy chọn '$1' cần một giá trị"],
  [/^error: required option '(.*?)' not specified/, "lỗi: thiếu tùy chọn bắt buộc '$1'"],
  [/^error: too many arguments for '(.*?)'\. Expected (\d+) arguments? but got (\d+)\./, "lỗi: lệnh '$1' nhận tối đa $2 tham số nhưng được đưa $3"],
  [/^error: too many arguments\. Expected (\d+) arguments? but got (\d+)\./, 'lỗi: chỉ nhận tối đa $1 tham số nhưng được đưa $2'],
  [/^error: option '(.*?)' argument '(.*?)' is invalid\. Allowed choices are (.*)\./, "lỗi: giá trị '$2' của tùy chọn '$1' không hợp lệ; chỉ được chọn: $3."],
  [/^error: option '(.*?)' argument '(.*?)' is invalid\./, "lỗi: giá trị '$2' của tùy chọn '$1' không hợp lệ:"],
  [/^error: command-argument value '(.*?)' is invalid for argument '(.*?)'\./, "lỗi: giá trị '$1' của tham số '$2' không hợp lệ:"],
  [/^error: (.*) cannot be used with (.*)/, 'lỗi: không dùng được $1 cùng với $2'],
  [/\(Did you mean one of (.*)\?\)/, '(Có phải là một trong: $1?)'],
  [/\(Did you mean (.*)\?\)/, '(Có phải là $1?)'],
  [/^error: /, 'lỗi: '],
];

/** A commander error message in Vietnamese. */
export function vietnameseError(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      for (const [pattern, vi] of VIETNAMESE_ERRORS) if (pattern.test(line)) return line.replace(pattern, vi);
      return line;
    })
    .join('\n');
}

/** --lang given on the command line (either spelling), or CELLCTL_LANG. */
function langOf(argv: readonly string[], env: Record<string, string | undefined>): 'vi' | 'en' {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if ((a === '--lang' || a === '-l') && argv[i + 1]) return argv[i + 1] === 'en' ? 'en' : 'vi';
    if (a.startsWith('--lang=')) return a.slice(7) === 'en' ? 'en' : 'vi';
  }
  return env.CELLCTL_LANG === 'en' ? 'en' : 'vi';
}

const TITLES: Record<string, string> = { 'Usage:': 'Cách dùng:', 'Options:': 'Tùy chọn:', 'Commands:': 'Lệnh:', 'Arguments:': 'Tham số:' };
const vietnameseNotes = (text: string) => text.replace('(choices: ', '(chọn một trong: ').replace('default: ', 'mặc định: ');

/** Help in Vietnamese: commander's own headings and notes translated (descriptions are written in Vietnamese). */
const vietnameseUsage = (text: string) => text.replace('[options]', '[tùy-chọn]').replace('[command]', '[lệnh]');

const VIETNAMESE_HELP: Partial<Help> = {
  styleTitle: (title) => TITLES[title] ?? title,
  commandUsage(cmd) {
    return vietnameseUsage(Help.prototype.commandUsage.call(this, cmd));
  },
  subcommandTerm(cmd) {
    return vietnameseUsage(Help.prototype.subcommandTerm.call(this, cmd));
  },
  optionDescription(option) {
    return vietnameseNotes(Help.prototype.optionDescription.call(this, option));
  },
  argumentDescription(argument) {
    return vietnameseNotes(Help.prototype.argumentDescription.call(this, argument));
  },
};

/** Options of `cellctl validate` as commander hands them over. */
export interface ValidateFlags {
  format: string;
  lang: 'vi' | 'en';
  quiet?: boolean;
  maxWarnings?: number;
  asOf?: string;
  rules?: string;
  maxFileSize?: number;
  jobs?: number;
  color?: boolean;
}

/**
 * Run cellctl with the given arguments (without the node and script names) and return the exit code.
 * Never calls process.exit; all output goes to io.stdout and io.stderr.
 */
export async function main(io: CliIo): Promise<number> {
  const env = io.env ?? {};
  usageLang = langOf(io.argv, env);
  setFailureLanguage(usageLang);
  let exitCode = EXIT_OK;
  const program = new Command('cellctl')
    .description('Kiểm tra, lập kế hoạch và in biên bản, nghị quyết sinh hoạt chi bộ.')
    .version(version(), '-v, --version', 'in số phiên bản')
    .helpOption('-h, --help', 'hướng dẫn sử dụng')
    .helpCommand('help [lệnh]', 'hướng dẫn của một lệnh')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: (s, write) => write(usageLang === 'en' ? s : vietnameseError(s)),
    })
    .showHelpAfterError('(cellctl --help để xem hướng dẫn)')
    .configureHelp(VIETNAMESE_HELP);

  program
    .command('validate')
    .description('Kiểm tra hồ sơ chi bộ, kế hoạch năm và hồ sơ các buổi sinh hoạt theo lược đồ và quy định của Đảng.')
    .argument('<đường-dẫn...>', 'tệp hoặc thư mục (duyệt đệ quy các tệp .yaml, .yml)')
    .addOption(new Option('-f, --format <định-dạng>', 'định dạng kết quả').choices(['stylish', 'json', 'sarif']).default('stylish'))
    .addOption(
      new Option('-l, --lang <ngôn-ngữ>', 'ngôn ngữ thông báo').choices(['vi', 'en']).default(env.CELLCTL_LANG === 'en' ? 'en' : 'vi'),
    )
    .option('-q, --quiet', 'chỉ báo lỗi, bỏ qua cảnh báo')
    .option('--max-warnings <số>', 'trả mã 1 nếu số cảnh báo vượt quá số này', nonNegativeInt)
    .option('--as-of <YYYY-MM-DD>', 'kiểm tra các tháng, quý đã qua tính đến ngày này (mặc định: hôm nay)', isoDate)
    .option('--rules <tệp>', 'quy định riêng của cấp ủy cấp trên (YAML), áp dụng sau quy định của chi bộ')
    .option('--max-file-size <byte>', 'kích thước tối đa một tệp đầu vào', positiveInt)
    .option('-j, --jobs <số>', 'số luồng xử lý (mặc định: số nhân CPU)', positiveInt)
    .option('--color', 'luôn tô màu')
    .option('--no-color', 'không tô màu')
    .action(async (paths: string[], flags: ValidateFlags) => {
      const { runValidate } = await import('./validate-command.js');
      exitCode = await runValidate(paths, flags, io);
    });

  program
    .command('render')
    .description('In biên bản và nghị quyết (.docx) theo thể thức văn bản của Đảng từ hồ sơ buổi sinh hoạt.')
    .argument('<đường-dẫn...>', 'hồ sơ buổi sinh hoạt, hoặc thư mục chi bộ')
    .option('-o, --out <thư-mục>', 'thư mục ghi văn bản (mặc định: out/ trong thư mục chi bộ khi in một thư mục chi bộ, như trang cellctl serve; còn lại ./out)')
    .addOption(new Option('--only <loại>', 'chỉ in biên bản, chỉ in nghị quyết hoặc chỉ in phiếu đánh giá chất lượng').choices(['minutes', 'resolution', 'score-sheet']))
    .option('--draft', 'in cả hồ sơ còn lỗi, đóng dấu DỰ THẢO')
    .option('--force', 'ghi đè tệp đã có')
    .option('--pdf', 'in thêm bản PDF (cần LibreOffice)')
    .option('--templates <thư-mục>', 'mẫu văn bản của đơn vị (xem cellctl templates export)')
    .option('--as-of <YYYY-MM-DD>', 'ngày tính các kiểm tra theo năm (mặc định: hôm nay)', isoDate)
    .option('--rules <tệp>', 'quy định riêng của cấp ủy cấp trên (YAML)')
    .addOption(
      new Option('-l, --lang <ngôn-ngữ>', 'ngôn ngữ thông báo').choices(['vi', 'en']).default(env.CELLCTL_LANG === 'en' ? 'en' : 'vi'),
    )
    // Both flags, as for validate: a lone --no-color would make commander default colour to on.
    .option('--color', 'luôn tô màu')
    .option('--no-color', 'không tô màu')
    .action(async (paths: string[], flags: RenderFlags) => {
      const { runRender } = await import('./render-command.js');
      exitCode = await runRender(paths, flags, io);
    });

  program
    .command('init')
    .description('Tạo thư mục hồ sơ của một chi bộ: cell.yaml (điền danh sách đảng viên, nền nếp sinh hoạt) và thư mục meetings/.')
    .argument('<thư-mục>', 'thư mục chi bộ (tạo mới, hoặc thư mục trống)')
    .requiredOption('--name <tên>', 'tên chi bộ, ví dụ "Chi bộ Khu dân cư số 12"')
    .requiredOption('--parent <tên>', 'cấp ủy cấp trên trực tiếp, ví dụ "Đảng bộ phường Hoàng Liệt"')
    .requiredOption('--place <địa-danh>', 'địa danh ghi ở ngày tháng văn bản, ví dụ "Hoàng Liệt"')
    .addOption(
      new Option('--type <loại-hình>', 'loại hình chi bộ')
        .choices(['residential', 'administrative', 'state-enterprise', 'private-enterprise', 'student', 'armed-forces'])
        .default('residential'),
    )
    .option('--force', 'ghi vào thư mục đã có tệp (thay cell.yaml)')
    .option('--committee', 'tạo committee.yaml của đảng ủy (thay cho cell.yaml của chi bộ)')
    .addOption(new Option('--kind <loại>', 'loại đảng ủy, với --committee').choices(['ward', 'commune', 'special-zone', 'workplace']).default('ward'))
    .action(async (dir: string, flags: InitFlags & { committee?: boolean; kind: 'ward' | 'commune' | 'special-zone' | 'workplace' }) => {
      if (flags.committee) {
        const { runInitCommittee } = await import('./report-command.js');
        exitCode = runInitCommittee(dir, flags, io);
        return;
      }
      const { runInit } = await import('./plan-command.js');
      exitCode = runInit(dir, flags, io);
    });

  program
    .command('plan')
    .description('Lập kế hoạch sinh hoạt năm (plan-YYYY.yaml) theo nền nếp của chi bộ, tránh ngày nghỉ lễ, Tết.')
    .argument('<thư-mục-chi-bộ>', 'thư mục có cell.yaml')
    .requiredOption('-y, --year <YYYY>', 'năm kế hoạch', planYear)
    .option('--dry-run', 'chỉ in phần thay đổi so với kế hoạch đã có, không ghi tệp')
    .option('--force', 'ghi đè kế hoạch đã có')
    .option('-o, --out <tệp>', 'tệp ghi kế hoạch (mặc định: <thư-mục-chi-bộ>/plan-YYYY.yaml)')
    .option('--ics <tệp>', 'xuất lịch iCalendar (.ics) để nhập vào Outlook, Google Calendar ("-": in ra màn hình)')
    .option('--docx [tệp]', 'in kế hoạch sinh hoạt chuyên đề năm (.docx) để báo cáo cấp ủy cấp trên (mặc định: <thư-mục-chi-bộ>/ke-hoach-chuyen-de-YYYY.docx)')
    .option('--number <số>', 'số của kế hoạch chuyên đề (3 → Số 03-KH/CB; mặc định: thematicPlan.number trong kế hoạch, nếu không có thì để trống như ngày ban hành)')
    .option('--date <YYYY-MM-DD>', 'ngày ban hành kế hoạch chuyên đề (mặc định: thematicPlan.date trong kế hoạch; không có thì để trống)')
    .option('--with-meetings', 'tạo sẵn bản khung hồ sơ các buổi sinh hoạt trong meetings/ (không ghi đè hồ sơ đã có)')
    .action(async (dir: string, flags: PlanFlags) => {
      const { runPlan } = await import('./plan-command.js');
      exitCode = await runPlan(dir, flags, io);
    });

  program
    .command('templates')
    .description('Mẫu văn bản (Handlebars) để đơn vị chỉnh sửa.')
    .command('export')
    .description('Chép các mẫu văn bản có sẵn vào một thư mục để chỉnh sửa.')
    .argument('<thư-mục>', 'thư mục đích')
    .option('--force', 'ghi vào thư mục đã có tệp')
    .action(async (dir: string, flags: { force?: boolean }) => {
      const { runTemplatesExport } = await import('./render-command.js');
      exitCode = runTemplatesExport(dir, flags.force ?? false, io);
    });

  program
    .command('schema')
    .description('In lược đồ JSON Schema (để cấu hình trình soạn thảo).')
    .argument('[tên]', 'cell | plan | meeting | rules | common', 'meeting')
    .action(async (name: string) => {
      const { runSchema } = await import('./schema-command.js');
      exitCode = runSchema(name, io);
    });

  // `cellctl report` (issue 9): the committee's view of its cells.
  program
    .command('report')
    .description('Báo cáo của đảng ủy về sinh hoạt các chi bộ trực thuộc: nền nếp, chuyên đề, tỷ lệ dự, điểm, cấp ủy viên dự.')
    .argument('<đường-dẫn...>', 'thư mục đảng ủy (có committee.yaml) hoặc các thư mục chi bộ')
    .option('-p, --period <kỳ>', 'kỳ báo cáo: 2026 | 2026-Q4 | 2026-11 | 2026-01..2026-06 (mặc định: năm của --as-of)')
    .option('--as-of <YYYY-MM-DD>', 'tính các tháng, quý đã kết thúc đến hết ngày này (mặc định: hôm nay)', isoDate)
    .addOption(new Option('-f, --format <định-dạng>', 'định dạng báo cáo').choices(['table', 'json', 'csv', 'xlsx', 'html', 'docx']).default('table'))
    .option('-o, --out <tệp>', 'ghi báo cáo vào tệp (không ghi đè nếu không có --force)')
    .option('--force', 'ghi đè tệp đã có')
    .addOption(
      new Option('-l, --lang <ngôn-ngữ>', 'ngôn ngữ báo cáo').choices(['vi', 'en']).default(env.CELLCTL_LANG === 'en' ? 'en' : 'vi'),
    )
    .option('--rules <tệp>', 'quy định riêng (YAML), ưu tiên hơn quy định trong committee.yaml')
    .option('--templates <thư-mục>', 'mẫu văn bản của đảng ủy cho --format docx (bao-cao.hbs; xem cellctl templates export)')
    .option('--number <số>', 'số của BÁO CÁO cho --format docx (15 → Số 15-BC/ĐU; mặc định: số tiếp theo trong so-van-ban-di.yaml cạnh committee.yaml)')
    .option('--date <YYYY-MM-DD>', 'ngày ban hành BÁO CÁO cho --format docx (mặc định: --as-of)', isoDate)
    .option('-j, --jobs <số>', 'số luồng xử lý (mặc định: số nhân CPU)', positiveInt)
    .option('--color', 'luôn tô màu')
    .option('--no-color', 'không tô màu')
    .action(async (paths: string[], flags: import('./report-command.js').ReportFlags) => {
      const { runReport } = await import('./report-command.js');
      exitCode = await runReport(paths, flags, io);
    });

  program
    .command('new')
    .description('Lập hồ sơ buổi sinh hoạt kế tiếp theo kế hoạch năm, điền sẵn những gì đã biết; in những chỗ còn phải điền.')
    .argument('<thư-mục-chi-bộ>', 'thư mục có cell.yaml')
    .option('--date <YYYY-MM-DD>', 'ngày họp (mặc định: buổi đầu tiên trong kế hoạch chưa có hồ sơ)', isoDate)
    .addOption(new Option('--kind <loại>', 'loại buổi sinh hoạt').choices(['regular', 'thematic', 'combined']))
    .option('--force', 'ghi đè hồ sơ đã có')
    .action(async (dir: string, flags: import('./new-command.js').NewFlags) => {
      const { runNew } = await import('./new-command.js');
      exitCode = runNew(dir, flags, io);
    });

  program
    .command('serve')
    .description('Mở trang web trên máy này để xem, ghi và in hồ sơ của chi bộ (chỉ máy này truy cập được).')
    .argument('[thư-mục-chi-bộ]', 'thư mục có cell.yaml, hoặc thư mục đảng ủy (committee.yaml, các thư mục chi bộ)', '.')
    .option('-p, --port <số>', 'cổng (mặc định: một cổng còn trống)', nonNegativeInt)
    .option('--no-open', 'không tự mở trình duyệt')
    .option('--as-of <YYYY-MM-DD>', 'ngày tính các tháng, quý đã qua và báo cáo của đảng ủy (mặc định: hôm nay)', isoDate)
    .action(async (dir: string, flags: import('./serve-command.js').ServeFlags) => {
      const { runServe } = await import('./serve-command.js');
      exitCode = await runServe(dir, flags, io);
    });

  try {
    await program.parseAsync([...io.argv], { from: 'user' });
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end by "throwing" with code 0; every other commander error is a usage error.
      return e.exitCode === 0 ? EXIT_OK : EXIT_FAILURE;
    }
    return reportFailure(e, io.stderr, Boolean(env.CELLCTL_DEBUG));
  }
}
