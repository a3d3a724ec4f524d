// Parses each Mermaid file named on the command line with the mermaid package (under jsdom,
// which gives it the DOM it needs); prints what fails and exits 1 when any does.
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';

const dom = new JSDOM('<!doctype html><html><body></body></html>');
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const { default: mermaid } = await import('mermaid');
// maxEdges: the whole built-in graph has more edges than Mermaid's default limit of 500.
mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', maxEdges: 100000 });
let failed = 0;
for (const file of process.argv.slice(2)) {
  try {
    await mermaid.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    console.log(`FAIL: ${file}: ${String(error.message || error).split('\n').slice(0, 4).join(' ')}`);
    failed = 1;
  }
}
process.exit(failed);
