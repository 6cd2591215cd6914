// The year view: a year switcher, the year's problems leading to their fields, the plan, the next sitting, and the twelve months.
import { useEffect, useState } from 'preact/hooks';
import { html } from 'htm/preact';
import { api, showDate } from './api.js';
import { KIND, STATE } from './words.js';

/** A folder or file path in the address: each segment encoded, the slashes kept readable. */
export const hashPath = (p) => p.split('/').map(encodeURIComponent).join('/');

/** Where a problem of the year leads: the cell setup or the record form at its field, or the year's plan. */
export function problemHref(t, cell) {
  const c = cell ? `cell=${encodeURIComponent(cell)}&` : '';
  if (t.page === 'cell') return `#/thiet-lap?${c}truong=${encodeURIComponent(t.path)}`;
  if (t.page === 'record') return `#/ho-so/${hashPath(t.file)}?truong=${encodeURIComponent(t.path)}`;
  if (t.page === 'plan') return `#/ke-hoach/${t.year}${cell ? `?cell=${encodeURIComponent(cell)}` : ''}`;
  return null;
}

/** The next sitting to record, and a question before its record is made. */
function NextSitting({ next, cell, onOpen, shown }) {
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState('');
  if (next.none) {
    // The year shown is the one to plan: the line above already says so and links to its plan.
    if (next.planYear === shown) return null;
    const href = `#/ke-hoach/${next.planYear}${cell ? `?cell=${encodeURIComponent(cell)}` : ''}`;
    return html`<p class="next-sitting none-next">${next.none} <a href=${href} id="plan-next">Lập kế hoạch năm ${next.planYear}</a></p>`;
  }
  const what = `kỳ họp ${KIND[next.kind].toLocaleLowerCase('vi')} ngày ${showDate(next.date)}`;
  const create = async () => {
    const { status, json } = await api('/api/new', cell ? { cell, date: next.date } : { date: next.date });
    if (status === 201) onOpen(json.path);
    else setError(json.error);
  };
  return html`<div class="next-sitting">
    <button type="button" id="new-record" onClick=${() => setAsking(true)} aria-expanded=${asking}>Lập biên bản ${what}</button>
    ${asking ? html`<div class="ask" role="group" aria-label="Lập biên bản">
      <p>Lập biên bản ${what}? Trang sẽ tạo tệp <span class="file">${next.file}</span>${next.replacesStub ? ' (thay bản khung đang có)' : ''}, điền sẵn danh sách đảng viên và các bước sinh hoạt để đồng chí ghi tiếp.</p>
      <button type="button" id="confirm-new" onClick=${create}>Lập biên bản</button>
      <button type="button" class="secondary" onClick=${() => setAsking(false)}>Thôi</button></div>` : null}
    ${error ? html`<p role="alert" class="error-box">${error}</p>` : null}
  </div>`;
}

/** The year's problems as a list; each opens the field it is about. */
function YearProblems({ problems, cell, year }) {
  if (problems.length === 0) return html`<p class="ok">Hồ sơ năm ${year} không có lỗi.</p>`;
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  return html`<details class="year-problems" open=${problems.length <= 8}>
    <summary>${errors ? `${errors} lỗi` : ''}${errors && warnings ? ', ' : ''}${warnings ? `${warnings} cảnh báo` : ''} trong hồ sơ${problems.some((p) => problemHref(p.target, cell)) ? ' — bấm vào một dòng để mở đúng chỗ cần sửa' : ''}</summary>
    <ul>${problems.map((p) => {
      const href = problemHref(p.target, cell);
      return html`<li class=${p.severity}>${href ? html`<a href=${href}>${p.message}</a>` : p.message}</li>`;
    })}</ul></details>`;
}

/**
 * The year of one cell: `cell` is its folder relative to the served folder ('' = the served folder itself);
 * `year` the year to open (default: the year of the next sitting); `back`, on a committee, is the committee page.
 */
