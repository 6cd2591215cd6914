// The secretary's page of `cellctl serve`: routes between the committee's home, a cell's year view and the meeting form.
import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { html } from 'htm/preact';
import { api, downloadsWithToken } from './api.js';
import { CommitteeView } from './committee.js';
import { CellSetup, focusField } from './cell.js';
import { RecordForm } from './form.js';
import { PlanView } from './plan.js';
import { hashPath, YearView } from './year.js';

/** A record opened at a field (`?truong=` from the year's problem list): the field is focused once the form shows it. */
let watching = null;
function focusWhenShown(pointer) {
  watching?.disconnect();
  const seek = () => focusField('f:', pointer);
  // The form puts the focus on its heading once the record is open (the link that opened it is gone): the
  // field asked for takes it back from the heading, once; the person's own clicks and keys are left alone.
  const back = (e) => { if (e.target instanceof HTMLHeadingElement) { stop(); seek(); } };
  const stop = () => {
    watching?.disconnect();
    document.removeEventListener('focusin', back);
    document.removeEventListener('pointerdown', stop);
    document.removeEventListener('keydown', stop);
  };
  document.addEventListener('focusin', back);
  document.addEventListener('pointerdown', stop, { once: true });
  document.addEventListener('keydown', stop, { once: true });
  window.addEventListener('hashchange', stop, { once: true });
  if (seek()) return;
  watching = new MutationObserver(() => { if (seek()) watching.disconnect(); });
  watching.observe(document.getElementById('app'), { childList: true, subtree: true });
}

function App() {
  const [route, setRoute] = useState(location.hash);
  const [kind, setKind] = useState(null); // 'cell' or 'committee': what cellctl serve was started on
  const [error, setError] = useState('');
  const cameFrom = useRef({ cell: null, home: '#/' }); // the cell a record was opened from; the committee page as last seen
  const loadRoot = () => api('/api/root').then(({ status, json }) => (status === 200 ? setKind(json.kind) : setError(json.error)));
  useEffect(() => {
    loadRoot();
    let last = location.hash;
    const on = () => {
      // The form's "back to the year" link leads to #/; on a committee, a record's year is its own cell's.
      if ((location.hash === '' || location.hash === '#/') && /^#\/ho-so\//.test(last) && cameFrom.current.cell !== null) {
        location.replace(`#/chi-bo/${hashPath(cameFrom.current.cell)}`);
        return;
      }
      last = location.hash;
      setRoute(location.hash);
    };
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);

  if (error) return html`<main><p role="alert" class="error-box">${error}</p></main>`;
  if (!kind) return html`<p>Đang tải…</p>`;
  // A new folder: the cell setup is the first screen; once written, the cell's year.
  if (kind === 'new') return html`<${CellSetup} onSaved=${() => { location.hash = '#/'; loadRoot(); }} />`;
  const [where, query = ''] = route.split('?');
  const params = new URLSearchParams(query);
  const record = /^#\/ho-so\/(.+)$/.exec(where);
  if (record) {
    const field = params.get('truong');
    if (field) focusWhenShown(field);
    return html`<${RecordForm} path=${decodeURIComponent(record[1])} />`;
  }
  const cellParam = params.get('cell') ?? '';
  const yearOf = cellParam ? `#/chi-bo/${hashPath(cellParam)}` : '#/';
  if (where === '#/thiet-lap') return html`<${CellSetup} cell=${cellParam} field=${params.get('truong')} back=${yearOf} />`;
  const plan = /^#\/ke-hoach\/(\d{4})$/.exec(where);
  if (plan) return html`<${PlanView} cell=${cellParam} year=${Number(plan[1])} back=${cellParam ? yearOf : `#/nam/${plan[1]}`} />`;
  const cell = /^#\/chi-bo\/(.+)$/.exec(route);
  if (kind === 'committee' && cell) {
    const path = decodeURIComponent(cell[1]);
    cameFrom.current.cell = path; // a record opened from here goes back here
    return html`<${YearView} cell=${path} onOpen=${(p) => { location.hash = `#/ho-so/${p}`; }} back=${cameFrom.current.home} />`;
  }
  if (kind === 'committee') {
    const period = /^#\/ky\/([^/]+)$/.exec(route)?.[1] ?? null;
    cameFrom.current = { cell: null, home: period ? `#/ky/${period}` : '#/' };
    return html`<${CommitteeView} period=${period} onPeriod=${(p) => { location.hash = `#/ky/${p}`; }} cellHref=${(p) => `#/chi-bo/${hashPath(p)}`} />`;
  }
  cameFrom.current.cell = null;
  const year = /^#\/nam\/(\d{4})$/.exec(where)?.[1];
  return html`<${YearView} cell="" year=${year ? Number(year) : undefined} onOpen=${(p) => { location.hash = `#/ho-so/${p}`; }} />`;
}

downloadsWithToken();
render(html`<${App} />`, document.getElementById('app'));
