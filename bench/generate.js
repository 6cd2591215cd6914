// Synthetic province for benchmarks: many cells, each with a profile, a year plan and a year of records.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô', 'Dương', 'Lý'];
const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Đức', 'Minh', 'Quang', 'Thu', 'Hồng'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dung', 'Hải', 'Lan', 'Minh', 'Nga', 'Phúc', 'Quang', 'Sơn', 'Tâm', 'Uyên', 'Vinh', 'Xuân', 'Yến', 'Hùng', 'Hà', 'Khánh', 'Long'];
const STEPS = [
  ['opening', 'Đồng chí Bí thư tuyên bố lý do, giới thiệu đại biểu dự sinh hoạt.'],
  ['appoint-secretary', 'Chi bộ nhất trí cử đồng chí chi ủy viên làm thư ký ghi biên bản.'],
  ['attendance-report', 'Thông báo số đảng viên có mặt, vắng có lý do và vắng không lý do.'],
  ['dues-report', 'Đồng chí phụ trách tài chính thông báo tình hình thu nộp đảng phí trong tháng.'],
  ['agenda', 'Chi bộ thông qua nội dung, chương trình sinh hoạt.'],
  ['news-briefing', 'Thông tin thời sự trong nước và quốc tế; phổ biến nghị quyết, chỉ thị mới của cấp trên; tình hình tư tưởng đảng viên và nhân dân trên địa bàn.'],
  ['review', 'Đánh giá kết quả thực hiện nghị quyết tháng trước: các nhiệm vụ cơ bản hoàn thành, công tác vệ sinh môi trường và an ninh trật tự được duy trì.'],
  ['next-tasks', 'Đề ra nhiệm vụ tháng tới và phân công đảng viên phụ trách từng nội dung.'],
  ['discussion', 'Đảng viên thảo luận, đóng góp ý kiến vào dự thảo nghị quyết; tự phê bình và phê bình.'],
  ['chair-conclusion', 'Đồng chí chủ trì tổng hợp, tiếp thu ý kiến và kết luận.'],
  ['vote-resolution', 'Chi bộ biểu quyết thông qua nghị quyết tháng.'],
  ['quality-assessment', 'Chi bộ tự đánh giá, chấm điểm chất lượng buổi sinh hoạt.'],
  ['adopt-minutes', 'Thư ký đọc biên bản, chi bộ nhất trí thông qua.'],
];

function pad(n) {
  return String(n).padStart(2, '0');
}

function roster(cellNo, size) {
  const members = [];
  const used = new Set();
  for (let i = 0; members.length < size; i++) {
    const name = `${SURNAMES[(cellNo + i) % SURNAMES.length]} ${MIDDLE[(cellNo * 3 + i) % MIDDLE.length]} ${GIVEN[(cellNo * 7 + i * 3) % GIVEN.length]}`;
    if (used.has(name)) continue;
    used.add(name);
    const status = members.length === size - 1 ? 'probationary' : 'official';
    const role = members.length === 0 ? 'secretary' : members.length === 1 ? 'deputy-secretary' : members.length < 4 && size >= 9 ? 'committee-member' : 'member';
    members.push({ id: `m${members.length + 1}`, name, status, role });
  }
  return members;
}

function cellYaml(cellNo, members) {
  const lines = [
    '# yaml-language-server: $schema=../../../../schemas/cell.schema.json',
    `name: Chi bộ Khu dân cư số ${cellNo}`,
    'parent:',
    `  name: Đảng bộ phường Số ${Math.floor(cellNo / 50) + 1}`,
    '  kind: ward',
    `place: Phường Số ${Math.floor(cellNo / 50) + 1}`,
    'type: residential',
    'members:',
  ];
  for (const m of members) lines.push(`  - id: ${m.id}`, `    name: ${m.name}`, `    status: ${m.status}`, `    role: ${m.role}`);
  return `${lines.join('\n')}\n`;
}

/** Meeting dates of 2026: the 5th (or the next weekday that is not a holiday of this year). */
const DAYS = ['2026-01-05', '2026-02-05', '2026-03-05', '2026-04-06', '2026-05-05', '2026-06-05', '2026-07-06', '2026-08-05', '2026-09-07', '2026-10-05', '2026-11-05', '2026-12-07'];
const THEMATIC = ['2026-02-24', '2026-05-20', '2026-08-20', '2026-11-19'];

function planYaml() {
  const lines = ['# yaml-language-server: $schema=../../../../schemas/plan.schema.json', 'year: 2026', 'meetings:'];
  for (const d of DAYS) lines.push(`  - { date: "${d}", kind: regular, start: "19:30" }`);
  THEMATIC.forEach((d, i) => lines.push(`  - { date: "${d}", kind: thematic, start: "19:30", topic: "Chuyên đề ${i + 1} năm 2026", presenter: "Tổ đảng số ${i + 1}" }`));
  return `${lines.join('\n')}\n`;
}

/** Index of the member excused in a given month: rotating among the ordinary members (never 0–4). */
function absentIndex(members, month) {
  return 5 + (month % (members.length - 5));
}

function attendance(members, month) {
  // One excused absence a month, rotating, so nobody is away more than once in a row.
  return members.map((m, i) =>
    i === absentIndex(members, month)
      ? `  - { member: ${m.name}, status: excused, reason: "Đi công tác" }`
      : `  - { member: ${m.name}, status: present }`,
  );
}

