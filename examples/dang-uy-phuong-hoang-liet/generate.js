// Writes the example committee's cells from examples/chi-bo-khu-dan-cu-12 (run: node examples/dang-uy-phuong-hoang-liet/generate.js).
// The generated folders are committed; this script only shows how each cell's weaknesses were made.
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';

const HERE = dirname(fileURLToPath(import.meta.url));
const SOURCE = join(HERE, '..', 'chi-bo-khu-dan-cu-12');

/** Every text file of the source cell, relative path → text, with schema links to the committee's saved schemas, one folder up. */
function sourceFiles() {
  const out = {};
  const walk = (rel) => {
    for (const name of readdirSync(join(SOURCE, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${name.name}` : name.name;
      if (name.name === '.cellctl') continue;
      if (name.isDirectory()) walk(r);
      else out[r] = readFileSync(join(SOURCE, r), 'utf8').replace('$schema=', '$schema=../');
    }
  };
  walk('');
  return out;
}

const SURNAMES = ['Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Nguyễn'];

/** Rename the roster (one pass, so no name is renamed twice), keeping every reference consistent. */
function renameMembers(files, shift) {
  const cell = parseDocument(files['cell.yaml']).toJS();
  const names = cell.members.map((m) => m.name);
  const used = new Set();
  const map = new Map();
  for (const [i, name] of names.entries()) {
    const rest = name.split(' ').slice(1).join(' ');
    let k = i + shift;
    let next;
    do next = `${SURNAMES[k++ % SURNAMES.length]} ${rest}`;
    while (used.has(next) || (names.includes(next) && next !== name && !map.has(next)));
    used.add(next);
    map.set(name, next);
  }
  const pattern = new RegExp([...map.keys()].sort((a, b) => b.length - a.length).join('|'), 'gu');
  for (const f of Object.keys(files)) files[f] = files[f].replace(pattern, (n) => map.get(n));
  return map;
}

function renameCell(files, number) {
  for (const f of Object.keys(files)) files[f] = files[f].replaceAll('Khu dân cư số 12', `Khu dân cư số ${number}`);
}

/** Number the resolutions from the start of the term (01/7/2025) in date order, as document-number expects. */
function renumber(files, first) {
  let number = first;
  for (const rel of Object.keys(files).filter((f) => f.startsWith('meetings/')).sort()) {
    edit(files, rel, (doc) => {
      if (doc.hasIn(['resolution', 'number'])) doc.setIn(['resolution', 'number'], number++);
    });
  }
}

/** Members named in a record other than in its attendance list (chair, secretary, presenters, speakers). */
function speaking(text) {
  const body = text.replace(/^ {2}- \{ member: .*$/gmu, '');
  return (name) => body.includes(name);
}

function write(folder, files) {
  const dir = join(HERE, folder);
  rmSync(dir, { recursive: true, force: true });
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
}

/** Edit one YAML file through the Document API (comments kept). */
function edit(files, rel, change) {
  const doc = parseDocument(files[rel]);
  change(doc);
  files[rel] = doc.toString({ lineWidth: 0 });
}

// 1. Exemplary: the example cell itself.
write('chi-bo-khu-dan-cu-12', sourceFiles());

// 2. Skipped months: no regular meeting in April and August.
{
  const files = sourceFiles();
  renameMembers(files, 1);
  renameCell(files, 13);
  delete files['meetings/2026-04.yaml'];
  delete files['meetings/2026-08.yaml'];
  renumber(files, 7);
  write('chi-bo-khu-dan-cu-13', files);
}

// 3. Weak attendance: four silent members away with reason at six regular meetings, one absent without
// reason; the committee member assigned never came (another guest did).
{
  const files = sourceFiles();
  for (const month of ['03', '04', '06', '09', '10', '12']) {
    const rel = `meetings/2026-${month}.yaml`;
    const speaks = speaking(files[rel]);
    const cell = parseDocument(files['cell.yaml']).toJS();
    const official = new Set(cell.members.filter((m) => m.status === 'official' && !m.officialSince).map((m) => m.name));
    edit(files, rel, (doc) => {
      let moved = 0;
      const silent = doc.get('attendance').items.filter((e) => e.get('status') === 'present' && official.has(e.get('member')) && !speaks(e.get('member')));
      silent.slice(0, 4).forEach((entry) => {
        entry.set('status', 'excused');
        entry.set('reason', 'Đi làm ăn xa');
        moved++;
      });
      if (month === '10' && silent[4]) {
        silent[4].set('status', 'unexcused');
        moved++;
      }
      // The members away did not vote: the vote shrinks with them.
      if (doc.has('vote')) doc.setIn(['vote', 'for'], doc.getIn(['vote', 'for']) - moved);
    });
  }
  for (const f of Object.keys(files)) {
    files[f] = files[f]
      .replaceAll('Đảng ủy viên Đảng bộ phường Hoàng Liệt, phụ trách Chi bộ Khu dân cư số 12', 'Trưởng ban công tác Mặt trận Khu dân cư số 14')
      .replaceAll('Đào Thanh Bình', 'Nguyễn Thị Thanh Xuân');
  }
  renameMembers(files, 2);
  renameCell(files, 14);
  write('chi-bo-khu-dan-cu-14', files);
}

// 4. Listed, sent nothing: the cell's profile only.
{
  const files = sourceFiles();
  renameMembers(files, 3);
  renameCell(files, 15);
  write('chi-bo-khu-dan-cu-15', { 'cell.yaml': files['cell.yaml'] });
}

// 5. Records kept since July 2025: the meetings before 28/10/2025 fall under Hướng dẫn 12-HD/BTCTW (2018).
// The second half of 2025 is written from the second half of 2026, with the roster as it stood then.
{
  const files = sourceFiles();
  const cell = parseDocument(files['cell.yaml']).toJS();
  const deputy = cell.members.find((m) => m.role === 'deputy-secretary').name;
  for (const month of ['07', '08', '09', '10', '11', '12']) {
    for (const suffix of ['', '-chuyen-de']) {
      const rel = `meetings/2026-${month}${suffix}.yaml`;
      if (!files[rel]) continue;
      const target = `meetings/2025-${month}${suffix}.yaml`;
      files[target] = files[rel].replaceAll('2026', '2025').replaceAll('2027', '2026');
      edit(files, target, (doc) => {
        const date = doc.get('date');
        const active = cell.members.filter((m) => (!m.since || m.since <= date) && (!m.until || m.until > date));
        const activeNames = new Set(active.map((m) => m.name));
        const list = doc.get('attendance');
        list.items = list.items.filter((e) => activeNames.has(e.get('member')));
        for (const m of active) {
          if (!list.items.some((e) => e.get('member') === m.name)) list.add(doc.createNode({ member: m.name, status: 'present' }));
        }
        // Someone who had not joined yet cannot speak: the deputy secretary takes the floor instead.
        for (const step of doc.get('steps').items) {
          for (const key of ['presenter']) if (step.has(key) && !activeNames.has(step.get(key)) && cell.members.some((m) => m.name === step.get(key))) step.set(key, deputy);
          for (const sp of step.get('speakers')?.items ?? []) {
            if (!activeNames.has(sp.get('speaker')) && cell.members.some((m) => m.name === sp.get('speaker'))) sp.set('speaker', deputy);
          }
        }
        // Voters: official (and attending exempted) members present on the date.
        const voters = list.items.filter((e) => {
          const m = cell.members.find((x) => x.name === e.get('member'));
          const official = m.status === 'exempted' || (m.status === 'official' && (!m.officialSince || m.officialSince <= date));
          return e.get('status') === 'present' && official;
        }).length;
        if (doc.has('vote')) {
          const v = doc.get('vote');
          const total = v.get('for') + v.get('against') + (v.get('other') ?? 0);
          if (total > voters) v.set('for', v.get('for') - (total - voters));
        }
        // The 2018 quality sheet had five criteria of 20 points each.
        if (date < '2025-10-28' && doc.has('score')) {
          const total = doc.getIn(['score', 'total']);
          const keys = ['attendance', 'preparation', 'conduct', 'principles', 'results'];
          const base = Math.floor(total / 5);
          const criteria = Object.fromEntries(keys.map((k, i) => [k, base + (i < total % 5 ? 1 : 0)]));
          doc.setIn(['score', 'criteria'], doc.createNode(criteria));
        }
      });
    }
  }
  edit(files, 'cell.yaml', (doc) => doc.set('recordsFrom', '2025-07'));
  renumber(files, 1);
  for (const f of Object.keys(files)) files[f] = files[f].replaceAll('Đào Thanh Bình', 'Trương Thị Lan');
  renameMembers(files, 4);
  renameCell(files, 16);
  write('chi-bo-khu-dan-cu-16', files);
}
