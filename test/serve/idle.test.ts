// `cellctl serve` gives back the memory checking grew once the page is idle, and checks again after that.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyExample } from '../helpers.js';
import { serve, type Served } from './browser.js';

/** A line of /proc/<pid>/status in kB (VmRSS) or as a count (Threads). */
function status(pid: number, key: 'VmRSS' | 'Threads'): number {
  const m = new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(m?.[1]);
}

describe.runIf(process.platform === 'linux')('cellctl serve when the page is idle', { timeout: 120_000 }, () => {
  let served: Served;
  let call: (path: string, body?: unknown) => Promise<{ status: number; json: any }>;

  beforeAll(async () => {
    served = await serve(copyExample());
    const token = served.token;
    const origin = new URL(served.url).origin;
    call = async (path, body) => {
      const r = await fetch(`${origin}${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: r.status, json: await r.json() };
    };
  }, 60_000);
  afterAll(async () => {
    expect(await served?.stop()).toBe(0);
  });

  it('checks in a thread of its own that ends when idle; RSS falls under 100 MB; the next check works', async () => {
    const path = 'meetings/2026-06.yaml';
    const threadsAtStart = status(served.pid, 'Threads');
    const record = await call(`/api/record?path=${path}`);
    expect(record.status).toBe(200);
    for (let i = 0; i < 20; i++) {
      const r = await call('/api/check', { path, data: { ...record.json.data, place: `Hội trường ${i}` } });
      expect(r.json.problems).toEqual([]);
    }
    expect(status(served.pid, 'Threads')).toBeGreaterThan(threadsAtStart);
    const busy = status(served.pid, 'VmRSS');

    // The thread ends after IDLE_MS (15 s) without a request, and its heap goes with it.
    await expect.poll(() => status(served.pid, 'Threads'), { timeout: 60_000, interval: 500 }).toBe(threadsAtStart);
    const idle = status(served.pid, 'VmRSS');
    expect(idle).toBeLessThan(100 * 1024);
    expect(idle).toBeLessThan(busy);

    // A check after the pause starts a new thread and answers as before.
    const r = await call('/api/check', { path, data: { ...record.json.data, end: '20:30' } });
    expect(r.status).toBe(200);
    expect(r.json.problems.map((p: { ruleId: string }) => p.ruleId)).toContain('duration-min');
  });
});
