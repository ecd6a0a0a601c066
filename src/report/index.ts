// The report layer's surface: every format, the tables, and the colour decision.
export { renderReport } from './render.js';
export { REPORT_FORMATS, isReportFormat, type HumanLevel, type RenderOptions, type ReportFormat } from './options.js';
export { renderHuman, renderHostBlock, renderHostNotice, foldsHosts } from './human.js';
export { renderSummaryLine } from './summary-line.js';
export { renderJson } from './json.js';
export { renderTap } from './tap.js';
export { renderJunit } from './junit.js';
export { renderNagios, nagiosExitCode } from './nagios.js';
export { renderSummaryText } from './summary-text.js';
export { renderHtml } from './html.js';
export { renderHostsTable, type HostRow } from './hosts-table.js';
export { renderStatusTable, type ServiceState, type ServiceStatusRow } from './status-table.js';
export { renderServicesTable, type ServiceListRow } from './services-table.js';
export { detectColor } from './color.js';
export { terminalWidth } from './terminal-width.js';
export { isFailing, isPassing } from './verdict.js';
export { listEntries, CONNECT_CHECK, type ReportEntry } from './entries.js';
export { formatDuration } from './format-time.js';
