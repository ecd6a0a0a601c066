// Durations and timestamps as people and CI tools read them.

/** Formats milliseconds briefly: `850ms`, `1.2s`, `2m03s`, `1h05m`. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '0ms';
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)}s`;
  const totalSeconds = Math.round(ms / 1000);
  const h = Math.floor(totalSeconds / 3600);
  const m = Math.floor((totalSeconds % 3600) / 60);
  const s = totalSeconds % 60;
  return h > 0 ? `${h}h${pad2(m)}m` : `${m}m${pad2(s)}s`;
}

/** Formats an ISO timestamp as Smoker does, `2026-11-22 16:12:58`, in local time or UTC; invalid input is returned as is. */
export function formatTimestamp(iso: string, timeZone: 'local' | 'utc' = 'local'): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const utc = timeZone === 'utc';
  const date = [utc ? d.getUTCFullYear() : d.getFullYear(), pad2((utc ? d.getUTCMonth() : d.getMonth()) + 1),
    pad2(utc ? d.getUTCDate() : d.getDate())].join('-');
  const time = [utc ? d.getUTCHours() : d.getHours(), utc ? d.getUTCMinutes() : d.getMinutes(),
    utc ? d.getUTCSeconds() : d.getSeconds()].map(pad2).join(':');
  return `${date} ${time}`;
}

/** Formats an ISO timestamp as UTC `YYYY-MM-DDTHH:MM:SS` (JUnit's timestamp form); undefined when invalid. */
export function formatIsoSeconds(iso: string): string | undefined {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString().slice(0, 19);
}

/** Formats milliseconds as seconds with three decimals (`1.234`), as JUnit and perfdata expect. */
export function formatSeconds(ms: number): string {
  return (Number.isFinite(ms) && ms > 0 ? ms / 1000 : 0).toFixed(3);
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
