/**
 * Qt's automatic rich text detection and the StyledText subset.
 *
 * Text's default textFormat is AutoText: when Qt::mightBeRichText(text) is
 * true (qtbase src/gui/text/qtextdocument.cpp) the text is parsed as
 * StyledText (QQuickStyledText, qtdeclarative src/quick/util/qquickstyledtext.cpp).
 * A chat message "<b>hi</b>" is therefore shown as a bold "hi".
 *
 * Supported here like QQuickStyledText: <b> <strong> <i> <u> <s> <del> <br>
 * <p> <font color size> <h1>..<h6> <a href> <pre>, the entities &lt; &gt;
 * &amp; &quot; &apos; &nbsp; and numeric ones; unknown entities show nothing. Outside <pre> white space collapses to single
 * spaces and leading white space is dropped. Images and lists (<img>, <ol>,
 * <ul>, <li>) are not rendered: their tags are skipped.
 *
 * The output is plain text plus style runs; nothing is ever interpreted as
 * HTML by a browser.
 */
import { type FontSpec, type ResolvedFont, resolveFont } from './font';
import type { StyledRunFont } from './layout';

export interface StyleRun extends StyledRunFont {
  readonly bold: boolean;
  readonly italic: boolean;
  readonly underline: boolean;
  readonly strikeout: boolean;
  /** color as written in the markup (a name or #rrggbb), undefined = the item's color */
  readonly color?: string;
  /** link target of an <a href> */
  readonly href?: string;
}

export interface StyledText {
  /** the displayed text, line breaks as U+2028 */
  readonly text: string;
  readonly runs: readonly StyleRun[];
}

// QTextHtmlParser's element names (what mightBeRichText accepts as a tag)
const HTML_ELEMENTS = new Set(
  (
    'a address b big blockquote body br caption center cite code dd dfn div dl dt em font h1 h2 h3 h4 h5 h6 ' +
    'head hr html i img kbd li link meta nobr ol p pre qt s samp script small span strong style sub sup table ' +
    'tbody td tfoot ' +
    'th thead title tr tt u ul var'
  ).split(' '),
);

/** JavaScript's `\s` for one UTF-16 unit, without a regular expression run per character. */
const isSpace = (c: string): boolean => {
  const u = c.charCodeAt(0);
  return (
    u === 0x20 ||
    (u >= 0x09 && u <= 0x0d) ||
    u === 0xa0 ||
    u === 0x1680 ||
    (u >= 0x2000 && u <= 0x200a) ||
    u === 0x2028 ||
    u === 0x2029 ||
    u === 0x202f ||
    u === 0x205f ||
    u === 0x3000 ||
    u === 0xfeff
  );
};

/** Whether `text` has `<!doc` at `i`, in any case (no substring made). */
function startsDoctype(text: string, i: number): boolean {
  if (i + 5 > text.length || text.charCodeAt(i) !== 0x3c || text.charCodeAt(i + 1) !== 0x21) return false;
  // (| 0x20 folds only ASCII letters here: 'd', 'o', 'c' and their capitals)
  return (
    (text.charCodeAt(i + 2) | 0x20) === 0x64 &&
    (text.charCodeAt(i + 3) | 0x20) === 0x6f &&
    (text.charCodeAt(i + 4) | 0x20) === 0x63
  );
}
const isLetterOrDigit = (c: string): boolean => /[\p{L}\p{N}]/u.test(c);

/** Qt::mightBeRichText: looks for a known HTML tag (or "&lt;") before the first line break. */
export function mightBeRichText(text: string): boolean {
  if (text.length === 0) return false;
  let start = 0;
  while (start < text.length && isSpace(text[start]!)) ++start;
  if (text.startsWith('<?xml', start)) {
    while (start < text.length) {
      if (text[start] === '?' && start + 2 < text.length && text[start + 1] === '>') {
        start += 2;
        break;
      }
      ++start;
    }
    while (start < text.length && isSpace(text[start]!)) ++start;
  }
  if (startsDoctype(text, start)) return true;
  // The first '<' or line break, and an "&lt;" before it (searched, not
  // walked: a chat message can be a megabyte long).
  const lt = text.indexOf('<', start);
  const nl = text.indexOf('\n', start);
  const open = lt < 0 ? (nl < 0 ? text.length : nl) : nl < 0 ? lt : Math.min(lt, nl);
  const entity = text.indexOf('&lt;', start);
  if (entity >= 0 && entity < open) return true;
  if (open < text.length && text[open] === '<') {
    const close = text.indexOf('>', open);
    if (close > -1) {
      let tag = '';
      for (let i = open + 1; i < close; ++i) {
        const c = text[i]!;
        if (isLetterOrDigit(c)) tag += c;
        else if (tag !== '' && isSpace(c)) break;
        else if (tag !== '' && c === '/' && i + 1 === close) break;
        else if (!isSpace(c) && (tag !== '' || c !== '!')) return false;
      }
      return HTML_ELEMENTS.has(tag.toLowerCase());
    }
  }
  return false;
}

