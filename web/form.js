// The meeting form: a record's fields checked live beside each field, and saved without loss.
import { useEffect, useRef, useState } from 'preact/hooks';
import { html } from 'htm/preact';
import { api, readDate, setAt, showDate } from './api.js';
import { Area, DateField, fid, MoneyField, Problems, Select, Text } from './fields.js';
import { ATTENDANCE, BANDS, CRITERION, DONE, KIND, RATING, labelOf, plainMessage } from './words.js';
import { Conflict } from './conflict.js';
import { Preview } from './preview.js';

/** Asked before leaving the record with changes not saved. */
const LEAVE = 'Biên bản có thay đổi chưa lưu. Rời trang này thì các thay đổi đó mất.\n\nBấm OK để rời trang (bỏ thay đổi), Cancel để ở lại và lưu.';

/** The JSON pointers that have a field on the form, so that each problem lands beside the nearest one. */
function fieldPointers(data) {
  const out = ['/topic', '/topic/title', '/topic/presenter', '/date', '/start', '/end', '/place', '/chair', '/secretary', '/status', '/attendance', '/steps', '/vote', '/vote/for', '/vote/against', '/score', '/score/total', '/score/rating'];
  (data.attendance ?? []).forEach((_, i) => out.push(`/attendance/${i}`, `/attendance/${i}/status`, `/attendance/${i}/reason`, `/attendance/${i}/member`));
  (data.steps ?? []).forEach((s, i) => {
    out.push(`/steps/${i}`, `/steps/${i}/content`, `/steps/${i}/presenter`);
    (s.speakers ?? []).forEach((_, j) => out.push(`/steps/${i}/speakers/${j}/speaker`, `/steps/${i}/speakers/${j}/opinion`));
  });
  for (const k of Object.keys(data.score?.criteria ?? {})) out.push(`/score/criteria/${k}`);
  (data.steps ?? []).forEach((_, i) => out.push(`/steps/${i}/speakers`));
  (data.guests ?? []).forEach((_, i) => out.push(`/guests/${i}`, `/guests/${i}/name`, `/guests/${i}/office`));
  if (data.guests) out.push('/guests');
  if (data.resolution) {
    out.push('/resolution', '/resolution/number', '/resolution/review', '/resolution/review/strengths', '/resolution/review/shortcomings', '/resolution/review/causes', '/resolution/review/tasks', '/resolution/tasks');
    (data.resolution.review?.tasks ?? []).forEach((_, i) => out.push(...['', '/task', '/result', '/done'].map((k) => `/resolution/review/tasks/${i}${k}`)));
    (data.resolution.tasks ?? []).forEach((_, i) => out.push(...['', '/task', '/owner', '/deadline'].map((k) => `/resolution/tasks/${i}${k}`)));
  }
  if (data.dues) out.push('/dues', '/dues/paid', '/dues/amount', '/dues/note');
  return new Set(out);
}
/** The field a problem belongs beside: its pointer, or the nearest enclosing one on the form ('' = the record). */
function anchorOf(path, fields) {
  let p = path;
  while (p !== '' && !fields.has(p)) p = p.slice(0, p.lastIndexOf('/'));
  return p;
}
function ratingFor(total, thresholds) {
  for (const r of ['good', 'fair', 'average']) if (thresholds[r] !== undefined && total >= thresholds[r]) return r;
  return 'poor';
}

/** Add, remove and move the items of the list at `pointer`; focus follows each change, so the keyboard is never lost. */
function listEdits(list, pointer, change, { emptyRemoves = false } = {}) {
  const items = list ?? [];
  const focus = (id) => requestAnimationFrame(() => document.getElementById(id)?.focus());
  return {
    add(item, first) {
      change(pointer, [...items, item]);
      focus(fid(`${pointer}/${items.length}/${first}`));
    },
    remove(i) {
      const next = items.filter((_, k) => k !== i);
      change(pointer, next.length === 0 && emptyRemoves ? undefined : next);
      focus(`${fid(pointer)}:thêm`);
    },
    move(i, by) {
      const j = i + by;
      if (j < 0 || j >= items.length) return;
      const next = [...items];
      [next[i], next[j]] = [next[j], next[i]];
      change(pointer, next);
      focus(`${fid(`${pointer}/${j}`)}:${by < 0 ? 'lên' : 'xuống'}`);
    },
  };
}

