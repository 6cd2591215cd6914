// The cell setup: names, superior body, place, type, numbering and the roster in Vietnamese, checked as validate checks them, written to cell.yaml.
import { useEffect, useRef, useState } from 'preact/hooks';
import { html } from 'htm/preact';
import { api, setAt } from './api.js';
import { DateField, Problems, Select, Text } from './fields.js';

/** The id of a setup field by its JSON pointer (problems are placed beside it and jumped to by it). */
export const cid = (pointer) => `c:${pointer}`;

const TYPES = [
  ['residential', 'Thôn, tổ dân phố, khu dân cư'],
  ['administrative', 'Cơ quan hành chính, đơn vị sự nghiệp'],
  ['state-enterprise', 'Doanh nghiệp nhà nước'],
  ['private-enterprise', 'Doanh nghiệp ngoài nhà nước'],
  ['student', 'Học sinh, sinh viên'],
  ['armed-forces', 'Lực lượng vũ trang'],
];
const STATUSES = [['official', 'Chính thức'], ['probationary', 'Dự bị'], ['attached', 'Sinh hoạt tạm thời']];
const ROLES = [['member', 'Đảng viên'], ['secretary', 'Bí thư'], ['deputy-secretary', 'Phó Bí thư'], ['committee-member', 'Chi ủy viên']];

/** `2027-01` as typed and shown: `01/2027`. */
const showMonth = (v) => (typeof v === 'string' && /^\d{4}-\d{2}$/.test(v) ? `${v.slice(5)}/${v.slice(0, 4)}` : v ?? '');
function readMonth(text) {
  const m = /^\s*(\d{1,2})\s*\/\s*(\d{4})\s*$/.exec(text);
  return m ? `${m[2]}-${m[1].padStart(2, '0')}` : text;
}

/** How many members of each kind the roster counts now (those who have left not counted). */
function rosterSummary(members) {
  const now = members.filter((m) => !m.until);
  const count = (s) => now.filter((m) => m.status === s).length;
  const parts = [[count('official'), 'chính thức'], [count('probationary'), 'dự bị'], [count('attached'), 'sinh hoạt tạm thời'], [count('exempted'), 'miễn sinh hoạt']];
  return `${now.length} đảng viên${now.length ? `: ${parts.filter(([n]) => n > 0).map(([n, w]) => `${n} ${w}`).join(', ')}` : ''}.`;
}

