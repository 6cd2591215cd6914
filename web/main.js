// The secretary's page of `cellctl serve`: routes between the committee's home, a cell's year view and the meeting form.
import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { html } from 'htm/preact';
import { api, downloadsWithToken } from './api.js';
import { CommitteeView } from './committee.js';
import { RecordForm } from './form.js';
import { hashPath, YearView } from './year.js';

function App() {
  const [route, setRoute] = useState(location.hash);
  const [kind, setKind] = useState(null); // 'cell' or 'committee': what cellctl serve was started on
  const [error, setError] = useState('');
  const cameFrom = useRef({ cell: null, home: '#/' }); // the cell a record was opened from; the committee page as last seen
  useEffect(() => {
    api('/api/root').then(({ status, json }) => (status === 200 ? setKind(json.kind) : setError(json.error)));
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
  const record = /^#\/ho-so\/(.+)$/.exec(route);
  if (record) return html`<${RecordForm} path=${decodeURIComponent(record[1])} />`;
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
  return html`<${YearView} cell="" onOpen=${(p) => { location.hash = `#/ho-so/${p}`; }} />`;
}

downloadsWithToken();
render(html`<${App} />`, document.getElementById('app'));
