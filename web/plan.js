// The year plan on the page: the library's plan from the cell's customs, dates moved with day-off warnings, saved as plan-YYYY.yaml, printed as the KH .docx.
import { useEffect, useRef, useState } from 'preact/hooks';
import { html } from 'htm/preact';
import { api, showDate } from './api.js';
import { DateField, Problems } from './fields.js';
import { KIND } from './words.js';

const EVENT = { 'committee-prep': 'Chi ủy họp chuẩn bị', 'posting-deadline': 'Hạn gửi tài liệu', 'year-end-review': 'Kiểm điểm cuối năm', other: 'Công việc khác' };

/** `19:30` as Party documents write it: `19 giờ 30`. */
const clock = (t) => (typeof t === 'string' && /^\d{1,2}:\d{2}$/.test(t) ? `${Number(t.slice(0, t.indexOf(':')))} giờ ${t.slice(-2)}` : '');

/** The plan of `year` for the cell `cell` ('' = the served folder); `back` is the year page's address. */
export function PlanView({ cell = '', year, back }) {
  const [view, setView] = useState(null);
  const [dates, setDates] = useState([]);
  const [warnings, setWarnings] = useState([]);
  const [error, setError] = useState('');
  const [saved, setSaved] = useState('');
  const [dirty, setDirty] = useState(false);
  const [asking, setAsking] = useState(false);
  const timer = useRef(0);
  const cellQ = cell ? `&cell=${encodeURIComponent(cell)}` : '';
  const load = () => api(`/api/plan?year=${year}${cellQ}`).then(({ status, json }) => {
    if (status !== 200) return setError(json.error);
    setView(json);
    setDates(json.plan.meetings.map((m) => m.date));
    setWarnings(json.warnings);
    setDirty(false);
  });
  useEffect(() => { load(); }, [cell, year]);

  const move = (i, date) => {
    const next = dates.map((d, j) => (j === i ? date : d));
    setDates(next);
    setDirty(true);
    setSaved('');
    clearTimeout(timer.current);
    timer.current = setTimeout(async () => {
      const { status, json } = await api('/api/plan/check', { cell, year, dates: next });
      if (status === 200) setWarnings(json.warnings);
    }, 250);
  };
  const save = async (replace) => {
    setAsking(false);
    const { status, json } = await api('/api/plan/save', { cell, year, dates, replace });
    if (status === 409) return setAsking(true);
    if (status !== 200) return setError(json.error);
    setError('');
    setSaved(`Đã ghi kế hoạch năm ${year} (${json.file}).`);
    await load();
  };

  if (error && !view) return html`<main><a class="back" href=${back}>← Về năm ${year}</a><p role="alert" class="error-box">${error}</p></main>`;
  if (!view) return html`<p>Đang tải…</p>`;
  const at = (i) => warnings.filter((w) => w.index === i).map((w) => ({ message: w.message, severity: 'warning' }));
  const docx = `/api/plan/docx?year=${year}${cellQ}`;
  return html`<main class="plan">
    <header class="top"><a class="back" href=${back}>← Về năm ${year}</a>
      <h1 tabindex="-1">Kế hoạch sinh hoạt năm ${year}</h1>
      <p>${view.saved ? `Kế hoạch đã ghi (plan-${year}.yaml).` : 'Bản đề xuất lập theo nền nếp sinh hoạt của chi bộ, chưa ghi. Xem lại, dời ngày nếu cần, rồi bấm Ghi kế hoạch.'}
        ${' '}Dời một ngày họp: sửa ô ngày; trang báo ngay nếu ngày mới trùng ngày nghỉ lễ, Tết hay ngày nghỉ cuối tuần.</p>
      ${view.notes.length ? html`<ul class="notes">${view.notes.map((n) => html`<li>${n}</li>`)}</ul>` : null}
      <div class="savebar">
        <button type="button" id="save-plan" onClick=${() => save(false)}>${view.saved ? 'Ghi thay đổi' : 'Ghi kế hoạch'}</button>
        ${view.saved && !dirty
          ? html`<a class="button" id="print-plan" href=${docx} download=${`ke-hoach-chuyen-de-${year}.docx`}>In kế hoạch chuyên đề (.docx)</a>`
          : html`<span class="hint">In kế hoạch chuyên đề (.docx) sau khi ghi.</span>`}
      </div>
      ${asking ? html`<div class="ask" role="alertdialog" aria-label="Thay kế hoạch đã ghi">
        <p>Đã có kế hoạch năm ${year}. Ghi đè bằng các ngày trên trang?</p>
        <button type="button" id="replace-plan" onClick=${() => save(true)}>Ghi đè kế hoạch</button>
        <button type="button" class="secondary" onClick=${() => setAsking(false)}>Thôi</button></div>` : null}
      ${saved ? html`<p role="status" class="saved">${saved}</p>` : null}
      ${error ? html`<p role="alert" class="error-box">${error}</p>` : null}
    </header>
    <table class="plan-table"><caption class="sr">Các kỳ sinh hoạt năm ${year}</caption>
      <thead><tr><th scope="col">Tháng</th><th scope="col">Kỳ họp</th><th scope="col">Ngày họp</th><th scope="col">Giờ, địa điểm</th><th scope="col">Chuyên đề</th></tr></thead>
      <tbody>${view.plan.meetings.map((m, i) => html`<tr class=${at(i).length ? 'warn' : ''}>
        <td>${Number(m.date.slice(5, 7))}</td>
        <td>${KIND[m.kind] ?? m.kind}</td>
        <td><${DateField} id=${`p:${i}`} label=${`Ngày họp ${KIND[m.kind]?.toLocaleLowerCase('vi') ?? ''} tháng ${Number(m.date.slice(5, 7))}`} value=${dates[i]} onInput=${(v) => move(i, v)} problems=${at(i)} /></td>
        <td>${clock(m.start)}${m.place ? `, ${m.place}` : ''}</td>
        <td>${m.topic ?? ''}${m.presenter ? html`<span class="presenter">Chuẩn bị: ${m.presenter}</span>` : null}</td>
      </tr>`)}</tbody>
    </table>
    ${view.plan.events?.length ? html`<details class="events"><summary>Các mốc công việc khác (${view.plan.events.length})</summary>
      <ul>${view.plan.events.map((e) => html`<li>${showDate(e.date)}: ${e.title ?? EVENT[e.kind] ?? ''}</li>`)}</ul></details>` : null}
  </main>`;
}
