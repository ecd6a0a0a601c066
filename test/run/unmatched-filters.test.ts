import { expect } from 'chai';
import { splitList } from '../../src/cli/list-option.js';
import { unmatchedFilters } from '../../src/run/filters.js';

const CHECKS = [
  { name: 'load', category: 'nagios', component: 'proc' },
  { name: 'procs', category: 'system' },
  { name: 'web-http', category: 'web', component: 'nginx' },
];

describe('run/filters: values that select no check', () => {
  it('names, globs, categories and components that match nothing, with suggestions', () => {
    expect(unmatchedFilters(CHECKS, { names: ['load', 'web-*', 'lod', 'db-*'], exclude: ['prcs'], categories: ['nagois', 'web'], components: ['ngnix'] })).to.deep.equal([
      '-p: no check matches "lod" (did you mean "load"?)',
      '-p: no check matches "db-*"',
      '--exclude-check: no check matches "prcs" (did you mean "procs"?)',
      '--category: no check has category "nagois" (did you mean "nagios"?)',
      '--component: no check has component "ngnix" (did you mean "nginx"?)',
    ]);
    expect(unmatchedFilters(CHECKS, { categories: ['zzzzzz'] })).to.deep.equal(['--category: no check has category "zzzzzz" (categories: nagios, system, web)']);
    expect(unmatchedFilters(CHECKS, {})).to.deep.equal([]);
  });

  it('list flags split at commas', () => {
    expect(splitList(['load,procs', ' disk ', 'a,,b'])).to.deep.equal(['load', 'procs', 'disk', 'a', 'b']);
  });
});
