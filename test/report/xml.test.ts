import { expect } from 'chai';
import { cleanXmlText, escapeXmlAttr, escapeXmlText, formatAttrs } from '../../src/report/xml.js';

describe('report/xml', () => {
  it('escapes markup in text and attributes', () => {
    expect(escapeXmlText(`<a href="x">&'</a>`)).to.equal(`&lt;a href="x"&gt;&amp;'&lt;/a&gt;`);
    expect(escapeXmlAttr(`"a" & 'b'\n\tc`)).to.equal('&quot;a&quot; &amp; &apos;b&apos;&#10;&#9;c');
    expect(escapeXmlText(']]>')).to.equal(']]&gt;');
  });

  it('removes characters XML 1.0 forbids and ANSI escapes, keeping unicode', () => {
    expect(cleanXmlText('a\u0000b\u0007c\u000bd\u001fe')).to.equal('abcde');
    expect(cleanXmlText('\ufffe\uffff\ud800x\udc00')).to.equal('x');
    expect(cleanXmlText('\u001b[1;31mred\u001b[0m')).to.equal('red');
    expect(cleanXmlText('tab\tnl\ncr\r ü 日本 🚀')).to.equal('tab\tnl\ncr\r ü 日本 🚀');
  });

  it('formats attributes, skipping undefined ones', () => {
    expect(formatAttrs({ a: 1, b: undefined, c: 'x<y' })).to.equal(' a="1" c="x&lt;y"');
  });
});