/** A row's buttons: move up, move down, remove, each a real button with a Vietnamese name saying which row. */
function RowButtons({ pointer, i, count, what, edits, reorder = true }) {
  const id = fid(`${pointer}/${i}`);
  return html`<div class="row-buttons">
    ${reorder ? html`<button type="button" class="small" id=${`${id}:lên`} onClick=${() => edits.move(i, -1)} disabled=${i === 0} aria-label=${`Chuyển ${what} ${i + 1} lên trên`}>↑ Lên</button>
    <button type="button" class="small" id=${`${id}:xuống`} onClick=${() => edits.move(i, 1)} disabled=${i === count - 1} aria-label=${`Chuyển ${what} ${i + 1} xuống dưới`}>↓ Xuống</button>` : null}
    <button type="button" class="small remove" onClick=${() => edits.remove(i)} aria-label=${`Xóa ${what} ${i + 1}`}>Xóa</button>
  </div>`;
}

/** Guests of the sitting (đại biểu dự): not members, not counted in attendance. */
function Guests({ data, change, at }) {
  const edits = listEdits(data.guests, '/guests', change, { emptyRemoves: true });
  const guests = data.guests ?? [];
  return html`<fieldset id=${fid('/guests')} tabindex="-1"><legend>Đại biểu dự (khách mời, không tính vào số đảng viên)</legend><${Problems} list=${at('/guests')} />
    ${guests.map((g, i) => html`<div class="row" id=${fid(`/guests/${i}`)} tabindex="-1"><div class="grid">
      <${Text} id=${fid(`/guests/${i}/name`)} label=${`Họ và tên đại biểu ${i + 1}`} value=${g.name} onInput=${(v) => change(`/guests/${i}/name`, v)} problems=${at(`/guests/${i}/name`)} />
      <${Text} id=${fid(`/guests/${i}/office`)} label="Chức vụ, đơn vị" value=${g.office} onInput=${(v) => change(`/guests/${i}/office`, v === '' ? undefined : v)} problems=${at(`/guests/${i}/office`)} />
    </div><${Problems} list=${at(`/guests/${i}`)} /><${RowButtons} pointer="/guests" i=${i} count=${guests.length} what="đại biểu" edits=${edits} reorder=${false} /></div>`)}
    <button type="button" id=${`${fid('/guests')}:thêm`} onClick=${() => edits.add({ name: '' }, 'name')}>+ Thêm đại biểu</button>
  </fieldset>`;
}

/** The resolution: the review of last month (each task's result), and next month's tasks with owner and deadline. */
/** `5` → `Số 05-NQ/CB`, as the resolution prints it. */
const docNo = (n) => `Số ${String(n).padStart(2, '0')}-NQ/CB`;

/** Why the form offers a number: after the cell's last numbered resolution, the first of a term, or a first guess. */
function numberHint(s) {
  if (!s) return '';
  if (s.basis === 'after') return `Số tiếp theo: nghị quyết ngày ${showDate(s.previous.date)} mang số ${String(s.previous.number).padStart(2, '0')}.`;
  if (s.basis === 'term') return 'Số đầu tiên của nhiệm kỳ (theo ngày bắt đầu nhiệm kỳ của chi bộ).';
  if (s.basis === 'start') return 'Số tiếp theo đã ghi trong phần Thiết lập chi bộ (nghị quyết đầu tiên ghi bằng cellctl).';
  return 'Chi bộ chưa có nghị quyết nào ghi số: nếu nhiệm kỳ này đã có nghị quyết trước, ghi số tiếp theo số đó.';
}

