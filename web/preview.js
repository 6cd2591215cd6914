// The preview beside the form: the minutes, resolution and quality sheet as render lays them out, from the unsaved form, and the print buttons.
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { html } from 'htm/preact';
import { api } from './api.js';

const TABS = [['minutes', 'Biên bản'], ['resolution', 'Nghị quyết'], ['score-sheet', 'Phiếu đánh giá']];
/** An A4 sheet's width in CSS pixels (210 mm at 96 px to the inch): the sheet is zoomed to the panel's width. */
const SHEET_PX = 794;
/** How long after the last change the preview is rebuilt (as the live check waits). */
const DELAY_MS = 400;

const KB = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

/** Tabs as WAI-ARIA tabs: real buttons, arrow keys (and Home, End) move between them, Tab goes to the sheet. */
function Tabs({ doc, onSelect }) {
  const refs = useRef([]);
  const key = (e, i) => {
    const to = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: TABS.length - 1 }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    const j = (to + TABS.length) % TABS.length;
    onSelect(TABS[j][0]);
    refs.current[j]?.focus();
  };
  return html`<div role="tablist" aria-label="Văn bản xem trước" class="preview-tabs">${TABS.map(([id, label], i) => html`
    <button type="button" role="tab" id=${`tab-${id}`} aria-controls="preview-sheet" aria-selected=${doc === id ? 'true' : 'false'}
      tabindex=${doc === id ? '0' : '-1'} ref=${(el) => (refs.current[i] = el)} onClick=${() => onSelect(id)} onKeyDown=${(e) => key(e, i)}>${label}</button>`)}
  </div>`;
}

/** The files a print wrote: name, size and SHA-256 (selectable, to copy into a register). */
function Printed({ reply }) {
  return html`<div class="printed" role="status">
    ${reply.note ? html`<p class="note">${reply.note}</p>` : null}
    <p>Đã ghi ${reply.files.length} tệp:</p>
    <ul>${reply.files.map((f) => html`<li>
      <span class="printed-name">${f.path}</span> <span class="printed-size">(${KB.format(f.size / 1024)} KB)</span>
      <div class="printed-hash"><span class="printed-label">SHA-256: </span><code class="sha256" data-file=${f.path}>${f.sha256}</code></div>
    </li>`)}</ul></div>`;
}

/** Writing the saved record's documents: refused while the form has unsaved changes, asks before overwriting. */
function PrintBar({ path, data, hash, dirty }) {
  const [pdf, setPdf] = useState(false);
  const [outDir, setOutDir] = useState('');
  const [opened, setOpened] = useState('');
  const [state, setState] = useState({ kind: 'idle' });
  useEffect(() => {
    api(`/api/print-info?path=${encodeURIComponent(path)}`)
      .then(({ status, json }) => { if (status === 200) { setPdf(json.pdf); setOutDir(json.outDir ?? ''); } })
      .catch(() => {});
  }, [path]);
  const openFolder = async () => {
    const { status, json } = await api('/api/open-out', { path }).catch(() => ({ status: 0, json: { error: 'Không gửi được tới cellctl serve (đã dừng?).' } }));
    setOpened(status === 200 ? `Đã mở thư mục ${json.opened}.` : json.error ?? `Lỗi ${status}.`);
  };
  const print = async (withPdf, force = false) => {
    setState({ kind: 'printing', pdf: withPdf });
    const reply = await api('/api/print', { path, base: hash, data, pdf: withPdf, force }).catch(() => ({ status: 0, json: { error: 'Không gửi được tới cellctl serve (đã dừng?).' } }));
    const { status, json } = reply;
    if (status === 200) setState({ kind: 'done', reply: json });
    else if (status === 409 && json.exists) setState({ kind: 'confirm', pdf: withPdf, exists: json.exists, message: json.error });
    else setState({ kind: 'failed', message: json.error ?? `Lỗi ${status}.` });
  };
  const busy = state.kind === 'printing';
  return html`<div class="print-bar">
    <div class="print-buttons">
      <button type="button" id="print-docx" onClick=${() => print(false)} disabled=${dirty || busy}>Ghi .docx</button>
      ${pdf ? html`<button type="button" id="print-pdf" onClick=${() => print(true)} disabled=${dirty || busy}>Ghi .docx và PDF</button>` : null}
      ${dirty ? html`<span class="print-hint" id="print-hint">Lưu trước khi in.</span>` : null}
      ${busy ? html`<span class="print-hint" role="status">Đang ghi${state.pdf ? ' (PDF mất vài giây)' : ''}…</span>` : null}
    </div>
    ${outDir ? html`<p class="out-dir">Bản in ghi vào thư mục <code id="out-dir">${outDir}</code>
      <button type="button" class="small secondary" id="open-out" onClick=${openFolder}>Mở thư mục</button>
      ${opened ? html`<span class="print-hint" role="status" id="open-out-state">${opened}</span>` : null}</p>` : null}
    ${state.kind === 'confirm' ? html`<div role="alert" class="confirm" id="print-confirm">
      <p>${state.message}</p><ul>${state.exists.map((f) => html`<li class="printed-name">${f}</li>`)}</ul>
      <button type="button" id="print-overwrite" onClick=${() => print(state.pdf, true)}>Ghi đè</button>
      <button type="button" class="secondary" onClick=${() => setState({ kind: 'idle' })}>Không ghi</button>
    </div>` : null}
    ${state.kind === 'failed' ? html`<p role="alert" class="error-box" id="print-error">${state.message}</p>` : null}
    ${state.kind === 'done' ? html`<${Printed} reply=${state.reply} />` : null}
  </div>`;
}