/** One member of the roster, in words: status, role, dates and exemption. */
function MemberCard({ m, i, count, at, change, move, remove }) {
  const p = `/members/${i}`;
  const exempt = m.status === 'exempted';
  const x = m['exemption'] ?? {};
  const setExempt = (on) => {
    change(`${p}/status`, on ? 'exempted' : 'official');
    change(`${p}/exemption`, on ? { reason: x.reason ?? '' } : undefined);
  };
  const date = (key, label) => html`<${DateField} id=${cid(`${p}/${key}`)} label=${label} value=${m[key]} onInput=${(v) => change(`${p}/${key}`, v === '' ? undefined : v)} problems=${at(`${p}/${key}`)} />`;
  const who = m.name?.trim() || `đảng viên thứ ${i + 1}`;
  return html`<li class="member" id=${cid(p)} tabindex="-1">
    <div class="member-head"><span class="member-no">${i + 1}.</span>
      ${m.id ? html`<span class="member-id" title="Mã để biên bản gọi đồng chí này; cellctl đặt từ họ tên, không đổi về sau">Mã: ${m.id}</span>` : null}
      <span class="row-buttons">
        <button type="button" class="small" id=${`${cid(p)}:lên`} disabled=${i === 0} onClick=${() => move(i, -1)} aria-label=${`Chuyển ${who} lên trên`}>↑ Lên</button>
        <button type="button" class="small" id=${`${cid(p)}:xuống`} disabled=${i === count - 1} onClick=${() => move(i, 1)} aria-label=${`Chuyển ${who} xuống dưới`}>↓ Xuống</button>
        <button type="button" class="small remove" onClick=${() => remove(i)} aria-label=${`Bỏ ${who} khỏi danh sách`}>Bỏ khỏi danh sách</button>
      </span></div>
    <${Problems} list=${at(p)} />
    <div class="grid">
      <${Text} id=${cid(`${p}/name`)} label="Họ và tên" value=${m.name} onInput=${(v) => change(`${p}/name`, v)} problems=${at(`${p}/name`)} autocomplete="off" />
      ${exempt
        // An exempted member is an official one excused from duties: the status follows the box below.
        ? html`<div class="field"><span class="label">Tình trạng đảng viên</span><span class="fixed" id=${cid(`${p}/status`)} tabindex="-1">Chính thức, được miễn sinh hoạt</span><${Problems} list=${at(`${p}/status`)} /></div>`
        : html`<${Select} id=${cid(`${p}/status`)} label="Tình trạng đảng viên" value=${m.status} options=${STATUSES}
          onChange=${(v) => change(`${p}/status`, v)} problems=${at(`${p}/status`)} />`}
      <${Select} id=${cid(`${p}/role`)} label="Chức vụ trong chi bộ" value=${m.role ?? 'member'} options=${ROLES}
        onChange=${(v) => change(`${p}/role`, v === 'member' ? undefined : v)} problems=${at(`${p}/role`)} />
      <${Text} id=${cid(`${p}/group`)} label="Tổ đảng (nếu có)" value=${m.group} onInput=${(v) => change(`${p}/group`, v === '' ? undefined : v)} problems=${at(`${p}/group`)} />
      ${date('since', 'Ngày vào sinh hoạt tại chi bộ')}
      ${date('officialSince', 'Ngày công nhận chính thức (nếu có)')}
      ${date('until', 'Ngày chuyển đi (nếu đã chuyển)')}
    </div>
    <div class="exempt">
      <label><input type="checkbox" id=${cid(`${p}/exemption`)} checked=${exempt} onChange=${(e) => setExempt(e.currentTarget.checked)} /> Được miễn công tác và sinh hoạt đảng</label>
      ${exempt ? html`<div class="grid">
        <${Text} id=${cid(`${p}/exemption/reason`)} label="Lý do miễn" value=${x.reason} onInput=${(v) => change(`${p}/exemption/reason`, v)} problems=${at(`${p}/exemption/reason`)} />
        <${DateField} id=${cid(`${p}/exemption/from`)} label="Miễn từ ngày" value=${x.from} onInput=${(v) => change(`${p}/exemption/from`, v === '' ? undefined : v)} problems=${at(`${p}/exemption/from`)} />
        <${DateField} id=${cid(`${p}/exemption/until`)} label="Đến ngày (nếu có)" value=${x.until} onInput=${(v) => change(`${p}/exemption/until`, v === '' ? undefined : v)} problems=${at(`${p}/exemption/until`)} />
      </div>` : null}
    </div>
  </li>`;
}