/** The resolution's number: typed, or the cell's next number taken with one button. */
function ResolutionNumber({ value, suggestion, change, problems }) {
  const id = fid('/resolution/number');
  const typed = (v) => {
    const t = v.trim();
    change('/resolution/number', t === '' ? undefined : /^\d+$/.test(t) ? Number(t) : t);
  };
  return html`<div class="number-row">
    <${Text} id=${id} label="Số nghị quyết" value=${value} inputmode="numeric" placeholder=${suggestion ? String(suggestion.number) : ''} onInput=${typed} problems=${problems} aria-describedby="number-hint" />
    <p class="number-hint" id="number-hint">${typeof value === 'number' ? `In là: ${docNo(value)}. ` : ''}${value === undefined && suggestion ? numberHint(suggestion) : ''}</p>
    ${value === undefined && suggestion ? html`<button type="button" id="use-number" onClick=${() => change('/resolution/number', suggestion.number)}>Dùng số gợi ý: ${String(suggestion.number).padStart(2, '0')}</button>` : null}
  </div>`;
}

function Resolution({ data, change, at, roster, owners, before, suggestion }) {
  const r = data.resolution;
  const review = r.review ?? {};
  const reviewed = review.tasks ?? [];
  const tasks = r.tasks ?? [];
  const edits = listEdits(r.tasks, '/resolution/tasks', change);
  const ownerGroups = [['Đồng chí', roster], ['Tập thể', owners.map((o) => [o, o])]];
  const text = (pointer, label, v) => html`<${Area} id=${fid(pointer)} label=${label} rows="2" value=${v} onInput=${(x) => change(pointer, x)} problems=${at(pointer)} />`;
  return html`<fieldset id=${fid('/resolution')} tabindex="-1"><legend>Nghị quyết${typeof r.number === 'number' ? ` ${docNo(r.number)}` : ''}</legend><${Problems} list=${at('/resolution')} />
    <${ResolutionNumber} value=${r.number} suggestion=${suggestion} change=${change} problems=${at('/resolution/number')} />
    <section class="part" id=${fid('/resolution/review')} tabindex="-1"><h3>I. Đánh giá thực hiện nhiệm vụ tháng trước</h3><${Problems} list=${at('/resolution/review')} />
      ${reviewed.length > 0 ? html`<ol class="tasks reviewed" id=${fid('/resolution/review/tasks')} tabindex="-1">${reviewed.map((t, i) => html`<li class="task" id=${fid(`/resolution/review/tasks/${i}`)} tabindex="-1">
        <${Problems} list=${at(`/resolution/review/tasks/${i}`)} />
        <${Text} id=${fid(`/resolution/review/tasks/${i}/task`)} label=${`Nhiệm vụ ${i + 1}`} value=${t.task} onInput=${(v) => change(`/resolution/review/tasks/${i}/task`, v)} problems=${at(`/resolution/review/tasks/${i}/task`)} />
        ${before[t.task] ? html`<p class="assigned">Phụ trách: ${before[t.task].owner}${before[t.task].deadline ? ` · thời hạn ${showDate(before[t.task].deadline)}` : ''}</p>` : null}
        <div class="task-grid">
          ${text(`/resolution/review/tasks/${i}/result`, 'Kết quả thực hiện', t.result)}
          <${Select} id=${fid(`/resolution/review/tasks/${i}/done`)} label="Hoàn thành?" value=${typeof t.done === 'boolean' ? String(t.done) : ''} options=${DONE}
            onChange=${(v) => change(`/resolution/review/tasks/${i}/done`, v === 'true' ? true : v === 'false' ? false : null)} problems=${at(`/resolution/review/tasks/${i}/done`)} />
        </div></li>`)}</ol>` : null}
      <${Problems} list=${at('/resolution/review/tasks')} />
      ${text('/resolution/review/strengths', 'Ưu điểm', review.strengths)}
      ${text('/resolution/review/shortcomings', 'Hạn chế', review.shortcomings)}
      ${'causes' in review ? text('/resolution/review/causes', 'Nguyên nhân', review.causes) : null}
    </section>
    <section class="part" id=${fid('/resolution/tasks')} tabindex="-1"><h3>II. Nhiệm vụ tháng tới</h3><${Problems} list=${at('/resolution/tasks')} />
      <ol class="tasks next">${tasks.map((t, i) => html`<li class="task" id=${fid(`/resolution/tasks/${i}`)} tabindex="-1">
        <${Problems} list=${at(`/resolution/tasks/${i}`)} />
        ${text(`/resolution/tasks/${i}/task`, `Nhiệm vụ ${i + 1}`, t.task)}
        <div class="task-grid">
          <${Select} id=${fid(`/resolution/tasks/${i}/owner`)} label="Phụ trách" value=${t.owner} groups=${ownerGroups} onChange=${(v) => change(`/resolution/tasks/${i}/owner`, v)} problems=${at(`/resolution/tasks/${i}/owner`)} />
          <${DateField} id=${fid(`/resolution/tasks/${i}/deadline`)} label="Thời hạn" value=${t.deadline} onInput=${(v) => change(`/resolution/tasks/${i}/deadline`, v === '' ? undefined : v)} problems=${at(`/resolution/tasks/${i}/deadline`)} />
          <${RowButtons} pointer="/resolution/tasks" i=${i} count=${tasks.length} what="nhiệm vụ" edits=${edits} />
        </div></li>`)}</ol>
      <button type="button" id=${`${fid('/resolution/tasks')}:thêm`} onClick=${() => edits.add({ task: '', owner: '' }, 'task')}>+ Thêm nhiệm vụ</button>
    </section>
  </fieldset>`;
}

