// The check filters of run, inspect and checks (SPEC §3), declared once.
import type { Argv } from 'yargs';
import { listOption } from './list-option.js';
import type { CheckFilters } from '../run/filters.js';

/** Parsed filter flags. */
export interface FilterArgs {
  smoke?: boolean;
  health?: boolean;
  category?: string[];
  component?: string[];
  p?: string[];
  'exclude-check'?: string[];
  error?: boolean;
  nook?: boolean;
}

/** Adds the filter flags. */
export function withFilters<T>(y: Argv<T>) {
  return y
    .option('smoke', { type: 'boolean', describe: 'Only smokeTest checks' })
    .option('health', { type: 'boolean', describe: 'Only healthCheck checks' })
    .option('category', listOption('Only checks of these categories'))
    .option('component', listOption('Only checks of these components'))
    .option('p', { alias: 'check', ...listOption('Only these checks (names or globs)') })
    .option('exclude-check', listOption('Leave out these checks (names or globs)'))
    .option('error', { type: 'boolean', describe: 'Only checks that were ERROR in the latest session, on those hosts' })
    .option('nook', { type: 'boolean', describe: 'Only checks that were not OK in the latest session, on those hosts' });
}

/** Turns flags into filters (the --error/--nook map is added by the caller, which reads the session). */
export function filtersFrom(a: FilterArgs): CheckFilters {
  return {
    ...(a.smoke ? { smoke: true } : {}),
    ...(a.health ? { health: true } : {}),
    ...(a.category?.length ? { categories: a.category } : {}),
    ...(a.component?.length ? { components: a.component } : {}),
    ...(a.p?.length ? { names: a.p } : {}),
    ...(a['exclude-check']?.length ? { exclude: a['exclude-check'] } : {}),
  };
}