/**
 * The preview panel: tabs for the three documents, the sheet the server built (its HTML is escaped there,
 * and the CSP forbids any script in it), rebuilt a moment after each change of the form, and the print bar.
 */
export function Preview({ path, data, hash, dirty }) {
  const [doc, setDoc] = useState('minutes');
  const [view, setView] = useState(null);
  const [loading, setLoading] = useState(false);
  const seq = useRef(0);
  const timer = useRef(undefined);
  const first = useRef(true);
  const paper = useRef(null);

  useEffect(() => {
    clearTimeout(timer.current);
    const run = async () => {
      const mine = ++seq.current;
      setLoading(true);
      const { status, json } = await api('/api/preview', { path, data, doc }).catch(() => ({ status: 0, json: { error: 'Không gửi được tới cellctl serve (đã dừng?).' } }));
      if (mine !== seq.current) return; // a later change is being laid out: this answer is stale
      setLoading(false);
      setView(status === 200 ? json : { reason: json.error ?? `Lỗi ${status}.` });
    };
    // The first sheet at once; then a moment after the last keystroke, as the live check.
    if (first.current) { first.current = false; run(); } else timer.current = setTimeout(run, DELAY_MS);
    return () => clearTimeout(timer.current);
  }, [path, data, doc]);
  const select = (id) => { if (id !== doc) { first.current = true; setDoc(id); } };

  // The layout's figures (margins, sizes) go in through the CSSOM: the CSP refuses style attributes.
  useLayoutEffect(() => {
    const el = paper.current;
    if (!el || !view?.vars) return;
    for (const [k, v] of Object.entries(view.vars)) el.style.setProperty(k, v);
  }, [view]);
  // The A4 sheet zoomed to the panel's width, so it reads as a page and never needs side scrolling.
  useLayoutEffect(() => {
    const el = paper.current;
    if (!el) return undefined;
    const fit = () => el.style.setProperty('--sheet-zoom', String(Math.min(1, Math.max(0.3, (el.clientWidth - 24) / SHEET_PX))));
    fit();
    const watch = new ResizeObserver(fit);
    watch.observe(el);
    return () => watch.disconnect();
  }, []);

  return html`<section class="preview" aria-label="Xem trước bản in">
    <h2>Xem trước bản in ${loading ? html`<span class="checking">(đang cập nhật…)</span>` : null}</h2>
    <${PrintBar} path=${path} data=${data} hash=${hash} dirty=${dirty} />
    <${Tabs} doc=${doc} onSelect=${select} />
    ${view?.note ? html`<p class="preview-note" id="preview-note">${view.note}</p>` : null}
    <div class="paper" ref=${paper} id="preview-sheet" role="tabpanel" aria-labelledby=${`tab-${doc}`} tabindex="0">
      ${view?.html !== undefined
        ? html`<div class="sheet-holder" dangerouslySetInnerHTML=${{ __html: view.html }} />`
        : html`<p class="preview-reason" id="preview-reason">${view ? view.reason : 'Đang dựng bản xem trước…'}</p>`}
    </div>
  </section>`;
}