/** The thematic topic (chuyên đề) and who presents it: a thematic or combined sitting has one. */
function Topic({ data, change, at, roster }) {
  const t = data.topic ?? {};
  const set = (key) => (v) => change(`/topic/${key}`, v);
  return html`<fieldset id=${fid('/topic')} tabindex="-1"><legend>Chuyên đề</legend><${Problems} list=${at('/topic')} /><div class="grid">
    <${Area} id=${fid('/topic/title')} label="Tên chuyên đề" rows="2" value=${t.title} onInput=${set('title')} problems=${at('/topic/title')} />
    <${Text} id=${fid('/topic/presenter')} label="Người trình bày chuyên đề" value=${t.presenter} list="topic-presenters" onInput=${set('presenter')} problems=${at('/topic/presenter')} />
    <datalist id="topic-presenters">${roster.map(([n]) => html`<option value=${n} />`)}</datalist>
  </div></fieldset>`;
}

/** Party dues (đảng phí) collected at the sitting. */
function Dues({ data, change, at, members }) {
  const d = data.dues;
  const count = (pointer) => (v) => change(pointer, v === '' ? '' : Number(v));
  return html`<fieldset id=${fid('/dues')} tabindex="-1"><legend>Đảng phí</legend><${Problems} list=${at('/dues')} /><div class="grid">
    <${Text} id=${fid('/dues/paid')} label=${`Số đồng chí đã nộp (trên ${members})`} type="number" min="0" max=${members} value=${d.paid} onInput=${count('/dues/paid')} problems=${at('/dues/paid')} />
    <${MoneyField} id=${fid('/dues/amount')} label="Số tiền (đồng)" value=${d.amount} onInput=${(v) => change('/dues/amount', v)} problems=${at('/dues/amount')} />
    <${Text} id=${fid('/dues/note')} label="Ghi chú" value=${d.note} onInput=${(v) => change('/dues/note', v === '' ? undefined : v)} problems=${at('/dues/note')} />
  </div></fieldset>`;
}

/**
 * Every way out inside the page is asked about while `dirty.current`: a link of the page at its click
 * (declined, nothing happens); the browser's Back at popstate, which comes before the hash change the
 * page's router follows (declined, the record's address is put back, so the router finds itself where it was).
 */
function useLeaveGuard(dirty) {
  useEffect(() => {
    const here = location.href;
    let agreed = false; // said "leave" at the link: the navigation that follows is not asked about again
    const click = (e) => {
      const a = e.target instanceof Element ? e.target.closest('a[href^="#"]') : null;
      if (!a || !dirty.current || a.href === here) return;
      if (window.confirm(LEAVE)) agreed = true;
      else { e.preventDefault(); e.stopPropagation(); }
    };
    const back = () => {
      if (agreed || !dirty.current || location.href === here) { agreed = false; return; }
      if (!window.confirm(LEAVE)) history.pushState(null, '', here);
    };
    document.addEventListener('click', click, true);
    window.addEventListener('popstate', back);
    return () => { document.removeEventListener('click', click, true); window.removeEventListener('popstate', back); };
  }, []);
}

