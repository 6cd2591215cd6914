// The page's talk with cellctl serve, and the small data helpers every view shares (dates, JSON pointers).
import { shortDate } from '../src/util/vi-date.ts';

/** Where the tab keeps the token: sessionStorage is this tab's and this origin's (port) alone, and no request carries it unasked. */
const KEY = 'cellctl-token';
/** The header every API call carries the token in (the server sets no cookie: a browser sends cookies to every port). */
const HEADER = 'X-Cellctl-Token';
const NO_TOKEN = 'Trang này cần mã truy cập: mở đúng địa chỉ cellctl serve đã in trong cửa sổ dòng lệnh (có #t=…).';

/**
 * The token, taken once from the address: `#t=TOKEN` (the URL printed in the terminal) is kept as is;
 * `#c=CODE` (what the browser opener was given, visible to other users) is traded once for it. Either is
 * wiped from the address and history at once; what follows it (`#t=…#/ho-so/…`) is where the page goes.
 */
function takeToken() {
  const m = /^#([tc])=([0-9a-f]+)(#.*)?$/.exec(location.hash);
  if (!m) return Promise.resolve(sessionStorage.getItem(KEY));
  history.replaceState(null, '', `${location.pathname}${m[3] ?? '#/'}`);
  if (m[1] === 't') {
    sessionStorage.setItem(KEY, m[2]);
    return Promise.resolve(m[2]);
  }
  return fetch('/session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code: m[2] }) })
    .then(async (res) => {
      const json = await res.json().catch(() => ({}));
      if (res.status !== 200 || typeof json.token !== 'string') throw new Error(json.error ?? NO_TOKEN);
      sessionStorage.setItem(KEY, json.token);
      return json.token;
    });
}

/** The token once the address has given it (read synchronously at load, so the first route is already clean). */
const token = takeToken();
token.catch(() => {});

/** A request to this server with the token; fails with the reason when the tab has none. */
async function call(path, init = {}) {
  const t = await token;
  if (!t) throw Object.assign(new Error(NO_TOKEN), { status: 403 });
  return fetch(path, { ...init, headers: { ...init.headers, [HEADER]: t } });
}

/** A JSON request to this server; a refusal becomes an Error with the server's Vietnamese message. */
export async function api(path, body) {
  let res;
  try {
    res = await call(path, body === undefined ? {} : { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  } catch (e) {
    // No token in this tab, or the opener's code already used: the page shows why. A network failure (TypeError) stays one.
    if (e instanceof TypeError) throw e;
    return { status: 403, json: { error: e.message } };
  }
  const json = await res.json().catch(() => ({ error: `Máy chủ trả lời lỗi ${res.status}.` }));
  return { status: res.status, json };
}

/** The file name a download's Content-Disposition gives (`filename*=UTF-8''…` or `filename="…"`). */
function fileName(disposition, fallback) {
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '');
  if (star) return decodeURIComponent(star[1]);
  return /filename="([^"]+)"/i.exec(disposition ?? '')?.[1] ?? fallback;
}

/**
 * Links the browser would fetch by itself (`<a download href="/api/…">`) carry no header: they are fetched
 * here with the token instead and handed to the browser as a blob, under the server's file name.
 */
export function downloadsWithToken() {
  document.addEventListener('click', async (event) => {
    const link = event.target instanceof Element ? event.target.closest('a[download][href^="/api/"]') : null;
    if (!link || event.defaultPrevented || event.button !== 0) return;
    event.preventDefault();
    let res;
    try {
      res = await call(link.getAttribute('href'));
    } catch (e) {
      alert(e.message);
      return;
    }
    if (res.status !== 200) {
      const json = await res.json().catch(() => ({}));
      alert(json.error ?? `Không tải được tệp (lỗi ${res.status}).`);
      return;
    }
    const blob = await res.blob();
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = fileName(res.headers.get('Content-Disposition'), 'tai-ve');
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 60_000);
  });
}

export const isoDate = /^\d{4}-\d{2}-\d{2}$/;
/** A date as shown: dd/mm/yyyy the Party's way; anything else as typed. */
export const showDate = (v) => (typeof v === 'string' && isoDate.test(v) ? shortDate(v) : v ?? '');
/** A date as typed (d/m/yyyy) back to YYYY-MM-DD; what cannot be read stays as typed, for the checker to name. */
export function readDate(text) {
  const m = /^\s*(\d{1,2})\s*\/\s*(\d{1,2})\s*\/\s*(\d{4})\s*$/.exec(text);
  return m ? `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}` : text;
}

/** A copy of `obj` with `value` at the JSON pointer `path` (undefined removes the key). */
export function setAt(obj, path, value) {
  const keys = path.split('/').slice(1);
  const copy = Array.isArray(obj) ? [...obj] : { ...obj };
  const [head, ...rest] = keys;
  const key = Array.isArray(copy) ? Number(head) : head;
  if (rest.length === 0) {
    if (value === undefined) delete copy[key];
    else copy[key] = value;
  } else copy[key] = setAt(copy[key] ?? {}, `/${rest.join('/')}`, value);
  return copy;
}

