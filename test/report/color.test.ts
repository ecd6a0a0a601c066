import { expect } from 'chai';
import { detectColor } from '../../src/report/color.js';

describe('report/color', () => {
  it('follows the TTY when nothing is set', () => {
    expect(detectColor({}, true)).to.equal(true);
    expect(detectColor({}, false)).to.equal(false);
  });

  it('honours NO_COLOR, NODE_DISABLE_COLORS and TERM=dumb over FORCE_COLOR', () => {
    expect(detectColor({ NO_COLOR: '' }, true)).to.equal(false);
    expect(detectColor({ NO_COLOR: '1', FORCE_COLOR: '1' }, true)).to.equal(false);
    expect(detectColor({ NODE_DISABLE_COLORS: '1' }, true)).to.equal(false);
    expect(detectColor({ TERM: 'dumb' }, true)).to.equal(false);
  });

  it('honours FORCE_COLOR off a TTY, and FORCE_COLOR=0 on one', () => {
    expect(detectColor({ FORCE_COLOR: '1' }, false)).to.equal(true);
    expect(detectColor({ FORCE_COLOR: '' }, false)).to.equal(true);
    expect(detectColor({ FORCE_COLOR: '0' }, true)).to.equal(false);
  });
});
