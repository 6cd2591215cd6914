// A save refused because another tab or program saved the record meanwhile: each field that differs, by its label, with a choice.
import { useState } from 'preact/hooks';
import { html } from 'htm/preact';
import { setAt, showDate } from './api.js';
import { differences, plain, same, valueAt } from './diff.js';
import { ATTENDANCE, DONE, KIND, RATING, labelOf } from './words.js';

const WORDS = { ...KIND, ...RATING, draft: 'Dự thảo', adopted: 'Đã thông qua', ...Object.fromEntries(ATTENDANCE) };

/** A value as a secretary reads it: a date dd/mm/yyyy, a state in words, a list by its items, blank said so. */
function shown(v) {
  if (v === undefined || v === null || v === '') return '(để trống)';
  if (typeof v === 'boolean') return Object.fromEntries(DONE)[String(v)];
  if (typeof v === 'number') return String(v).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  if (typeof v === 'string') return WORDS[v] ?? showDate(v);
  if (Array.isArray(v)) return v.length === 0 ? '(không có mục nào)' : v.map((x) => (plain(x) ? Object.values(x).filter((y) => typeof y === 'string').slice(0, 2).join(' – ') : shown(x))).join('; ');
  return Object.values(v).filter((y) => typeof y !== 'object').map(shown).join(', ');
}

/**
 * The conflict panel: one row per field that differs (label, what this page holds, what the file now
 * holds), each with a choice; the default keeps the side that changed it since this page last read the
 * file, and this page's where both did. "Ghi theo lựa chọn" saves the choices over the file as it is now.
 */
export function Conflict({ mine, theirs, base, steps, onApply, onReload }) {
  const rows = differences(mine, theirs);
  const [pick, setPick] = useState(() => Object.fromEntries(rows.map((p) => [p, same(valueAt(mine, p), valueAt(base, p)) ? 'theirs' : 'mine'])));
  const apply = () => {
    let merged = theirs;
    for (const p of rows) if ((pick[p] ?? 'mine') === 'mine') merged = setAt(merged, p, valueAt(mine, p));
    onApply(merged);
  };
  return html`<div role="alert" class="error-box conflict" id="conflict">
    <p>Trong lúc trang này mở, biên bản đã được lưu ở nơi khác (một thẻ khác, hoặc một chương trình khác); chưa ghi gì. ${rows.length === 0
      ? 'Nội dung hai bên giống nhau.'
      : `Có ${rows.length} mục khác nhau: chọn giữ bản nào cho từng mục, rồi bấm “Ghi theo lựa chọn”.`}</p>
    ${rows.length > 0 ? html`<table class="conflict-rows"><thead><tr><th scope="col">Mục</th><th scope="col">Trên trang này</th><th scope="col">Đã lưu ở nơi khác</th></tr></thead>
      <tbody>${rows.map((p, i) => html`<tr data-field=${p}>
        <th scope="row">${labelOf(p, plain(theirs) ? theirs : mine, steps)}</th>
        <td><label><input type="radio" name=${`conflict-${i}`} checked=${pick[p] === 'mine'} onChange=${() => setPick({ ...pick, [p]: 'mine' })} /> <span class="value">${shown(valueAt(mine, p))}</span></label></td>
        <td><label><input type="radio" name=${`conflict-${i}`} checked=${pick[p] === 'theirs'} onChange=${() => setPick({ ...pick, [p]: 'theirs' })} /> <span class="value">${shown(valueAt(theirs, p))}</span></label></td>
      </tr>`)}</tbody></table>` : null}
    <button type="button" id="conflict-apply" onClick=${apply}>Ghi theo lựa chọn</button>
    <button type="button" class="secondary" id="reload" onClick=${onReload}>Bỏ thay đổi trên trang, mở bản đã lưu</button>
  </div>`;
}