export function YearView({ cell = '', year: asked, onOpen, back }) {
  const [view, setView] = useState(null);
  const [error, setError] = useState('');
  const [year, setYear] = useState(asked ?? null);
  useEffect(() => { setYear(asked ?? null); }, [asked, cell]);
  useEffect(() => {
    setView(null);
    setError('');
    const q = [cell ? `cell=${encodeURIComponent(cell)}` : '', year ? `year=${year}` : ''].filter(Boolean).join('&');
    api(`/api/cell${q ? `?${q}` : ''}`).then(({ status, json }) => (status === 200 ? setView(json) : setError(json.error)));
  }, [cell, year]);
  const backLink = back ? html`<a class="back" href=${back}>← Về trang đảng ủy</a>` : null;
  if (error) return html`<main>${backLink}<p role="alert" class="error-box">${error}</p></main>`;
  if (!view) return html`<p>Đang tải…</p>`;
  const c = cell ? `?cell=${encodeURIComponent(cell)}` : '';
  const planHref = `#/ke-hoach/${view.year}${c}`;
  // A year wholly before the cell's records start, with nothing in it: one sentence, not twelve empty months.
  const from = view.cell.recordsFrom;
  const before = from && view.year < Number(from.slice(0, 4)) && !view.planned && view.months.every((m) => m.sittings.length === 0);
  return html`<main>
    <header class="top">${backLink}
      <div class="title-row"><h1>${view.cell.name} — năm ${view.year}</h1>
        <a class="setup-link" href=${`#/thiet-lap${c}`}>Thiết lập chi bộ, danh sách đảng viên</a></div>
      <nav class="years" aria-label="Chọn năm">Năm:
        ${view.years.map((y) => html`<button type="button" class=${y.year === view.year ? 'year current' : 'year'} aria-current=${y.year === view.year ? 'true' : undefined}
          onClick=${() => setYear(y.year)}>${y.year}${y.plan || y.records ? '' : ' (chưa có kế hoạch)'}</button>`)}
      </nav>
      ${before ? null : html`<p class="plan-line">${view.planned
        ? html`Kế hoạch sinh hoạt năm ${view.year}: đã có. <a href=${planHref} id="open-plan">Xem, dời ngày, in kế hoạch</a>`
        : html`Năm ${view.year} chưa có kế hoạch sinh hoạt. <a href=${planHref} id="open-plan">Lập kế hoạch năm ${view.year}</a>`}</p>`}
      <${NextSitting} key=${`${view.year}:${'date' in view.next ? view.next.date : ''}`} next=${view.next} cell=${cell} onOpen=${onOpen} shown=${view.planned ? null : view.year} />
      <${YearProblems} problems=${view.problems} cell=${cell} year=${view.year} />
    </header>
    ${before ? html`<p class="before">Chi bộ lưu hồ sơ bằng cellctl từ tháng ${view.cell.recordsFrom.slice(5)}/${view.cell.recordsFrom.slice(0, 4)}; năm ${view.year} không có gì phải ghi ở đây.</p>` : html`<ol class="months">${view.months.map((m) => html`<li class="month">
      <h2>Tháng ${Number(m.month.slice(5))}</h2>
      ${m.sittings.length === 0 ? html`<p class="none">${view.planned ? 'Không có kỳ họp' : 'Chưa có kế hoạch'}</p>` : html`<ul>${m.sittings.map((s) => html`<li class=${`sitting ${s.state}`}>
        ${s.file ? html`<a href=${`#/ho-so/${hashPath(s.file)}`}>${showDate(s.date)} · ${KIND[s.kind]}</a>` : html`<span>${showDate(s.date)} · ${KIND[s.kind]}</span>`}
        <span class="state">${STATE[s.state]}${s.errors ? ` (${s.errors})` : ''}</span>
        ${s.topic ? html`<span class="topic">${s.topic}</span>` : null}</li>`)}</ul>`}
    </li>`)}</ol>`}</main>`;
}