/** The setup's fields: the cell, its numbering and its roster (`roster` adds, moves and removes members). */
function SetupForm({ data, nextNumber, at, change, roster }) {
  const members = data.members ?? [];
  // numbering holds two optional keys: the object goes when both are blank, so cell.yaml keeps no empty map.
  const setNumbering = (key, value) => {
    const next = { ...(data.numbering ?? {}), [key]: value };
    if (value === undefined) delete next[key];
    change('/numbering', Object.keys(next).length > 0 ? next : undefined);
  };
  const field1 = (pointer, label, props = {}) => html`<${Text} id=${cid(pointer)} label=${label} value=${pointer === '/parent/name' ? data.parent?.name : data[pointer.slice(1)]}
    onInput=${(v) => change(pointer, v)} problems=${at(pointer)} ...${props} />`;
  return html`<div class="form">
    <fieldset id=${cid('')} tabindex="-1"><legend>Thông tin chi bộ</legend><div class="grid">
      ${field1('/name', 'Tên chi bộ', { placeholder: 'Chi bộ Khu dân cư số 12' })}
      ${field1('/parent/name', 'Cấp ủy cấp trên trực tiếp', { placeholder: 'Đảng bộ phường Hoàng Liệt' })}
      ${field1('/place', 'Địa danh (ghi trước ngày tháng trên văn bản)', { placeholder: 'Hoàng Liệt' })}
      <${Select} id=${cid('/type')} label="Loại hình chi bộ" value=${data.type} options=${TYPES} onChange=${(v) => change('/type', v)} problems=${at('/type')} />
      <${Text} id=${cid('/recordsFrom')} label="Bắt đầu lưu hồ sơ từ tháng (tháng/năm)" value=${showMonth(data.recordsFrom)} placeholder="01/2027"
        onInput=${(v) => change('/recordsFrom', v === '' ? undefined : readMonth(v))} problems=${at('/recordsFrom')} />
    </div></fieldset>
    <fieldset id=${cid('/numbering')} tabindex="-1"><legend>Số văn bản</legend>
      <p class="hint">Nghị quyết của chi bộ mang số và ký hiệu <b>Số …-NQ/CB</b>, đánh liên tục trong nhiệm kỳ. Nghị quyết tiếp theo sẽ mang <b id="next-number">${nextNumber}</b>.</p>
      <div class="grid"><${DateField} id=${cid('/numbering/termStart')} label="Ngày bắt đầu nhiệm kỳ (số đánh lại từ 01)" value=${data.numbering?.termStart}
        onInput=${(v) => setNumbering('termStart', v === '' ? undefined : v)} problems=${at('/numbering/termStart')} />
        <${Text} id=${cid('/numbering/next')} label="Số nghị quyết tiếp theo (nếu nhiệm kỳ đã có nghị quyết trước khi dùng cellctl)" value=${data.numbering?.next === undefined ? '' : String(data.numbering.next)}
          inputmode="numeric" onInput=${(v) => setNumbering('next', /^\s*$/.test(v) ? undefined : /^\d+$/.test(v.trim()) ? Number(v.trim()) : v)} problems=${at('/numbering/next')} /></div>
    </fieldset>
    <fieldset id=${cid('/members')} tabindex="-1"><legend>Danh sách đảng viên</legend>
      <p class="hint" id="roster-summary">${rosterSummary(members)} Chi bộ cần ít nhất 03 đảng viên chính thức và một bí thư; từ 09 đảng viên chính thức thì có chi ủy.</p>
      <${Problems} list=${at('/members')} />
      <ol class="members">${members.map((m, i) => html`<${MemberCard} key=${i} m=${m} i=${i} count=${members.length} at=${at} change=${change} move=${roster.move} remove=${roster.remove} />`)}</ol>
      <button type="button" id="add-member" onClick=${roster.add}>+ Thêm đảng viên</button>
    </fieldset>
  </div>`;
}

/** Focus the field a pointer names, or the nearest one above it that is on the page. */
export function focusField(prefix, pointer) {
  for (let p = pointer; p; p = p.slice(0, p.lastIndexOf('/'))) {
    const el = document.getElementById(`${prefix}${p}`);
    if (el) {
      el.scrollIntoView({ block: 'center' });
      el.focus();
      return true;
    }
  }
  return false;
}

/**
 * The setup of one cell: `cell` is its folder relative to the served folder ('' = the served folder);
 * `field` a JSON pointer to open at; `onSaved` is called after a save (a new cell then opens its year);
 * `back` is the year page's address.
 */