export function RecordForm({ path, onBack }) {
  const [rec, setRec] = useState(null); // the record as loaded: text, hash, roster, steps, scoring
  const [data, setData] = useState(null); // what the form holds now (never dropped on a failed save)
  const [problems, setProblems] = useState([]);
  const [eligible, setEligible] = useState(null);
  const [voters, setVoters] = useState(null);
  const [checking, setChecking] = useState(false);
  const [saveState, setSaveState] = useState({ kind: 'clean' });
  const [error, setError] = useState('');
  const seq = useRef(0);
  const timer = useRef(undefined);
  // What the form holds this instant, and how many changes it has seen: a save started by a key pressed
  // before the page redrew must send the latest values, and a change made while saving keeps it unsaved.
  const latest = useRef(null);
  const edits = useRef(0);
  const hash = useRef('');
  const saved = useRef(null); // the record as this page last read or wrote it: what a conflict is measured from
  const dirty = useRef(false);
  const heading = useRef(null);

  const load = async () => {
    const { status, json } = await api(`/api/record?path=${encodeURIComponent(path)}`);
    if (status !== 200) return setError(json.error);
    latest.current = json.data; hash.current = json.hash; saved.current = json.data;
    setRec(json); setData(json.data); setProblems(json.problems); setEligible(json.eligible); setVoters(json.voters ?? null); setSaveState({ kind: 'clean' });
  };
  useEffect(() => { load(); }, [path]);
  // The link that opened the record is gone with the year view: the focus goes to the record's heading
  // (a screen reader says where it is), not back to the top of the page.
  const opened = rec !== null;
  useEffect(() => { if (opened) heading.current?.focus(); }, [opened, path]);
  dirty.current = saveState.kind !== 'clean' && saveState.kind !== 'saved';
  useLeaveGuard(dirty);
  useEffect(() => {
    const warn = (e) => { if (saveState.kind !== 'clean' && saveState.kind !== 'saved') { e.preventDefault(); e.returnValue = ''; } };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [saveState]);

  const check = (next) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(async () => {
      const mine = ++seq.current;
      setChecking(true);
      const { status, json } = await api('/api/check', { path, data: next }).catch(() => ({ status: 0, json: {} }));
      if (mine !== seq.current) return; // a later change is being checked: this answer is stale
      setChecking(false);
      if (status === 200) { setProblems(json.problems); setEligible(json.eligible); setVoters(json.voters ?? null); }
    }, 350);
  };
  const change = (pointer, value) => {
    // From latest, not from the last drawn state: two changes in one event (a status and its reason) both count.
    let next = setAt(latest.current, pointer, value);
    if (pointer.startsWith('/score/criteria/')) {
      const total = Object.values(next.score.criteria).reduce((a, b) => a + (Number(b) || 0), 0);
      next = setAt(setAt(next, '/score/total', total), '/score/rating', ratingFor(total, rec.scoring.thresholds));
    }
    latest.current = next;
    setData(next);
    check(next);
    edits.current++;
    setSaveState({ kind: 'dirty' });
  };
  const save = async (base = hash.current) => {
    setSaveState({ kind: 'saving' });
    const sent = edits.current;
    const sentData = latest.current;
    let reply;
    try {
      reply = await api('/api/save', { path, base, data: sentData });
    } catch {
      return setSaveState({ kind: 'failed', message: 'Không gửi được tới cellctl serve (đã dừng?). Nội dung trên trang vẫn còn; chạy lại cellctl serve rồi bấm Lưu.' });
    }
    const { status, json } = reply;
    if (status === 200) {
      hash.current = json.hash;
      setRec((old) => ({ ...old, text: json.text, hash: json.hash }));
      if (edits.current !== sent) setSaveState({ kind: 'dirty' });
      else setSaveState({ kind: 'saved', at: new Date().toLocaleTimeString('vi-VN', { hour: '2-digit', minute: '2-digit' }) });
      saved.current = sentData;
    } else if (status === 409) setSaveState({ kind: 'conflict', theirs: json.theirs, hash: json.hash });
    else setSaveState({ kind: 'failed', message: json.error ?? `Lỗi ${status}; nội dung trên trang vẫn còn.` });
  };
  useEffect(() => {
    const key = (e) => { if ((e.ctrlKey || e.metaKey) && e.key === 's' && rec) { e.preventDefault(); save(); } };
    window.addEventListener('keydown', key);
    return () => window.removeEventListener('keydown', key);
  });

  if (error) return html`<main><p role="alert" class="error-box">${error}</p><a href="#/">← Về trang năm</a></main>`;
  if (!rec || !data) return html`<p>Đang tải…</p>`;

  const fields = fieldPointers(data);
  const by = new Map();
  // Each problem in the form's words, beside the field it is about (a missing key's own field, not its parent's).
  const said = problems.map((p) => {
    const field = p.field ?? p.path;
    const label = labelOf(field, data, rec.steps);
    return { ...p, field, label, message: plainMessage(p, label) };
  });
  for (const p of said) {
    const a = anchorOf(p.field, fields);
    by.set(a, [...(by.get(a) ?? []), p]);
  }
  const at = (pointer) => by.get(pointer);
  const roster = rec.roster.map((n) => [n, n]);
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const jump = (p) => {
    const el = document.getElementById(fid(anchorOf(p.field, fields)));
    if (el) { el.scrollIntoView({ block: 'center' }); el.focus(); }
  };
  const criteria = rec.scoring.criteria;
  const scoreTotal = Object.values(data.score?.criteria ?? {}).reduce((a, b) => a + (Number(b) || 0), 0);
  const maxTotal = Object.values(criteria).reduce((a, b) => a + b, 0);

  return html`<div class="record">
    <header class="top">
      <a href="#/">← Về trang năm</a>
      <h1 ref=${heading} tabindex="-1">Biên bản ${KIND[data.kind] ?? ''} ngày ${showDate(data.date)}</h1>
      <p class="file">${path}</p>
      <div class="savebar">
        <button type="button" id="save" onClick=${() => save()} disabled=${saveState.kind === 'saving'}>Lưu (Ctrl+S)</button>
        <span id="save-state" role="status">${{
          clean: 'Chưa sửa gì.', dirty: 'Có thay đổi chưa lưu.', saving: 'Đang lưu…', saved: `Đã lưu lúc ${saveState.at}.`,
          failed: 'Chưa lưu được.', conflict: 'Chưa lưu: tệp đã đổi trên đĩa.' }[saveState.kind]}</span>
      </div>
      ${saveState.kind === 'failed' ? html`<p role="alert" class="error-box">${saveState.message}</p>` : null}
      ${saveState.kind === 'conflict' ? html`<${Conflict} mine=${data} theirs=${saveState.theirs} base=${saved.current} steps=${rec.steps} onReload=${load}
        onApply=${(merged) => { latest.current = merged; setData(merged); check(merged); save(saveState.hash); }} />` : null}
    </header>
    <div class="columns"><form class="form" onSubmit=${(e) => { e.preventDefault(); save(); }}>
      <${Problems} list=${at('')} />
      <fieldset><legend>Thông tin chung</legend><div class="grid">
        <${Text} id=${fid('/date')} label="Ngày họp (dd/mm/yyyy)" value=${showDate(data.date)} onInput=${(v) => change('/date', readDate(v))} problems=${at('/date')} inputmode="numeric" />
        <${Text} id=${fid('/start')} label="Bắt đầu (giờ:phút)" value=${data.start} inputmode="numeric" placeholder="19:30" onInput=${(v) => change('/start', v)} problems=${at('/start')} />
        <${Text} id=${fid('/end')} label="Kết thúc (giờ:phút)" value=${data.end} inputmode="numeric" placeholder="21:20" onInput=${(v) => change('/end', v)} problems=${at('/end')} />
        <${Text} id=${fid('/place')} label="Địa điểm" value=${data.place} onInput=${(v) => change('/place', v)} problems=${at('/place')} />
        <${Select} id=${fid('/chair')} label="Chủ trì" value=${data.chair} options=${roster} onChange=${(v) => change('/chair', v)} problems=${at('/chair')} />
        <${Select} id=${fid('/secretary')} label="Thư ký" value=${data.secretary} options=${roster} onChange=${(v) => change('/secretary', v)} problems=${at('/secretary')} />
        <${Select} id=${fid('/status')} label="Trạng thái" value=${data.status} options=${[['draft', 'Dự thảo'], ['adopted', 'Đã thông qua']]} onChange=${(v) => change('/status', v)} problems=${at('/status')} />
      </div></fieldset>

      ${data.topic || data.kind === 'thematic' || data.kind === 'combined' ? html`<${Topic} data=${data} change=${change} at=${at} roster=${roster} />` : null}

      <${Guests} data=${data} change=${change} at=${at} />

      <fieldset id=${fid('/attendance')} tabindex="-1"><legend>Điểm danh (${(data.attendance ?? []).filter((a) => a.status === 'present').length}/${(data.attendance ?? []).length} có mặt)</legend>
        <${Problems} list=${at('/attendance')} />
        <table class="attendance"><tbody>${(data.attendance ?? []).map((a, i) => html`<tr>
          <th scope="row" id=${fid(`/attendance/${i}`)}>${a.member}</th>
          <td><fieldset class="radios" id=${fid(`/attendance/${i}/status`)}><legend class="sr">${a.member}</legend>
            ${ATTENDANCE.map(([v, t]) => html`<label><input type="radio" name=${`att-${i}`} value=${v} checked=${a.status === v}
              onChange=${() => { change(`/attendance/${i}/status`, v); if (v !== 'excused') change(`/attendance/${i}/reason`, undefined); }} /> ${t}</label>`)}
          </fieldset></td>
          <td>${a.status === 'excused' ? html`<label class="sr" for=${fid(`/attendance/${i}/reason`)}>Lý do vắng của ${a.member}</label>
            <input id=${fid(`/attendance/${i}/reason`)} placeholder="Lý do vắng" value=${a.reason ?? ''} onInput=${(e) => change(`/attendance/${i}/reason`, e.currentTarget.value)} />` : null}
            <${Problems} list=${[...(at(`/attendance/${i}`) ?? []), ...(at(`/attendance/${i}/status`) ?? []), ...(at(`/attendance/${i}/reason`) ?? []), ...(at(`/attendance/${i}/member`) ?? [])]} /></td>
        </tr>`)}</tbody></table>
      </fieldset>

      <fieldset id=${fid('/steps')} tabindex="-1"><legend>Diễn biến buổi sinh hoạt</legend><${Problems} list=${at('/steps')} />
        <ol class="steps">${(data.steps ?? []).map((s, i) => html`<li class="step" id=${fid(`/steps/${i}`)} tabindex="-1">
          <h3>${s.title ?? rec.steps[s.step] ?? s.step}</h3><${Problems} list=${at(`/steps/${i}`)} />
          ${'presenter' in s ? html`<${Select} id=${fid(`/steps/${i}/presenter`)} label="Người trình bày" value=${s.presenter} options=${roster} onChange=${(v) => change(`/steps/${i}/presenter`, v)} problems=${at(`/steps/${i}/presenter`)} />` : null}
          ${'content' in s || !s.speakers ? html`<${Area} id=${fid(`/steps/${i}/content`)} label="Nội dung" value=${s.content} onInput=${(v) => change(`/steps/${i}/content`, v)} problems=${at(`/steps/${i}/content`)} />` : null}
          ${(s.speakers ?? []).map((sp, j) => html`<div class="speaker" id=${fid(`/steps/${i}/speakers/${j}`)} tabindex="-1">
            <${Select} id=${fid(`/steps/${i}/speakers/${j}/speaker`)} label=${`Ý kiến ${j + 1}: đồng chí`} value=${sp.speaker} options=${roster} onChange=${(v) => change(`/steps/${i}/speakers/${j}/speaker`, v)} problems=${at(`/steps/${i}/speakers/${j}/speaker`)} />
            <${Area} id=${fid(`/steps/${i}/speakers/${j}/opinion`)} label="Nội dung ý kiến" value=${sp.opinion} onInput=${(v) => change(`/steps/${i}/speakers/${j}/opinion`, v)} problems=${at(`/steps/${i}/speakers/${j}/opinion`)} />
            <${RowButtons} pointer=${`/steps/${i}/speakers`} i=${j} count=${s.speakers.length} what="ý kiến" edits=${listEdits(s.speakers, `/steps/${i}/speakers`, change)} reorder=${false} />
          </div>`)}
          ${s.speakers ? html`<${Problems} list=${at(`/steps/${i}/speakers`)} />
            <button type="button" id=${`${fid(`/steps/${i}/speakers`)}:thêm`} onClick=${() => listEdits(s.speakers, `/steps/${i}/speakers`, change).add({ speaker: '', opinion: '' }, 'speaker')}>+ Thêm ý kiến</button>` : null}
        </li>`)}</ol>
      </fieldset>

      ${data.resolution ? html`<${Resolution} data=${data} change=${change} at=${at} roster=${roster} owners=${rec.collectiveOwners ?? ['Chi bộ']} before=${rec.previousTasks ?? {}} suggestion=${rec.numberSuggestion} />` : null}

      ${data.vote ? html`<fieldset id=${fid('/vote')} tabindex="-1"><legend>Biểu quyết thông qua nghị quyết</legend><${Problems} list=${at('/vote')} />
        <p class="voters"><span id="eligible">Số đảng viên có quyền biểu quyết: <strong>${eligible ?? '—'}</strong></span>${voters ? html`, có mặt: <strong id="eligible-present">${voters.present}</strong>` : null}</p><div class="grid">
        <${Text} id=${fid('/vote/for')} label="Tán thành" type="number" min="0" value=${data.vote.for} onInput=${(v) => change('/vote/for', v === '' ? '' : Number(v))} problems=${at('/vote/for')} />
        <${Text} id=${fid('/vote/against')} label="Không tán thành" type="number" min="0" value=${data.vote.against} onInput=${(v) => change('/vote/against', v === '' ? '' : Number(v))} problems=${at('/vote/against')} />
      </div></fieldset>` : null}

      ${data.dues ? html`<${Dues} data=${data} change=${change} at=${at} members=${rec.roster.length} />` : null}

      ${data.score ? html`<fieldset id=${fid('/score')} tabindex="-1"><legend>Chấm điểm chất lượng buổi sinh hoạt</legend><${Problems} list=${at('/score')} />
        <div class="grid">${Object.entries(criteria).map(([k, max]) => html`<${Text} id=${fid(`/score/criteria/${k}`)} label=${`${CRITERION[k] ?? k} (tối đa ${max})`} type="number" min="0" max=${max}
          value=${data.score.criteria?.[k]} onInput=${(v) => change(`/score/criteria/${k}`, v === '' ? '' : Number(v))} problems=${at(`/score/criteria/${k}`)} />`)}</div>
        <p class="total" id=${fid('/score/total')} tabindex="-1" aria-live="polite">Tổng điểm: <strong id="score-total">${scoreTotal}</strong>/${maxTotal} — xếp loại theo tổng điểm: <strong id="score-rating">${RATING[ratingFor(scoreTotal, rec.scoring.thresholds)]}</strong></p>
        <p class="bands" id="rating-bands">Thang xếp loại: ${BANDS.filter(([k]) => rec.scoring.thresholds[k] !== undefined).map(([k, t]) => `${t} từ ${rec.scoring.thresholds[k]} điểm`).join('; ')}; dưới nữa: Kém.</p>
        <${Problems} list=${[...(at('/score/total') ?? []), ...(at('/score/rating') ?? [])]} />
      </fieldset>` : null}
    </form>
    <aside class="list" aria-label="Các vấn đề của biên bản">
      <h2>Kiểm tra ${checking ? html`<span class="checking">(đang kiểm tra…)</span>` : null}</h2>
      <p id="problem-count">${errors === 0 ? `Không có lỗi${warnings > 0 ? `; ${warnings} điều cần xem lại (cảnh báo)` : ''}.` : `${errors} lỗi${warnings > 0 ? `, ${warnings} cảnh báo` : ''}.`}</p>
      <ul id="problem-list">${said.map((p) => html`<li class=${p.severity}><button type="button" class="link" onClick=${() => jump(p)}>${p.ruleId === 'schema' ? p.message : `${p.label}: ${p.message}`}</button></li>`)}</ul>
    </aside>
    <${Preview} path=${path} data=${data} hash=${rec.hash} dirty=${saveState.kind !== 'clean' && saveState.kind !== 'saved'} /></div>
  </div>`;
}

