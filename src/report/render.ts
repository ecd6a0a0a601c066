// One entry point for every `-o` format.
import type { RunReport } from '../results/types.js';
import { renderHuman } from './human.js';
import { renderJson } from './json.js';
import { renderJunit } from './junit.js';
import { renderNagios } from './nagios.js';
import type { RenderOptions, ReportFormat } from './options.js';
import { renderTap } from './tap.js';

/** Renders a run in any `-o` format; the text ends with a newline. */
export function renderReport(report: RunReport, format: ReportFormat, opts: RenderOptions = {}): string {
  switch (format) {
    case 'minimal':
    case 'normal':
    case 'long':
    case 'full':
      return renderHuman(report, format, opts);
    case 'json':
      return renderJson(report);
    case 'tap':
      return renderTap(report, opts);
    case 'junit':
      return renderJunit(report, opts);
    case 'nagios':
      return renderNagios(report);
  }
}
