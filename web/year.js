// The year view: the twelve months of a cell, each sitting with its state and a link to its record.
import { useEffect, useState } from 'preact/hooks';
import { html } from 'htm/preact';
import { api, showDate } from './api.js';
import { KIND, STATE } from './words.js';

/** A folder or file path in the address: each segment encoded, the slashes kept readable. */
export const hashPath = (p) => p.split('/').map(encodeURIComponent).join('/');

/**
 * The year of one cell: `cell` is its folder relative to the served folder ('' = the served folder itself);
 * `back`, on a committee, is the committee page to return to.
 */
export function YearView({ cell = '', onOpen, back }) {
  const [view, setView] = useState(null);
  const [error, setError] = useState('');
  const load = () => {
    setView(null);
    setError('');
    api(`/api/cell${cell ? `?cell=${encodeURIComponent(cell)}` : ''}`).then(({ status, json }) => (status === 200 ? setView(json) : setError(json.error)));
  };
  useEffect(() => { load(); }, [cell]);
  const createNext = async () => {
    const { status, json } = await api('/api/new', cell ? { cell } : {});
    if (status === 201) onOpen(json.path);
    else setError(json.error);
  };
  const backLink = back ? html`<a class="back" href=${back}>← Về trang đảng ủy</a>` : null;
  if (error) return html`<main>${backLink}<p role="alert" class="error-box">${error}</p></main>`;
  if (!view) return html`<p>Đang tải…</p>`;
  return html`<main>
    <header class="top">${backLink}<h1>${view.cell.name} — năm ${view.year}</h1>
      <p>${view.errorCount === 0 ? 'Hồ sơ không có lỗi.' : `${view.errorCount} lỗi, ${view.warningCount} cảnh báo trong hồ sơ.`}
        <button type="button" id="new-record" onClick=${createNext}>Lập biên bản kỳ họp tiếp theo</button></p></header>
    <ol class="months">${view.months.map((m) => html`<li class="month">
      <h2>Tháng ${Number(m.month.slice(5))}</h2>
      ${m.sittings.length === 0 ? html`<p class="none">Không có kỳ họp</p>` : html`<ul>${m.sittings.map((s) => html`<li class=${`sitting ${s.state}`}>
        ${s.file ? html`<a href=${`#/ho-so/${hashPath(s.file)}`}>${showDate(s.date)} · ${KIND[s.kind]}</a>` : html`<span>${showDate(s.date)} · ${KIND[s.kind]}</span>`}
        <span class="state">${STATE[s.state]}${s.errors ? ` (${s.errors})` : ''}</span>
        ${s.topic ? html`<span class="topic">${s.topic}</span>` : null}</li>`)}</ul>`}
    </li>`)}</ol></main>`;
}
