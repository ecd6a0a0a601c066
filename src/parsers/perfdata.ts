// Nagios performance data: 'label with spaces'=value[UOM];[warn];[crit];[min];[max] ...
import type { Metric } from '../results/types.js';

const VALUE = /^(-?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][-+]?\d+)?)(.*)$/;

/** Parses a perfdata string into metrics; malformed items and undetermined ("U") values are skipped. */
export function parsePerfdata(text: string): Record<string, Metric> {
  const metrics: Record<string, Metric> = {};
  for (const [label, data] of tokenizePerfdata(text)) {
    const metric = parsePerfValue(data);
    if (metric) metrics[label] = metric;
  }
  return metrics;
}

/** Splits perfdata into [label, value-part] pairs, honouring quoted labels and the '' escape. */
export function tokenizePerfdata(text: string): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && /\s/.test(text[i]!)) i++;
    if (i >= text.length) break;
    let label = '';
    if (text[i] === "'") {
      i++;
      while (i < text.length) {
        if (text[i] === "'" && text[i + 1] === "'") {
          label += "'";
          i += 2;
        } else if (text[i] === "'") {
          i++;
          break;
        } else label += text[i++];
      }
    } else {
      while (i < text.length && text[i] !== '=' && !/\s/.test(text[i]!)) label += text[i++];
    }
    if (text[i] !== '=') {
      // Not label=value: skip this word and resynchronise on the next one.
      while (i < text.length && !/\s/.test(text[i]!)) i++;
      continue;
    }
    i++;
    let data = '';
    while (i < text.length && !/\s/.test(text[i]!)) data += text[i++];
    if (label !== '') pairs.push([label, data]);
  }
  return pairs;
}

/** Parses `value[UOM];warn;crit;min;max` into a metric, or undefined when the value is not a number. */
export function parsePerfValue(data: string): Metric | undefined {
  const [first = '', warn, crit, min, max] = data.split(';');
  const match = VALUE.exec(first);
  if (!match) return undefined;
  const value = Number(match[1]!.replace(',', '.'));
  if (!Number.isFinite(value)) return undefined;
  const metric: Metric = { value };
  if (match[2]) metric.uom = match[2];
  if (warn) metric.warn = warn;
  if (crit) metric.crit = crit;
  const minValue = toNumber(min);
  if (minValue !== undefined) metric.min = minValue;
  const maxValue = toNumber(max);
  if (maxValue !== undefined) metric.max = maxValue;
  return metric;
}

function toNumber(text: string | undefined): number | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const value = Number(text.replace(',', '.'));
  return Number.isFinite(value) ? value : undefined;
}
