import { expect } from 'chai';
import { matchPatternList, matchWildcard } from '../../src/transport/host-patterns.js';

describe('transport/host-patterns', () => {
  it('matches * and ? wildcards, everything else literally', () => {
    expect(matchWildcard('web01.example.com', 'web*.example.com')).to.equal(true);
    expect(matchWildcard('web01', 'web??')).to.equal(true);
    expect(matchWildcard('web1', 'web??')).to.equal(false);
    expect(matchWildcard('webX', 'web.')).to.equal(false);
    expect(matchWildcard('[h]:22', '[h]:22')).to.equal(true);
    expect(matchWildcard('[h]:2222', '[*]:2222')).to.equal(true);
    expect(matchWildcard('a(b)+', 'a(b)+')).to.equal(true);
    expect(matchWildcard('Web1', 'web1')).to.equal(false);
  });

  it('lets a matching !pattern win over positive matches in a list', () => {
    expect(matchPatternList('a.corp', '*.corp,!gw.corp', false)).to.equal('match');
    expect(matchPatternList('gw.corp', '*.corp,!gw.corp', false)).to.equal('negated');
    expect(matchPatternList('gw.corp', '!gw.corp,*.corp', false)).to.equal('negated');
    expect(matchPatternList('other', '*.corp,!gw.corp', false)).to.equal('none');
    expect(matchPatternList('only-negated', '!x', false)).to.equal('none');
  });

  it('lowercases patterns when asked (known_hosts, Match host)', () => {
    expect(matchPatternList('web1', 'WEB1', true)).to.equal('match');
    expect(matchPatternList('web1', 'WEB1', false)).to.equal('none');
  });
});
