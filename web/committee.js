// The committee's home: its report on a period, one row per cell linked into the cell's year, the cells needing attention, downloads.
import { useEffect, useState } from 'preact/hooks';
import { html } from 'htm/preact';
import { api, showDate } from './api.js';

const ROMAN = ['I', 'II', 'III', 'IV'];
/** What the period chooser offers besides the whole year: quarters, then months. */
const SCOPES = [['', 'Cả năm'], ...[1, 2, 3, 4].map((q) => [`Q${q}`, `Quý ${ROMAN[q - 1]}`]), ...Array.from({ length: 12 }, (_, i) => [String(i + 1).padStart(2, '0'), `Tháng ${i + 1}`])];

/** `2026-Q4` → ['2026', 'Q4']; `2026-11` → ['2026', '11']; `2026` → ['2026', '']. */
function splitPeriod(period) {
  const m = /^(\d{4})(?:-(Q[1-4]|\d{2}))?$/i.exec(period ?? '');
  return m ? [m[1], (m[2] ?? '').toUpperCase()] : [null, ''];
}

/** A table cell coloured as the HTML report colours it. */
const td = (shade, content, num = true) => html`<td class=${[num ? 'num' : '', shade].filter(Boolean).join(' ')}>${content}</td>`;

export function CommitteeView({ period, onPeriod, cellHref }) {
  const [data, setData] = useState(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState('');
  useEffect(() => {
    let current = true; // a period chosen since is the one to show: a slower, older answer is dropped
    setLoading(true);
    api(`/api/committee${period ? `?period=${encodeURIComponent(period)}` : ''}`)
      .catch(() => ({ status: 0, json: { error: 'Không kết nối được tới cellctl serve (đã dừng?); chạy lại rồi tải lại trang.' } }))
      .then(({ status, json }) => {
        if (!current) return;
        setLoading(false);
        if (status === 200) { setData(json); setError(''); } else setError(json.error);
      });
    return () => { current = false; };
  }, [period]);
  if (!data) return error ? html`<main><p role="alert" class="error-box">${error}</p></main>` : html`<p>Đang tính số liệu của các chi bộ…</p>`;

  const r = data.report;
  const asOfYear = Number(r.asOf.slice(0, 4));
  const [year, scope] = period ? splitPeriod(period) : [String(asOfYear), ''];
  const choose = (y, s) => onPeriod(s ? `${y}-${s}` : y);
  const years = Array.from({ length: 5 }, (_, i) => String(asOfYear - i));
  if (!years.includes(year)) years.unshift(year);
  const query = period ? `&period=${encodeURIComponent(period)}` : '';
  const name = (cell, path) => (path ? html`<a href=${cellHref(path)}>${cell.name}</a>` : cell.name);
  const t = r.totals;

  return html`<main class="committee">
    <header class="top">
      ${r.parent ? html`<p class="parent">${r.parent}</p>` : null}
      <h1>${r.committee || 'Các chi bộ trong thư mục'}</h1>
      <p class="title">Báo cáo kết quả sinh hoạt chi bộ <strong id="period-label">${r.period.label}</strong> · số liệu tính đến ngày <span id="as-of">${showDate(r.asOf)}</span>${loading ? html` <span class="checking" role="status">(đang tính…)</span>` : null}</p>
      <form class="period" onSubmit=${(e) => e.preventDefault()}>
        <label for="period-year">Năm</label>
        <select id="period-year" onChange=${(e) => choose(e.currentTarget.value, scope)}>
          ${years.map((y) => html`<option value=${y} selected=${y === year}>${y}</option>`)}</select>
        <label for="period-scope">Kỳ</label>
        <select id="period-scope" onChange=${(e) => choose(year, e.currentTarget.value)}>
          ${SCOPES.map(([v, label]) => html`<option value=${v} selected=${v === scope}>${label}</option>`)}</select>
      </form>
      <p class="downloads">Tải báo cáo:${' '}
        <a class="button" id="download-xlsx" href=${`/api/report-file?format=xlsx${query}`} download>Bảng tính (.xlsx)</a>
        <a class="button" id="download-docx" href=${`/api/report-file?format=docx${query}`} download>Văn bản Word (.docx)</a>
        <a class="button" id="download-html" href=${`/api/report-file?format=html${query}`} download>Trang web (.html)</a></p>
      ${error ? html`<p role="alert" class="error-box">${error}</p>` : null}
    </header>
    <p class="totals" id="totals">${[
      `${t.cells} chi bộ`, `${t.reporting} đã gửi hồ sơ`, `${t.compliant} thực hiện đầy đủ`, `sinh hoạt đều hằng tháng ${data.totals.rhythm}`,
      `tỷ lệ dự bình quân ${data.totals.attendance}`, `điểm bình quân ${data.totals.score}`, `${t.errorCount} lỗi, ${t.warningCount} cảnh báo`,
    ].join(' · ')}</p>
    <div class="report-columns">
      <section class="cells" aria-labelledby="cells-title">
        <h2 id="cells-title">Số liệu từng chi bộ</h2>
        <table class="cells-table" id="cells">
          <thead><tr><th scope="col">TT</th><th scope="col">Chi bộ</th><th scope="col">Tình trạng</th>
            <th scope="col">Thường kỳ<br /><small>tháng đã họp / phải họp</small></th>
            <th scope="col">Chuyên đề<br /><small>buổi đã họp / quý phải có</small></th>
            <th scope="col">Tỷ lệ dự</th><th scope="col">Lỗi / cảnh báo</th><th scope="col">Điểm BQ</th><th scope="col">Xếp loại</th></tr></thead>
          <tbody>${r.cells.map((cell, i) => {
            const v = data.rows[i];
            return html`<tr data-folder=${cell.folder}>
              <td class="num">${i + 1}</td>
              <th scope="row" class="name">${name(cell, v.path)}</th>
              <td class=${`status ${v.shade.status}`}>${v.status}${cell.statusNote ? html`<small>${cell.statusNote}</small>` : null}</td>
              ${td(v.shade.regular, html`<span class="fig">${v.regular}</span>${v.missingMonths ? html`<small>thiếu ${v.missingMonths}</small>` : null}`)}
              ${td(v.shade.thematic, html`<span class="fig">${v.thematic}</span>${v.missingQuarters ? html`<small>thiếu quý ${v.missingQuarters}</small>` : null}`)}
              ${td(v.shade.attendance, v.attendance)}
              ${td(v.shade.problems, v.problems)}
              ${td(v.shade.score, v.score)}
              ${td(v.shade.score, v.ratingText || '–', false)}
            </tr>`;
          })}</tbody>
        </table>
      </section>
      <section class="attention" aria-labelledby="attention-title">
        <h2 id="attention-title">Chi bộ cần quan tâm</h2>
        ${r.attention.length === 0 ? html`<p>Không có.</p>` : html`<ol id="attention">${r.attention.map((a) => {
          const path = data.rows.find((v) => v.folder === a.folder)?.path;
          return html`<li><strong>${path ? html`<a href=${cellHref(path)}>${a.name}</a>` : a.name}</strong>: ${a.reasons.join('; ')}</li>`;
        })}</ol>`}
      </section>
    </div>
  </main>`;
}
