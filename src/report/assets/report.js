// smoker report.html: draws the host × check grid, the filters and the details panel from the
// JSON in #smoker-data. Every value goes into the page through textContent, never as HTML.
(function () {
  'use strict';
  const STATUSES = ['OK', 'WARN', 'UNKNOWN', 'ERROR'];
  const CONNECT = 'connect';
  const data = JSON.parse(document.getElementById('smoker-data').textContent);
  const report = data.report;
  const hosts = Object.keys(report.hosts);
  const checks = listCheckNames();
  const entries = [];
  let selected = null;

  const filters = buildFilters();
  const main = el('main');
  const gridWrap = el('div', { class: 'grid-wrap' });
  const details = el('aside', { class: 'details', id: 'details', hidden: '', 'aria-live': 'polite' });
  main.append(gridWrap, details);
  const tests = Object.values(report.tests || {});
  if (tests.length) document.body.append(buildTests());
  document.body.append(filters.root, main);
  gridWrap.append(tests.length && hosts.length === 0 ? el('p', { class: 'none' }, 'No host checks in this session: see the tests above.') : buildGrid());
  applyFilters();

  document.addEventListener('keydown', (event) => { if (event.key === 'Escape') closeDetails(); });

  /** The tests view: a row per test (status, id, duration, hosts, file) that opens its steps and links to its files. */
  function buildTests() {
    const root = el('section', { class: 'tests', id: 'tests', 'aria-label': 'Tests' });
    const counts = {};
    for (const t of tests) counts[t.status] = (counts[t.status] || 0) + 1;
    root.append(el('h2', {}, tests.length + ' test' + (tests.length === 1 ? '' : 's') + ': ' + Object.entries(counts).map((e) => e[1] + ' ' + e[0]).join(', ')));
    const timeline = buildTimeline();
    if (timeline) root.append(timeline);
    for (const t of tests) {
      const item = el('details', { class: 'test', 'data-test': t.id, 'data-status': t.status });
      if (t.status === 'FAIL' || t.status === 'INTERRUPTED') item.setAttribute('open', '');
      const summary = el('summary');
      const hostList = Object.entries(t.hosts || {}).map((e) => e[0] + ': ' + e[1].join(', ')).join('; ');
      summary.append(el('span', { class: 'badge t-' + t.status }, t.status), el('span', { class: 'name mono' }, t.id),
        el('span', { class: 'muted' }, formatDuration(t.durationMs) + (t.attempts > 1 ? ' · ' + t.attempts + ' tries' : '')),
        el('span', { class: 'muted' }, hostList), el('span', { class: 'muted mono' }, t.file));
      item.append(summary);
      if (t.description) item.append(el('p', { class: 'muted' }, t.description));
      if (t.failure) item.append(el('p', { class: 'failure' }, t.failure));
      if (t.teardownFailure) item.append(el('p', { class: 'failure' }, 'teardown: ' + t.teardownFailure));
      const links = el('p', { class: 'links' });
      for (const f of ['test.log', 'result.json', 'data.json']) links.append(link(t.dir + '/' + f, f));
      item.append(links);
      const table = el('table', { class: 'steps' });
      const head = el('tr');
      for (const h of ['#', 'phase', 'step', 'status', 'time', 'message', 'files']) head.append(el('th', {}, h));
      table.append(head);
      for (const s of t.steps || []) {
        const row = el('tr', { 'data-step': String(s.index), 'data-status': s.status });
        const m = s.messages || {};
        const problem = (m.error && m.error[0]) || (m.warn && m.warn[0]) || (m.info && m.info[0]) || '';
        row.append(el('td', { class: 'mono' }, String(s.index).padStart(2, '0')), el('td', {}, s.phase), el('td', {}, s.name));
        const st = el('td');
        st.append(el('span', { class: 'badge s-' + s.status }, s.status));
        row.append(st, el('td', { class: 'mono' }, formatDuration(s.durationMs)), el('td', {}, problem));
        const files = el('td');
        if (s.dir) for (const f of ['stdout', 'stderr', 'result.json']) files.append(link(s.dir + '/' + f, f), ' ');
        row.append(files);
        table.append(row);
      }
      item.append(table);
      root.append(item);
    }
    return root;
  }

  /** The timeline: a bar per test that ran, from its start to its end on one time axis, with the hosts it had; overlapping bars are tests that ran at once. */
  function buildTimeline() {
    const spans = [];
    for (const t of tests) {
      const start = Date.parse(t.startedAt);
      const end = t.endedAt ? Date.parse(t.endedAt) : start + (t.durationMs || 0);
      if (t.status === 'NOT_RUN' || t.status === 'IGNORED' || !isFinite(start) || !isFinite(end)) continue;
      spans.push({ t, start, end: Math.max(start, end) });
    }
    if (!spans.length) return null;
    const t0 = Math.min(...spans.map((s) => s.start));
    const total = Math.max(1, Math.max(...spans.map((s) => s.end)) - t0);
    const root = el('figure', { class: 'timeline', id: 'timeline', 'aria-label': 'Timeline of the tests' });
    root.append(el('figcaption', {}, 'Timeline: ' + formatDuration(total) + ' from the first start to the last end'));
    const axis = el('div', { class: 'tl-row tl-axis' });
    axis.append(el('span', { class: 'tl-label' }, ''));
    const ticks = el('div', { class: 'tl-track' });
    for (let i = 0; i <= 4; i++) {
      const tick = el('span', { class: 'tl-tick mono' }, formatDuration((total * i) / 4));
      tick.style.left = (i * 25) + '%';
      ticks.append(tick);
    }
    axis.append(ticks);
    root.append(axis);
    for (const s of spans.sort((a, b) => a.start - b.start || a.end - b.end)) {
      const hostList = Object.entries(s.t.hosts || {}).map((e) => e[0] + ': ' + e[1].join(', ')).join('; ');
      const row = el('div', { class: 'tl-row', 'data-test': s.t.id });
      const label = el('span', { class: 'tl-label' });
      label.append(el('span', { class: 'mono' }, s.t.id), el('span', { class: 'muted' }, hostList));
      const track = el('div', { class: 'tl-track' });
      const bar = el('span', { class: 'tl-bar t-' + s.t.status, 'data-start-ms': String(s.start - t0), 'data-end-ms': String(s.end - t0),
        title: s.t.id + ' · ' + s.t.status + ' · +' + formatDuration(s.start - t0) + ' to +' + formatDuration(s.end - t0) + (hostList ? ' · ' + hostList : '') });
      bar.style.left = ((s.start - t0) / total * 100) + '%';
      bar.style.width = ((s.end - s.start) / total * 100) + '%';
      track.append(bar);
      row.append(label, track);
      root.append(row);
    }
    return root;
  }

  /** A link to a file of the session, relative to report.html. */
  function link(href, text) {
    return el('a', { href: href.split('/').map(encodeURIComponent).join('/') }, text);
  }

  /** Check names in first-seen order; `connect` first when a host was unreachable. */
  function listCheckNames() {
    const names = [];
    if (hosts.some((h) => report.hosts[h].unreachable != null)) names.push(CONNECT);
    for (const h of hosts) {
      for (const c of Object.keys(report.hosts[h].checks)) if (!names.includes(c)) names.push(c);
    }
    return names;
  }

  /** Builds the filter bar: one checkbox per status, host and check text filters, a count. */
  function buildFilters() {
    const root = el('section', { class: 'filters', 'aria-label': 'Filters' });
    const statusSet = el('fieldset');
    statusSet.append(el('legend', {}, 'Status'));
    const counts = countStatuses();
    const boxes = STATUSES.map((s) => {
      const input = el('input', { type: 'checkbox', checked: '', 'data-status-filter': s });
      input.addEventListener('change', applyFilters);
      const label = el('label', { class: 'status-toggle' });
      label.append(input, el('span', { class: 'dot s-' + s }), s + ' ' + (counts[s] || 0));
      statusSet.append(label);
      return input;
    });
    const host = el('input', { type: 'search', id: 'filter-host', placeholder: 'Filter hosts…', 'aria-label': 'Filter hosts' });
    const check = el('input', { type: 'search', id: 'filter-check', placeholder: 'Filter checks…', 'aria-label': 'Filter checks' });
    host.addEventListener('input', applyFilters);
    check.addEventListener('input', applyFilters);
    const shown = el('span', { class: 'shown', id: 'shown' });
    root.append(statusSet, host, check, shown);
    return { root, boxes, host, check, shown };
  }

  /** Counts grid cells by status (checks, and failed connections). */
  function countStatuses() {
    const counts = {};
    for (const h of hosts) {
      const host = report.hosts[h];
      if (host.unreachable != null) counts[connectStatus(host)] = (counts[connectStatus(host)] || 0) + 1;
      for (const c of Object.values(host.checks)) counts[c.status] = (counts[c.status] || 0) + 1;
    }
    return counts;
  }

  /** An unreachable host never passes, whatever status the run gave it. */
  function connectStatus(host) {
    return host.status === 'OK' || host.status === 'WARN' ? 'ERROR' : host.status;
  }

  /** Builds the table: a row per host, a column per check, a coloured button per result. */
  function buildGrid() {
    if (hosts.length === 0) return el('p', { class: 'none' }, 'No hosts in this run.');
    const table = el('table', { class: 'grid', id: 'grid' });
    const headRow = el('tr');
    headRow.append(el('th', { scope: 'col' }, 'host'));
    for (const c of checks) headRow.append(el('th', { scope: 'col', title: c, 'data-check': c }, c));
    const thead = el('thead');
    thead.append(headRow);
    const tbody = el('tbody');
    for (const h of hosts) tbody.append(buildRow(h));
    table.append(thead, tbody);
    return table;
  }

  /** Builds one host's row; empty cells where the host has no such check. */
  function buildRow(name) {
    const host = report.hosts[name];
    const row = el('tr', { 'data-host': name });
    const th = el('th', { scope: 'row', title: name }, name);
    th.append(el('span', { class: 'badge s-' + host.status }, host.status));
    row.append(th);
    for (const c of checks) {
      if (c === CONNECT && host.unreachable != null) {
        row.append(buildCell(name, c, connectStatus(host), { host: name, check: c, unreachable: host.unreachable }));
      } else if (Object.prototype.hasOwnProperty.call(host.checks, c)) {
        const result = host.checks[c];
        row.append(buildCell(name, c, result.status, { host: name, check: c, result }));
      } else {
        row.append(el('td', { class: 'empty', 'data-check': c }));
      }
    }
    return row;
  }

  /** Builds one result cell; clicking it opens the details panel. */
  function buildCell(host, check, status, entry) {
    const td = el('td', { class: 'cell', 'data-host': host, 'data-check': check, 'data-status': status });
    if (entry.unreachable != null) td.classList.add('unreachable');
    const label = entry.unreachable != null ? status + ' · unreachable' : status;
    const button = el('button', { type: 'button', class: 's-' + status, title: host + ' / ' + check + ': ' + status }, label);
    button.addEventListener('click', () => showDetails(entry, td));
    td.append(button);
    entries.push(td);
    return td;
  }

  /** Shows only cells whose status is ticked, whose host and check match the text filters. */
  function applyFilters() {
    const statuses = new Set(filters.boxes.filter((b) => b.checked).map((b) => b.dataset.statusFilter));
    const hostText = filters.host.value.trim().toLowerCase();
    const checkText = filters.check.value.trim().toLowerCase();
    const checkShown = (c) => !checkText || c.toLowerCase().includes(checkText);
    let visible = 0;
    // Cells shown per check: a column whose cells the filters all hide goes too, header and empty cells included.
    const perCheck = new Map();
    document.querySelectorAll('#grid tbody tr').forEach((row) => {
      const hostShown = !hostText || row.dataset.host.toLowerCase().includes(hostText);
      let rowVisible = 0;
      row.querySelectorAll('td.cell').forEach((td) => {
        const show = hostShown && checkShown(td.dataset.check) && statuses.has(td.dataset.status);
        td.classList.toggle('filtered', !show);
        if (show) {
          rowVisible += 1;
          perCheck.set(td.dataset.check, (perCheck.get(td.dataset.check) || 0) + 1);
        }
      });
      row.hidden = rowVisible === 0;
      visible += rowVisible;
    });
    document.querySelectorAll('#grid [data-check]').forEach((node) => {
      node.hidden = !perCheck.get(node.dataset.check);
    });
    filters.shown.textContent = 'showing ' + visible + ' of ' + entries.length;
  }

  /** Fills the details panel with one result: facts, messages, components, metrics, output tails. */
  function showDetails(entry, td) {
    if (selected) selected.classList.remove('selected');
    selected = td;
    td.classList.add('selected');
    details.replaceChildren();
    const status = td.dataset.status;
    const title = el('h2');
    const close = el('button', { type: 'button', class: 'close', 'aria-label': 'Close details' }, '×');
    close.addEventListener('click', closeDetails);
    title.append(el('span', {}, entry.host + ' / ' + entry.check), el('span', { class: 'badge s-' + status }, status), close);
    details.append(title);
    if (entry.unreachable != null) {
      details.append(section('Messages', messageList({ error: ['unreachable: ' + entry.unreachable], warn: [], info: [] })));
    } else {
      appendResult(entry.result);
    }
    details.hidden = false;
    main.classList.add('with-details');
  }

  /** Appends the sections of a check result, skipping empty ones. */
  function appendResult(r) {
    const facts = [
      ['type', r.type], ['category', r.category], ['component', r.component],
      ['started', r.startedAt], ['duration', formatDuration(r.durationMs)],
      ['exit code', r.exitCode == null ? '–' : String(r.exitCode)], ['signal', r.signal],
      ['attempts', r.attempts == null ? null : String(r.attempts)], ['output', r.truncated ? 'truncated' : null],
    ].filter((f) => f[1] != null && f[1] !== '');
    const dl = el('dl', { class: 'facts-list' });
    for (const [k, v] of facts) dl.append(el('dt', {}, k), el('dd', {}, v));
    details.append(dl);
    if (countMessages(r.messages)) details.append(section('Messages', messageList(r.messages)));
    if (r.components && Object.keys(r.components).length) details.append(section('Components', componentList(r.components)));
    if (r.metrics && Object.keys(r.metrics).length) details.append(section('Metrics', metricTable(r.metrics)));
    if (r.params && Object.keys(r.params).length) details.append(section('Parameters', el('pre', { class: 'tail' }, JSON.stringify(r.params, null, 2))));
    if (r.action) {
      const a = r.action;
      details.append(section('Action', el('p', {}, a.name + ' on ' + a.where + ': ' + a.status + ' (exit ' + (a.exitCode == null ? '–' : a.exitCode) + ', ' + formatDuration(a.durationMs) + ')')));
    }
    if (r.stdoutTail) details.append(section('stdout (tail)', el('pre', { class: 'tail', id: 'stdout-tail' }, r.stdoutTail)));
    if (r.stderrTail) details.append(section('stderr (tail)', el('pre', { class: 'tail', id: 'stderr-tail' }, r.stderrTail)));
  }

  function closeDetails() {
    details.hidden = true;
    main.classList.remove('with-details');
    if (selected) selected.classList.remove('selected');
    selected = null;
  }

  function section(title, body) {
    const s = el('section');
    s.append(el('h3', {}, title), body);
    return s;
  }

  function countMessages(m) {
    return m ? m.error.length + m.warn.length + m.info.length : 0;
  }

  /** Lists messages, errors first. */
  function messageList(m) {
    const ul = el('ul', { class: 'messages' });
    for (const level of ['error', 'warn', 'info']) {
      for (const text of (m && m[level]) || []) {
        const li = el('li', { class: 'm-' + level });
        li.append(el('span', { class: 'lvl' }, level), clean(text));
        ul.append(li);
      }
    }
    return ul;
  }

  /** Lists components with status, messages and their own components (one level more). */
  function componentList(components) {
    const ul = el('ul', { class: 'components' });
    for (const [name, c] of Object.entries(components)) {
      const li = el('li');
      li.append(el('span', { class: 'name' }, name), el('span', { class: 'badge s-' + c.status }, c.status));
      if (countMessages(c.messages)) li.append(messageList(c.messages));
      if (c.components && Object.keys(c.components).length) li.append(componentList(c.components));
      ul.append(li);
    }
    return ul;
  }

  function metricTable(metrics) {
    const table = el('table', { class: 'metrics' });
    const head = el('tr');
    for (const h of ['metric', 'value', 'warn', 'crit', 'min', 'max']) head.append(el('th', {}, h));
    table.append(head);
    for (const [name, m] of Object.entries(metrics)) {
      const row = el('tr');
      const cells = [name, String(m.value) + (m.uom || ''), m.warn, m.crit, m.min, m.max];
      for (const v of cells) row.append(el('td', { class: 'mono' }, v == null ? '' : String(v)));
      table.append(row);
    }
    return table;
  }

  function formatDuration(ms) {
    if (typeof ms !== 'number' || !isFinite(ms)) return '–';
    if (ms < 1000) return Math.round(ms) + 'ms';
    if (ms < 60000) return (ms / 1000).toFixed(ms < 10000 ? 1 : 0) + 's';
    const s = Math.round(ms / 1000);
    return Math.floor(s / 60) + 'm' + String(s % 60).padStart(2, '0') + 's';
  }

  /** Creates an element with attributes and optional text (as a text node, never parsed as HTML). */
  function el(tag, attrs, text) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    if (text != null) node.textContent = clean(String(text));
    return node;
  }

  /** Drops ANSI escape sequences and control characters a remote command may print (keeps tabs and newlines). */
  function clean(text) {
    return text.replace(/\u001b\[[0-?]*[ -/]*[@-~]/g, '').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
  }
})();
