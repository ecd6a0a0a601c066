// report.html: one offline page (inline CSS, script and data, no URL at all) with a host × check grid.
import { readFileSync } from 'node:fs';
import type { RunReport } from '../results/types.js';
import { formatCounted } from './counts.js';
import { formatDuration, formatTimestamp } from './format-time.js';
import { embedJson, escapeHtml } from './html-escape.js';
import type { RenderOptions } from './options.js';
import { formatTestCounts } from './tests-text.js';

// Nothing may load from anywhere: no scripts, styles, images, fonts or connections but the inline ones.
const CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

const assets = new Map<string, string>();

/** Renders the report as a self-contained HTML page; the data travels as JSON in a <script type="application/json">. */
export function renderHtml(report: RunReport, opts: RenderOptions = {}): string {
  const session = opts.session ?? '';
  const title = session ? `smoker ${report.status} · ${session}` : `smoker ${report.status}`;
  const started = formatTimestamp(report.startedAt, 'utc');
  const unreachable = report.counts.unreachable ? ` (${report.counts.unreachable} unreachable)` : '';
  const facts = [
    session ? `session ${session}` : '',
    `started ${started} UTC`,
    formatDuration(report.durationMs),
    `${formatCounted('host', report.counts.hosts)}${unreachable}`,
    formatCounted('check', report.counts.checks),
    formatTestCounts(report) ?? '',
  ].filter(Boolean);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style>
${readAsset('report.css')}
</style>
</head>
<body>
<header class="top">
  <h1>smoker <span class="badge s-${report.status}" id="overall">${report.status}</span></h1>
  <p class="facts" id="facts">${facts.map((f) => `<span>${escapeHtml(f)}</span>`).join('')}</p>
</header>
<noscript><p class="noscript">This page draws its grid with JavaScript; the same data is in report.json.</p></noscript>
<script type="application/json" id="smoker-data">${embedJson({ report, session: opts.session ?? null })}</script>
<script>
${readAsset('report.js')}
</script>
</body>
</html>
`;
}

/** Reads a file from ./assets next to this module (copied to dist/ by the build), once. */
function readAsset(name: string): string {
  let text = assets.get(name);
  if (text === undefined) {
    // Defence in depth: an asset must never close its own element early.
    text = readFileSync(new URL(`./assets/${name}`, import.meta.url), 'utf8').replace(/<\/(script|style)/gi, '<\\/$1');
    assets.set(name, text);
  }
  return text;
}
