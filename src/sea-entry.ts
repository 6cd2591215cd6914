// Entry of the single-file program (Node SEA): unpack the bundled files once, then run the command line, or open the page when started with no arguments.
import { getAsset, getRawAsset } from 'node:sea';
import { createInterface } from 'node:readline';
import { CellctlError } from './errors.js';
import { setPackageRoot } from './resources.js';
import { cacheBase, chooseWorkspace, unpack, type BundleManifest } from './single-file.js';

/** Wait for Enter, so a window opened by a double-click does not vanish before its message is read. */
function waitForEnter(): Promise<void> {
  process.stdout.write('\nNhấn Enter để đóng cửa sổ này.\n');
  return new Promise((done) => {
    if (!process.stdin.readable) return done();
    const rl = createInterface({ input: process.stdin });
    rl.once('line', () => (rl.close(), done()));
    rl.once('close', done);
  });
}

/** A double-click: serve the folder it was started in when that holds records, else Documents/Hồ sơ chi bộ. */
async function openPage(run: (argv: readonly string[]) => Promise<number>): Promise<void> {
  const dir = chooseWorkspace(process.cwd(), process.env);
  process.stdout.write(
    `cellctl: đang mở trang hồ sơ chi bộ cho thư mục\n  ${dir}\n` +
      'Trình duyệt sẽ tự mở trang; nếu không, hãy mở địa chỉ in dưới đây.\n' +
      'Cửa sổ này cần để mở trong khi làm việc. Muốn dừng: nhấn Ctrl+C hoặc đóng cửa sổ.\n\n',
  );
  if ((await run(['serve', dir])) !== 0) await waitForEnter();
}

async function start(): Promise<void> {
  const noArguments = process.argv.length <= 2;
  try {
    const manifest = JSON.parse(getAsset('manifest.json', 'utf8')) as BundleManifest;
    setPackageRoot(unpack(cacheBase(process.env), manifest, getRawAsset), 'bundle');
    // Loaded only now: modules that locate their files do so when they load.
    const { run } = await import('./cli/run.js');
    if (noArguments) await openPage(run);
    else await run(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`cellctl: ${e instanceof CellctlError ? e.message : String((e as Error).stack ?? e)}\n`);
    process.exitCode = 2;
    if (noArguments) await waitForEnter();
  }
}

void start();
