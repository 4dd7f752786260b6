/**
 * User text (construct paths, ids in messages) in the Markdown summary, shown as written:
 * on one line, and never read as Markdown or HTML (a pull-request comment renders both).
 */

// eslint-disable-next-line no-control-regex -- control characters are what it replaces
const CONTROL = /[\u0000-\u001f\u007f]+/g;

/** Plain text, always placed mid-line: inline Markdown punctuation backslash-escaped, `<` and `&` as entities, pipes escaped for tables. */
export function mdText(text: string): string {
  return text
    .replace(CONTROL, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`);
}

/** A code span holding `text` verbatim (CommonMark: a fence longer than any backtick run inside); pipes escaped for tables. */
export function mdCode(text: string): string {
  const s = text.replace(CONTROL, ' ').replace(/\|/g, '\\|');
  const longest = Math.max(0, ...(s.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = s.startsWith('`') || s.endsWith('`') || s.startsWith(' ') ? ' ' : '';
  return `${fence}${pad}${s}${pad}${fence}`;
}
