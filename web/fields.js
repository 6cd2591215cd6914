// Form fields with their label and the problems found beside them: the pieces every form of the page uses.
import { useEffect, useRef, useState } from 'preact/hooks';
import { html } from 'htm/preact';
import { isoDate, readDate, showDate } from './api.js';
import { readMoney, showMoney } from './money.js';

/** The id of the field a JSON pointer names: problems are placed and jumped to by it. */
export const fid = (pointer) => `f:${pointer}`;

export function Problems({ list }) {
  if (!list || list.length === 0) return null;
  return html`<ul class="problems-here">${list.map((p) => html`<li class=${p.severity}>${p.message}</li>`)}</ul>`;
}

/** A choice among `options` ([value, text] pairs), or among `groups` ([heading, options] pairs, shown as optgroups). */
export function Select({ id, label, value, options = [], groups, onChange, problems }) {
  const all = groups ? groups.flatMap(([, o]) => o) : options;
  const known = all.some(([v]) => v === value);
  const list = (o) => o.map(([v, t]) => html`<option value=${v} selected=${v === value}>${t}</option>`);
  return html`<div class="field"><label for=${id}>${label}</label>
    <select id=${id} onChange=${(e) => onChange(e.currentTarget.value)} aria-invalid=${problems?.length ? 'true' : 'false'}>
      ${known ? null : html`<option value=${value ?? ''} selected>${value || '— chọn —'}</option>`}
      ${groups ? groups.map(([heading, o]) => html`<optgroup label=${heading}>${list(o)}</optgroup>`) : list(options)}
    </select><${Problems} list=${problems} /></div>`;
}

/**
 * A date typed dd/mm/yyyy the Party's way (05/6/2026), or picked on the browser's calendar: a native
 * <input type=date> shows the browser's locale (mm/dd/yyyy in an English Chromium), so the text field is
 * what is read and typed, and the calendar only fills it. `value` is as the model stores it (YYYY-MM-DD).
 */
export function DateField({ id, label, value, onInput, problems }) {
  const picker = useRef(null);
  const open = () => {
    try {
      picker.current.showPicker();
    } catch {
      document.getElementById(id)?.focus(); // no calendar here (an old browser): typing still works
    }
  };
  return html`<div class="field date"><label for=${id}>${label}</label>
    <div class="date-row">
      <input id=${id} value=${showDate(value)} inputmode="numeric" placeholder="dd/mm/yyyy" autocomplete="off"
        onInput=${(e) => onInput(readDate(e.currentTarget.value))} aria-invalid=${problems?.length ? 'true' : 'false'} />
      <input type="date" class="picker" id=${`${id}:lịch`} ref=${picker} tabindex="-1" aria-hidden="true" value=${isoDate.test(value ?? '') ? value : ''}
        onChange=${(e) => e.currentTarget.value && onInput(e.currentTarget.value)} />
      <button type="button" class="calendar" onClick=${open} aria-label=${`Chọn ${label.toLocaleLowerCase('vi')} trên lịch`}>Lịch</button>
    </div><${Problems} list=${problems} /></div>`;
}
export function Text({ id, label, value, onInput, problems, type = 'text', ...rest }) {
  return html`<div class="field"><label for=${id}>${label}</label>
    <input id=${id} type=${type} value=${value ?? ''} onInput=${(e) => onInput(e.currentTarget.value)} aria-invalid=${problems?.length ? 'true' : 'false'} ...${rest} />
    <${Problems} list=${problems} /></div>`;
}
export function Area({ id, label, value, onInput, problems, rows = 3 }) {
  return html`<div class="field wide"><label for=${id}>${label}</label>
    <textarea id=${id} rows=${rows} value=${value ?? ''} onInput=${(e) => onInput(e.currentTarget.value)} aria-invalid=${problems?.length ? 'true' : 'false'}></textarea>
    <${Problems} list=${problems} /></div>`;
}


/**
 * A sum in đồng typed the Vietnamese way (560.000, 560 000, 560.000 đ). What is typed stays as typed (never
 * rewritten under the caret); the sum it was read as is said below it, and what cannot be read for sure is
 * a message, while the model keeps the text so that nothing changes without a word.
 */
export function MoneyField({ id, label, value, onInput, problems }) {
  const shown = (v) => (typeof v === 'number' ? showMoney(v) : v ?? '');
  const [text, setText] = useState(shown(value));
  // A value from elsewhere (loaded, reloaded, taken from another tab) replaces the text; one typed here does not.
  useEffect(() => {
    const read = readMoney(text);
    if (!(read.ok && read.value === value) && text !== value) setText(shown(value));
  }, [value]);
  const read = readMoney(text);
  const note = `${id}:đọc`;
  const typed = (e) => {
    const t = e.currentTarget.value;
    setText(t);
    const r = readMoney(t);
    onInput(r.ok ? r.value : t);
  };
  // The checker's own words for a text in a number field are replaced by the reason it could not be read.
  const list = read.ok ? problems : [{ severity: 'error', message: read.message }];
  return html`<div class="field money"><label for=${id}>${label}</label>
    <input id=${id} value=${text} inputmode="numeric" autocomplete="off" placeholder="ví dụ 560.000" onInput=${typed}
      aria-describedby=${note} aria-invalid=${list?.length ? 'true' : 'false'} />
    <p class="read-as" id=${note}>${read.ok && read.value !== '' ? `Đọc là: ${showMoney(read.value)} đồng` : ''}</p>
    <${Problems} list=${list} /></div>`;
}