interface Format {
  bold: boolean;
  italic: boolean;
  underline: boolean;
  strikeout: boolean;
  pointSize?: number;
  color?: string;
  href?: string;
}

/** Tags whose attributes QQuickStyledText reads; any other tag is only its name. */
const ATTRIBUTE_TAGS = new Set(['font', 'a', 'img', 'ol', 'ul']);

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", nbsp: '\u00a0' };
// QQuickStyledTextPrivate::setFontSize
const FONT_SCALE = [0.7, 0.8, 1.0, 1.2, 1.5, 2.0, 2.4];

/** A named entity, or a numeric one (measured: Qt 6.4 shows `&#x41;` as "A"). */
function entityValue(name: string): string | undefined {
  const named = ENTITIES[name];
  if (named !== undefined) return named;
  const m = /^#(?:[xX]([0-9A-Fa-f]+)|([0-9]+))$/.exec(name);
  if (!m) return undefined;
  const cp = m[1] !== undefined ? Number.parseInt(m[1], 16) : Number(m[2]);
  return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : undefined;
}

function parseAttributes(s: string): Map<string, string> {
  const attrs = new Map<string, string>();
  const re = /([A-Za-z_:][-A-Za-z0-9_:.]*)\s*(?:=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g;
  for (let m = re.exec(s); m !== null; m = re.exec(s)) {
    attrs.set(m[1]!.toLowerCase(), m[2] ?? m[3] ?? m[4] ?? '');
  }
  return attrs;
}

/** Parses StyledText into plain text and runs with resolved fonts. */
export function parseStyledText(markup: string, baseFont: FontSpec = {}): StyledText {
  const base = resolveFont(baseFont);
  const basePoints = base.pointSize;
  let out = '';
  const runs: StyleRun[] = [];
  const stack: { tag: string; format: Format }[] = [];
  let format: Format = { bold: base.bold, italic: base.italic, underline: false, strikeout: false };
  let hasSpace = true;
  let prependSpace = false;
  let hasNewLine = true;
  let preFormat = false;

  const fontFor = (f: Format): ResolvedFont =>
    resolveFont(
      {
        ...baseFont,
        bold: f.bold,
        weight: f.bold ? 700 : (baseFont.weight ?? 400) > 550 ? 400 : baseFont.weight,
        italic: f.italic,
        ...(f.pointSize !== undefined ? { pointSize: f.pointSize, pixelSize: undefined } : {}),
      },
      false,
    );
  const append = (s: string): void => {
    if (s.length === 0) return;
    if (prependSpace) {
      s = ` ${s}`;
      prependSpace = false;
    }
    const start = out.length;
    out += s;
    hasSpace = /\s$/.test(s);
    hasNewLine = false;
    const last = runs[runs.length - 1];
    if (
      last &&
      last.end === start &&
      last.bold === format.bold &&
      last.italic === format.italic &&
      last.underline === format.underline &&
      last.strikeout === format.strikeout &&
      last.color === format.color &&
      last.href === format.href &&
      last.font.metrics === fontFor(format).metrics
    ) {
      runs[runs.length - 1] = { ...last, end: out.length };
      return;
    }
    runs.push({
      start,
      end: out.length,
      font: fontFor(format),
      bold: format.bold,
      italic: format.italic,
      underline: format.underline,
      strikeout: format.strikeout,
      ...(format.color !== undefined ? { color: format.color } : {}),
      ...(format.href !== undefined ? { href: format.href } : {}),
    });
  };
  const newLine = (): void => {
    append('\u2028');
    hasSpace = true;
    prependSpace = false;
    hasNewLine = true;
  };
  const setFontSize = (f: Format, size: number): void => {
    f.pointSize = basePoints * FONT_SCALE[size - 1]!;
  };

  let i = 0;
  const n = markup.length;
  while (i < n) {
    const c = markup[i]!;
    if (c === '<') {
      // a pending space is written before the tag takes effect, in the old format
      if (prependSpace) {
        prependSpace = false;
        append(' ');
      }
      const close = markup.indexOf('>', i);
      if (close < 0) {
        append(markup.slice(i));
        break;
      }
      const body = markup.slice(i + 1, close).trim();
      i = close + 1;
      if (body.startsWith('!')) continue; // comment or doctype
      const closing = body.startsWith('/');
      const nameMatch = /^\/?\s*([A-Za-z0-9]+)/.exec(body);
      if (!nameMatch) continue;
      let tag = nameMatch[1]!.toLowerCase();
      // Qt reads a tag's name as its first N characters, N being the number
      // of non-space characters up to '>', except for the tags that take
      // attributes: `< b and c >` is no <b> tag (measured: shows "a d").
      if (!ATTRIBUTE_TAGS.has(tag) && /\S\s+\S/.test(body.replace(/^\/\s*/, ''))) tag = '';
      if (closing) {
        for (let k = stack.length - 1; k >= 0; k--) {
          if (stack[k]!.tag === tag) {
            format = stack[k]!.format;
            stack.length = k;
            break;
          }
        }
        if (tag === 'p' || /^h[1-6]$/.test(tag)) {
          if (!hasNewLine) newLine();
        } else if (tag === 'pre') {
          preFormat = false;
        }
        continue;
      }
      const next: Format = { ...format };
      const attrs = parseAttributes(body.slice(nameMatch[0].length));
      let push = true;
      switch (tag) {
        case 'b':
        case 'strong':
          next.bold = true;
          break;
        case 'i':
          next.italic = true;
          break;
        case 'u':
          next.underline = true;
          break;
        case 's':
        case 'del':
          next.strikeout = true;
          break;
        case 'br':
          newLine();
          push = false;
          break;
        case 'p':
          if (!hasNewLine) newLine();
          break;
        case 'pre':
          if (!hasNewLine) newLine();
          preFormat = true;
          break;
        case 'font': {
          const color = attrs.get('color');
          if (color !== undefined) next.color = color;
          const sizeAttr = attrs.get('size');
          if (sizeAttr !== undefined && sizeAttr.length > 0) {
            let size = Number.parseInt(sizeAttr, 10);
            if (sizeAttr[0] === '-' || sizeAttr[0] === '+') size += 3;
            if (size >= 1 && size <= 7) setFontSize(next, size);
          }
          break;
        }
        case 'a': {
          const href = attrs.get('href');
          if (href !== undefined) next.href = href;
          break;
        }
        default:
          if (/^h[1-6]$/.test(tag)) {
            if (!hasNewLine) newLine();
            setFontSize(next, 7 - Number(tag[1]));
            next.bold = true;
          } else {
            push = tag !== 'img' && tag !== 'li' && tag !== 'ol' && tag !== 'ul';
          }
      }
      if (push && !body.endsWith('/')) {
        stack.push({ tag, format });
        format = next;
      }
      continue;
    }
    if (c === '&') {
      // QQuickStyledTextPrivate::parseEntity: up to a ';' the entity is
      // replaced when known and dropped when not (`&#x41;` shows nothing);
      // a space first ends it as plain text; at the end of the text it is dropped.
      let j = i + 1;
      while (j < n && markup[j] !== ';' && markup[j] !== ' ') j++;
      if (j < n && markup[j] === ' ') {
        append(markup.slice(i, j + 1));
      } else if (j < n) {
        const value = entityValue(markup.slice(i + 1, j));
        if (value !== undefined) append(value);
      }
      i = j + 1;
      continue;
    }
    if (isSpace(c) && !preFormat) {
      let j = i;
      while (j < n && isSpace(markup[j]!)) j++;
      if (!hasSpace) prependSpace = true;
      i = j;
      continue;
    }
    // plain characters up to the next special one
    let j = i + 1;
    while (j < n && markup[j] !== '<' && markup[j] !== '&' && (preFormat || !isSpace(markup[j]!))) j++;
    let chunk = markup.slice(i, j);
    if (preFormat) chunk = chunk.replace(/\n/g, '\u2028');
    append(chunk);
    i = j;
  }
  return { text: out, runs };
}