function regularYaml(members, month, broken) {
  const official = members.filter((m) => m.status === 'official').length;
  const lines = [
    '# yaml-language-server: $schema=../../../../../schemas/meeting.schema.json',
    'kind: regular',
    'status: adopted',
    `date: "${DAYS[month - 1]}"`,
    'start: "19:30"',
    // A few records are short of time or mistyped, so problems and their positions are part of the work.
    `end: "${broken === 'short' ? '20:30' : '21:15'}"`,
    'place: Nhà văn hóa khu dân cư',
    `chair: ${members[0].name}`,
    `secretary: ${members[1].name}`,
    'guests:',
    '  - name: Lê Thị Hồng',
    '    office: Đảng ủy viên phường, phụ trách chi bộ',
    'attendance:',
    ...attendance(members, month),
    'steps:',
  ];
  for (const [step, content] of STEPS) {
    lines.push(`  - step: ${step}`, `    content: "${content}"`);
    if (step === 'discussion') {
      lines.push('    speakers:');
      for (let s = 0; s < 4; s++) {
        lines.push(`      - speaker: ${members[(s + 1) % members.length].name}`, '        opinion: "Nhất trí với dự thảo nghị quyết; đề nghị bổ sung nhiệm vụ tuyên truyền, vận động nhân dân giữ gìn vệ sinh môi trường và an ninh trật tự."');
      }
    }
  }
  lines.push(
    'resolution:',
    `  number: ${month}`,
    '  review:',
    '    strengths: Đảng viên gương mẫu thực hiện nhiệm vụ; các phong trào của khu dân cư được duy trì.',
    '    shortcomings: Một số đảng viên chưa tích cực tham gia sinh hoạt tổ dân phố.',
    '    tasks:',
    '      - { task: Tổng vệ sinh môi trường, result: Hoàn thành, done: true }',
    '      - { task: Vận động nộp quỹ vì người nghèo, result: "Đạt 95% chỉ tiêu", done: true }',
    '  tasks:',
    `    - { task: Tuyên truyền phòng chống dịch sốt xuất huyết, owner: ${members[2].name}, deadline: "2026-${pad(month)}-28" }`,
    `    - { task: Vận động nhân dân tham gia ngày hội đại đoàn kết, owner: ${members[3].name} }`,
    '  implementation:',
    '    - Các đồng chí đảng viên căn cứ nhiệm vụ được phân công tổ chức thực hiện.',
    'vote:',
    `  for: ${official - 1}`,
    '  against: 0',
    `${broken === 'typo' ? 'due' : 'dues'}:`,
    `  paid: ${members.length - 1}`,
    'score:',
    '  criteria: { duration: 5, attendance: 5, preparation: 9, conduct: 36, principles: 5, results: 27, closing: 5 }',
    '  total: 92',
    '  rating: good',
  );
  return `${lines.join('\n')}\n`;
}

function thematicYaml(members, i) {
  const lines = [
    '# yaml-language-server: $schema=../../../../../schemas/meeting.schema.json',
    'kind: thematic',
    'status: adopted',
    `date: "${THEMATIC[i]}"`,
    'start: "19:30"',
    'end: "21:05"',
    'place: Nhà văn hóa khu dân cư',
    `chair: ${members[0].name}`,
    `secretary: ${members[1].name}`,
    'topic:',
    `  title: Chuyên đề ${i + 1} năm 2026`,
    `  presenter: ${members[2].name}`,
    'attendance:',
    ...attendance(members, 20 + i),
    'steps:',
    '  - { step: appoint-secretary }',
    '  - { step: attendance-report }',
    '  - { step: thematic-purpose, content: "Đồng chí Bí thư nêu mục đích, yêu cầu của chuyên đề." }',
    `  - { step: thematic-presentation, presenter: ${members[2].name}, content: "Trình bày dự thảo chuyên đề." }`,
    '  - step: thematic-discussion',
    '    speakers:',
    `      - { speaker: ${members[3].name}, opinion: "Liên hệ bản thân, cam kết gương mẫu thực hiện." }`,
    `      - { speaker: ${members[4].name}, opinion: Đề nghị đưa nội dung chuyên đề vào nghị quyết tháng. }`,
    '  - { step: thematic-conclusion }',
    '  - { step: adopt-minutes }',
  ];
  return `${lines.join('\n')}\n`;
}

/**
 * Write `cells` cells under `dir` (17 files each: profile, plan, 12 regular, 4 thematic... minus none).
 * About one record in twenty-five carries an error. Returns the number of files and of meeting files.
 */
export function generateProvince(dir, cells) {
  rmSync(dir, { recursive: true, force: true });
  let files = 0;
  let meetings = 0;
  for (let c = 1; c <= cells; c++) {
    const cellDir = join(dir, `phuong-${Math.floor(c / 50) + 1}`, `chi-bo-${c}`);
    mkdirSync(join(cellDir, 'meetings'), { recursive: true });
    const members = roster(c, 12 + (c % 19));
    writeFileSync(join(cellDir, 'cell.yaml'), cellYaml(c, members));
    writeFileSync(join(cellDir, 'plan-2026.yaml'), planYaml());
    files += 2;
    for (let m = 1; m <= 12; m++) {
      // About one record in 25 carries an error (a short meeting or a mistyped key), so locating problems is part of the work.
      const broken = (c * 12 + m) % 50 === 0 ? 'short' : (c * 12 + m) % 50 === 7 ? 'typo' : undefined;
      writeFileSync(join(cellDir, 'meetings', `2026-${pad(m)}.yaml`), regularYaml(members, m, broken));
      files++;
      meetings++;
    }
    for (let t = 0; t < 4; t++) {
      writeFileSync(join(cellDir, 'meetings', `${THEMATIC[t].slice(0, 7)}-chuyen-de.yaml`), thematicYaml(members, t));
      files++;
      meetings++;
    }
  }
  return { files, meetings };
}
