// XML 1.0 text: escaping and removal of characters XML cannot hold.
import { stripAnsi } from './text.js';

// Everything outside XML 1.0's Char production (tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD,
// U+10000–U+10FFFF), lone surrogates included.
const ILLEGAL = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

/** Removes ANSI escapes and every character XML 1.0 forbids. */
export function cleanXmlText(text: string): string {
  return stripAnsi(text).replace(ILLEGAL, '');
}

/** Escapes text for element content. */
export function escapeXmlText(text: string): string {
  return cleanXmlText(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escapes text for a double-quoted attribute, keeping newlines and tabs as character references. */
export function escapeXmlAttr(text: string): string {
  return escapeXmlText(text)
    .replace(/"/g, '&quot;').replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

/** Builds `<name a="v"...>` attributes from a record, skipping undefined values. */
export function formatAttrs(attrs: Record<string, string | number | undefined>): string {
  return Object.entries(attrs)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXmlAttr(String(v))}"`)
    .join('');
}
