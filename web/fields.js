// Form fields with their label and the problems found beside them: the pieces every form of the page uses.
import { html } from 'htm/preact';

/** The id of the field a JSON pointer names: problems are placed and jumped to by it. */
export const fid = (pointer) => `f:${pointer}`;

export function Problems({ list }) {
  if (!list || list.length === 0) return null;
  return html`<ul class="problems-here">${list.map((p) => html`<li class=${p.severity}>${p.message}</li>`)}</ul>`;
}

export function Select({ id, label, value, options, onChange, problems }) {
  const known = options.some(([v]) => v === value);
  return html`<div class="field"><label for=${id}>${label}</label>
    <select id=${id} onChange=${(e) => onChange(e.currentTarget.value)}>
      ${known ? null : html`<option value=${value ?? ''} selected>${value || '— chọn —'}</option>`}
      ${options.map(([v, t]) => html`<option value=${v} selected=${v === value}>${t}</option>`)}
    </select><${Problems} list=${problems} /></div>`;
}
export function Text({ id, label, value, onInput, problems, type = 'text', ...rest }) {
  return html`<div class="field"><label for=${id}>${label}</label>
    <input id=${id} type=${type} value=${value ?? ''} onInput=${(e) => onInput(e.currentTarget.value)} aria-invalid=${problems?.length ? 'true' : 'false'} ...${rest} />
    <${Problems} list=${problems} /></div>`;
}
export function Area({ id, label, value, onInput, problems }) {
  return html`<div class="field wide"><label for=${id}>${label}</label>
    <textarea id=${id} rows="3" onInput=${(e) => onInput(e.currentTarget.value)} aria-invalid=${problems?.length ? 'true' : 'false'}>${value ?? ''}</textarea>
    <${Problems} list=${problems} /></div>`;
}