export function CellSetup({ cell = '', field, onSaved, back = '#/' }) {
  const [view, setView] = useState(null);
  const [data, setData] = useState(null);
  const [problems, setProblems] = useState([]);
  const [error, setError] = useState('');
  const [saved, setSaved] = useState('');
  const [busy, setBusy] = useState(false);
  const timer = useRef(0);
  const query = cell ? `?cell=${encodeURIComponent(cell)}` : '';
  useEffect(() => {
    api(`/api/setup${query}`).then(({ status, json }) => {
      if (status !== 200) return setError(json.error);
      setView(json);
      setData(json.data);
      setProblems(json.problems);
    });
  }, [cell]);
  useEffect(() => { if (view && field) requestAnimationFrame(() => focusField('c:', field)); }, [view, field]);

  const check = (next) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(async () => {
      const { status, json } = await api('/api/setup/check', { cell, data: next });
      if (status !== 200) return;
      setProblems(json.problems);
      // Ids made for new members are shown as soon as they are made (only where the name is still the same).
      setData((cur) => {
        if (!Array.isArray(cur?.members)) return cur;
        let changed = false;
        const members = cur.members.map((m, i) => {
          const made = json.data.members?.[i];
          if (!m.id && made?.id && made.name === m.name) { changed = true; return { id: made.id, ...m }; }
          return m;
        });
        return changed ? { ...cur, members } : cur;
      });
    }, 350);
  };
  const update = (next) => { setData(next); setSaved(''); check(next); };
  const change = (pointer, value) => setData((cur) => { const next = setAt(cur, pointer, value); setSaved(''); check(next); return next; });
  const members = data?.members ?? [];
  const setMembers = (list) => update({ ...data, members: list });
  const add = () => {
    setMembers([...members, { name: '', status: 'official' }]);
    requestAnimationFrame(() => document.getElementById(cid(`/members/${members.length}/name`))?.focus());
  };
  const move = (i, by) => {
    const list = [...members];
    [list[i], list[i + by]] = [list[i + by], list[i]];
    setMembers(list);
    requestAnimationFrame(() => document.getElementById(`${cid(`/members/${i + by}`)}:${by < 0 ? 'lên' : 'xuống'}`)?.focus());
  };
  const remove = (i) => {
    const m = members[i];
    if (m.id && view.exists && !confirm(`Bỏ đồng chí ${m.name || ''} khỏi danh sách? Đồng chí đã chuyển đi thì nên ghi “Ngày chuyển đi” thay vì bỏ, vì biên bản cũ còn ghi tên đồng chí.`)) return;
    setMembers(members.filter((_, j) => j !== i));
    requestAnimationFrame(() => document.getElementById('add-member')?.focus());
  };
  const save = async () => {
    clearTimeout(timer.current);
    setBusy(true);
    const { status, json } = await api('/api/setup/save', { cell, base: view.hash, data });
    setBusy(false);
    if (json.problems) setProblems(json.problems);
    if (status !== 200) { setError(''); setSaved(''); return setError(json.error); }
    setError('');
    setData(json.data);
    setView({ ...view, hash: json.hash, exists: true });
    setSaved('Đã ghi hồ sơ chi bộ (cell.yaml).');
    onSaved?.();
  };

  if (!data) return error ? html`<main><p role="alert" class="error-box">${error}</p></main>` : html`<p>Đang tải…</p>`;
  const by = new Map();
  for (const p of problems) by.set(p.path, [...(by.get(p.path) ?? []), p]);
  const at = (pointer) => by.get(pointer);
  const errors = problems.filter((p) => p.severity === 'error');
  return html`<main class="setup">
    <header class="top">
      ${view.exists ? html`<a class="back" href=${back}>← Về trang năm</a>` : null}
      <h1 tabindex="-1">${view.exists ? `Thiết lập ${data.name || 'chi bộ'}` : 'Chào đồng chí! Thiết lập hồ sơ chi bộ'}</h1>
      ${view.exists ? null : html`<p class="welcome">Thư mục này chưa có hồ sơ chi bộ. Đồng chí điền tên chi bộ và danh sách đảng viên dưới đây rồi bấm <b>Ghi hồ sơ chi bộ</b>.
        Sau đó trang sẽ giúp lập kế hoạch sinh hoạt năm và biên bản từng kỳ họp. Ô nào chưa đúng, trang ghi ngay bên cạnh cần sửa gì.</p>`}
    </header>
    <div class="columns">
      <${SetupForm} data=${data} nextNumber=${view.nextNumber} at=${at} change=${change} roster=${{ add, move, remove }} />
      <aside class="list" aria-label="Cần sửa">
        <div class="savebar">
          <button type="button" id="save-cell" onClick=${save} disabled=${busy}>${busy ? 'Đang ghi…' : 'Ghi hồ sơ chi bộ'}</button>
        </div>
        ${saved ? html`<p role="status" class="saved">${saved}</p>` : null}
        ${error ? html`<p role="alert" class="error-box">${error}</p>` : null}
        <h2>${errors.length === 0 ? 'Chưa thấy lỗi.' : `Cần sửa ${errors.length} chỗ`}</h2>
        <ul>${problems.map((p) => html`<li class=${p.severity}><button type="button" class="link" onClick=${() => focusField('c:', p.path)}>${p.message}</button></li>`)}</ul>
      </aside>
    </div>
  </main>`;
}
