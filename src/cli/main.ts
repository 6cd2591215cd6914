// The command line: parses arguments with commander and hands each command to a lazily loaded module.
import { readFileSync } from 'node:fs';
import { Command, CommanderError, Help, InvalidArgumentError, Option } from 'commander';
import { reportFailure, EXIT_FAILURE, EXIT_OK } from './exit.js';
import type { CliIo } from './io.js';
import type { InitFlags, PlanFlags } from './plan-command.js';
import type { RenderFlags } from './render-command.js';

/** cellctl's version, from package.json (read, not imported, so nothing else loads). */
export function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

function nonNegativeInt(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('phải là số nguyên không âm (a non-negative integer).');
  return Number(value);
}

function positiveInt(value: string): number {
  const n = nonNegativeInt(value);
  if (n < 1) throw new InvalidArgumentError('phải từ 1 trở lên (at least 1).');
  return n;
}

function isoDate(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  if (!m || !d || d.getUTCMonth() !== Number(m[2]) - 1 || d.getUTCDate() !== Number(m[3])) {
    throw new InvalidArgumentError('phải là ngày có thật dạng YYYY-MM-DD (a real date YYYY-MM-DD).');
  }
  return value;
}

function planYear(value: string): number {
  const n = /^\d{4}$/.test(value) ? Number(value) : NaN;
  if (!(n >= 2000 && n <= 2100)) throw new InvalidArgumentError('phải là năm từ 2000 đến 2100 (a year from 2000 to 2100).');
  return n;
}

const TITLES: Record<string, string> = { 'Usage:': 'Cách dùng:', 'Options:': 'Tùy chọn:', 'Commands:': 'Lệnh:', 'Arguments:': 'Tham số:' };
const vietnameseNotes = (text: string) => text.replace('(choices: ', '(chọn một trong: ').replace('default: ', 'mặc định: ');

/** Help in Vietnamese: commander's own headings and notes translated (descriptions are written in Vietnamese). */
const VIETNAMESE_HELP: Partial<Help> = {
  styleTitle: (title) => TITLES[title] ?? title,
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
    .option('-o, --out <thư-mục>', 'thư mục ghi văn bản', 'out')
    .addOption(new Option('--only <loại>', 'chỉ in biên bản hoặc chỉ in nghị quyết').choices(['minutes', 'resolution']))
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
    .action(async (dir: string, flags: InitFlags) => {
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
    .option('--ics <tệp>', 'xuất lịch iCalendar (.ics) để nhập vào Outlook, Google Calendar')
    .option('--docx', 'in kế hoạch sinh hoạt chuyên đề năm (.docx) để báo cáo cấp ủy cấp trên')
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
    .argument('[thư-mục-chi-bộ]', 'thư mục có cell.yaml', '.')
    .option('-p, --port <số>', 'cổng (mặc định: một cổng còn trống)', nonNegativeInt)
    .option('--no-open', 'không tự mở trình duyệt')
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
