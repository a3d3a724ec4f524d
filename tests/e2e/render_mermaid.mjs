// Renders Mermaid files in headless Chromium with the mermaid package of tests/node_modules, as
// a page showing them would, and prints as JSON, for each file, the text of every node and
// subgraph title as drawn (or the error). Chromium is driven over its DevTools pipe, without a
// port or a fixed wait: the page is asked when mermaid has loaded, then to render each file.
//
// usage: node render_mermaid.mjs FILE.mmd...
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const mermaidJs = join(here, '..', 'node_modules', 'mermaid', 'dist', 'mermaid.min.js');
const files = process.argv.slice(2);
const profile = mkdtempSync(join(tmpdir(), 'mlroadmap-chromium-'));
const page = join(profile, 'page.html');
writeFileSync(page, `<!doctype html><meta charset="utf-8"><body>
<script src="file://${mermaidJs}"></script>`);

const chromium = spawn('chromium', [
  '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-extensions',
  '--remote-debugging-pipe', `--user-data-dir=${profile}`, '--allow-file-access-from-files',
  'about:blank'], { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'], detached: true });
// Ends Chromium and the processes it started (a group of their own), and removes its profile
// once they have gone. The outcome is decided by then: a profile a straggler still writes to
// is left behind with a note rather than failing the check.
const finish = (status) => {
  const done = () => {
    try {
      rmSync(profile, { recursive: true, force: true, maxRetries: 20, retryDelay: 100 });
    } catch (error) {
      console.error(`note: could not remove ${profile}: ${error.code}`);
    }
    process.exit(status);
  };
  if (chromium.exitCode !== null || chromium.signalCode !== null) done();
  chromium.once('exit', done);
  try {
    process.kill(-chromium.pid, 'SIGKILL');
  } catch {
    chromium.kill('SIGKILL');
  }
};
// A hard limit: a browser that hangs fails the test instead of holding it.
setTimeout(() => { console.error('chromium did not answer within 60 seconds'); finish(2); }, 60000)
  .unref();
chromium.on('error', (error) => { console.error(`cannot run chromium: ${error.message}`); finish(2); });

// DevTools messages are JSON texts ended by a NUL byte, each way.
const [toChromium, fromChromium] = [chromium.stdio[3], chromium.stdio[4]];
const waiting = new Map();
let nextId = 0;
let pending = Buffer.alloc(0);
fromChromium.on('data', (data) => {
  pending = Buffer.concat([pending, data]);
  for (let end; (end = pending.indexOf(0)) >= 0; pending = pending.subarray(end + 1)) {
    const message = JSON.parse(pending.subarray(0, end).toString('utf8'));
    if (message.id !== undefined && waiting.has(message.id)) {
      waiting.get(message.id)(message);
      waiting.delete(message.id);
    }
  }
});
const send = (method, params = {}, sessionId = undefined) => new Promise((resolve) => {
  const id = ++nextId;
  waiting.set(id, resolve);
  toChromium.write(JSON.stringify({ id, method, params, sessionId }) + '\0');
});
const evaluate = async (sessionId, expression) => {
  const answer = await send('Runtime.evaluate',
    { expression, awaitPromise: true, returnByValue: true }, sessionId);
  if (answer.error || answer.result.exceptionDetails) {
    throw new Error(JSON.stringify(answer.error || answer.result.exceptionDetails));
  }
  return answer.result.result.value;
};

// What the page runs: render each source as mermaid.run does for a <pre class="mermaid">, and
// read back the text of each drawn node and subgraph.
const renderAll = async (sources) => {
  mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
  const results = [];
  for (const source of sources) {
    const pre = document.createElement('pre');
    pre.className = 'mermaid';
    pre.textContent = source;
    document.body.appendChild(pre);
    try {
      await mermaid.run({ nodes: [pre], suppressErrors: false });
      const text = (selector) => Object.fromEntries([...pre.querySelectorAll(selector)]
        .map((g) => [g.id, g.textContent]));
      results.push({ nodes: text('g.node'), clusters: text('g.cluster') });
    } catch (error) {
      results.push({ error: String(error && error.message || error) });
    }
    pre.remove();
  }
  return results;
};

try {
  const { result: { targetId } } = await send('Target.createTarget', { url: 'about:blank' });
  const { result: { sessionId } } =
    await send('Target.attachToTarget', { targetId, flatten: true });
  await send('Page.navigate', { url: `file://${page}` }, sessionId);
  while (await evaluate(sessionId, 'typeof mermaid') !== 'object') {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const sources = files.map((file) => readFileSync(file, 'utf8'));
  const results = await evaluate(sessionId,
    `(${renderAll.toString()})(${JSON.stringify(sources)})`);
  console.log(JSON.stringify(Object.fromEntries(files.map((file, k) => [file, results[k]]))));
  await send('Browser.close');
  finish(0);
} catch (error) {
  console.error(`rendering failed: ${error.message}`);
  finish(2);
}
