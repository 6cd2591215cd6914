// The secretary's page of `cellctl serve`: routes between the year view and the meeting form.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { html } from 'htm/preact';
import { RecordForm } from './form.js';
import { YearView } from './year.js';

function App() {
  const [route, setRoute] = useState(location.hash);
  useEffect(() => {
    const on = () => setRoute(location.hash);
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  const m = /^#\/ho-so\/(.+)$/.exec(route);
  const open = (p) => { location.hash = `#/ho-so/${p}`; };
  return m ? html`<${RecordForm} path=${decodeURIComponent(m[1])} />` : html`<${YearView} onOpen=${open} />`;
}

render(html`<${App} />`, document.getElementById('app'));
