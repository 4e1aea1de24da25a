import type { ReactNode } from 'react';

// A small, safe Markdown renderer for ticket messages. It builds React
// elements and never HTML: whatever anyone typed, raw HTML included, ends up
// as escaped text. It knows paragraphs and line breaks, emphasis and strong
// emphasis, inline code and code blocks, lists, quotes and headings (shown as
// bold lines, so a message cannot break the page's heading outline), and links,
// but only to absolute http(s) and mailto addresses; any other link
// (`javascript:`, `data:`, relative paths) stays plain text, as typed. No
// image is ever loaded. Every step looks ahead through tables built once per
// paragraph and nesting is capped, so time grows with the length of the text
// whatever it holds.

const MAX_QUOTE_DEPTH = 3;
const MAX_INLINE_DEPTH = 4;
const MAX_URL_LENGTH = 2048;

const LINK_REL = 'noopener noreferrer nofollow';
const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/** The address to link to, or null when `raw` is not an absolute http(s) or mailto URL. */
export function safeHref(raw: string): string | null {
  if (raw.length === 0 || raw.length > MAX_URL_LENGTH) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (!SAFE_PROTOCOLS.has(url.protocol)) return null;
  if (url.protocol !== 'mailto:' && url.hostname === '') return null;
  if (url.username !== '' || url.password !== '') return null;

  return url.href;
}

export function Markdown({ text }: { text: string }) {
  return <>{renderMarkdown(text)}</>;
}

/** The elements for one message. */
export function renderMarkdown(source: string): ReactNode[] {
  const keys = { next: 0 };
  return renderBlocks(source.split(/\r\n|\r|\n/), 0, keys);
}

type Keys = { next: number };
const key = (keys: Keys) => `m${(keys.next += 1)}`;

// ---------------------------------------------------------------- blocks

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const HEADING = /^ {0,3}#{1,6}[ \t]+(.*)$/;
const QUOTE = /^ {0,3}>[ ]?(.*)$/;
const BULLET = /^ {0,3}[-*+][ \t]+(.*)$/;
const ORDERED = /^ {0,3}(\d{1,9})[.)][ \t]+(.*)$/;
const CONTINUATION = /^(?: {2,}|\t)(.*)$/;

const isBlank = (line: string) => line.trim() === '';

type ListKind = 'bullet' | 'ordered';

function listItem(line: string): { kind: ListKind; start: number; text: string } | null {
  const bullet = BULLET.exec(line);
  if (bullet) return { kind: 'bullet', start: 1, text: bullet[1] ?? '' };
  const ordered = ORDERED.exec(line);
  if (ordered)
    return { kind: 'ordered', start: Number(ordered[1]), text: ordered[2] ?? '' };

  return null;
}

/** Lines that end a paragraph: the start of another kind of block. */
function startsBlock(line: string, depth: number): boolean {
  return (
    FENCE.test(line) ||
    HEADING.test(line) ||
    (depth < MAX_QUOTE_DEPTH && QUOTE.test(line)) ||
    listItem(line) !== null
  );
}

function renderBlocks(lines: string[], depth: number, keys: Keys): ReactNode[] {
  const out: ReactNode[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    if (isBlank(line)) {
      i += 1;
      continue;
    }

    const fence = FENCE.exec(line);
    if (fence) {
      const marker = fence[1] ?? '```';
      const body: string[] = [];
      i += 1;
      while (i < lines.length && !closesFence(lines[i] ?? '', marker)) {
        body.push(lines[i] ?? '');
        i += 1;
      }
      i += 1; // the closing fence (or the end of the message)
      out.push(
        <pre key={key(keys)}>
          <code>{body.join('\n')}</code>
        </pre>,
      );
      continue;
    }

    const heading = HEADING.exec(line);
    if (heading) {
      out.push(
        <p key={key(keys)}>
          <strong>{inline(trimClosingHashes(heading[1] ?? ''), keys)}</strong>
        </p>,
      );
      i += 1;
      continue;
    }

    if (depth < MAX_QUOTE_DEPTH && QUOTE.test(line)) {
      const quoted: string[] = [];
      let match: RegExpExecArray | null;
      while (i < lines.length && (match = QUOTE.exec(lines[i] ?? ''))) {
        quoted.push(match[1] ?? '');
        i += 1;
      }
      out.push(
        <blockquote key={key(keys)}>{renderBlocks(quoted, depth + 1, keys)}</blockquote>,
      );
      continue;
    }

    const first = listItem(line);
    if (first) {
      const items: string[][] = [[first.text]];
      i += 1;
      while (i < lines.length) {
        const next = lines[i] ?? '';
        const item = listItem(next);
        if (item?.kind === first.kind) {
          items.push([item.text]);
        } else if (!item && !isBlank(next) && CONTINUATION.test(next)) {
          items.at(-1)?.push((CONTINUATION.exec(next)?.[1] ?? '').trim());
        } else if (isBlank(next) && listItem(lines[i + 1] ?? '')?.kind === first.kind) {
          // A blank line between two items keeps the list going.
        } else {
          break;
        }
        i += 1;
      }
      const children = items.map((item) => (
        <li key={key(keys)}>{inline(item.join('\n'), keys)}</li>
      ));
      out.push(
        first.kind === 'bullet' ? (
          <ul key={key(keys)}>{children}</ul>
        ) : (
          <ol key={key(keys)} start={first.start === 1 ? undefined : first.start}>
            {children}
          </ol>
        ),
      );
      continue;
    }

    const paragraph: string[] = [line];
    i += 1;
    while (i < lines.length) {
      const next = lines[i] ?? '';
      if (isBlank(next) || startsBlock(next, depth)) break;
      paragraph.push(next);
      i += 1;
    }
    out.push(<p key={key(keys)}>{inline(paragraph.join('\n'), keys)}</p>);
  }

  return out;
}

function closesFence(line: string, marker: string): boolean {
  const trimmed = line.trim();
  const char = marker[0] ?? '`';
  if (trimmed.length < marker.length) return false;
  for (const c of trimmed) if (c !== char) return false;

  return line.length - line.trimStart().length <= 3;
}

/** `## Title ##` → `Title`, without a regular expression that could backtrack. */
function trimClosingHashes(text: string): string {
  const trimmed = text.trimEnd();
  let end = trimmed.length;
  while (end > 0 && trimmed[end - 1] === '#') end -= 1;
  if (end === trimmed.length || end === 0) return end === 0 ? '' : trimmed;
  // A closing run of # counts only after a space: "C#" keeps its hash.
  return /[ \t]/.test(trimmed[end - 1] ?? '') ? trimmed.slice(0, end).trimEnd() : trimmed;
}

// ---------------------------------------------------------------- inline

/**
 * For one paragraph: for every position, where the next `]`, `)`, `>`,
 * whitespace, `*`, `**`, `_`, `__` and backtick runs of one to three start.
 * Built once from the end, so every look-ahead below costs one step.
 */
class Ahead {
  private readonly tables = new Map<string, Int32Array>();

  constructor(private readonly text: string) {}

  /** The first index ≥ from where `test` holds, or -1. */
  private table(name: string, test: (i: number) => boolean): Int32Array {
    let found = this.tables.get(name);
    if (!found) {
      const n = this.text.length;
      found = new Int32Array(n + 1);
      found[n] = -1;
      for (let i = n - 1; i >= 0; i -= 1) found[i] = test(i) ? i : (found[i + 1] ?? -1);
      this.tables.set(name, found);
    }
    return found;
  }

  next(name: string, from: number, test: (i: number) => boolean): number {
    if (from >= this.text.length) return -1;
    return this.table(name, test)[from] ?? -1;
  }

  char(c: string, from: number): number {
    return this.next(`c${c}`, from, (i) => this.text[i] === c);
  }

  pair(c: string, from: number): number {
    return this.next(`p${c}`, from, (i) => this.text[i] === c && this.text[i + 1] === c);
  }

  space(from: number): number {
    return this.next('space', from, (i) => /\s/.test(this.text[i] ?? ''));
  }

  /** The next run of exactly `length` backticks. */
  ticks(length: number, from: number): number {
    return this.next(`t${length}`, from, (i) => {
      const t = this.text;
      if (t[i] !== '`' || t[i - 1] === '`') return false;
      let end = i;
      while (t[end] === '`') end += 1;
      return end - i === length;
    });
  }
}

const PUNCTUATION = /[!-/:-@[-`{-~]/;
const WORD = /[\p{L}\p{N}]/u;
const isSpace = (c: string | undefined) => c === undefined || /\s/.test(c);

type Span = { text: string; ahead: Ahead; keys: Keys };

function inline(text: string, keys: Keys): ReactNode[] {
  return spans({ text, ahead: new Ahead(text), keys }, 0, text.length, 0, true);
}

/** The elements for text[from, to). */
function spans(
  span: Span,
  from: number,
  to: number,
  depth: number,
  links: boolean,
): ReactNode[] {
  const { text, ahead, keys } = span;
  const out: ReactNode[] = [];
  let plain = '';
  const flush = () => {
    if (plain) out.push(plain);
    plain = '';
  };
  const push = (node: ReactNode) => {
    flush();
    out.push(node);
  };
  const inner = (a: number, b: number, withLinks = links) =>
    depth + 1 >= MAX_INLINE_DEPTH
      ? [text.slice(a, b)]
      : spans(span, a, b, depth + 1, withLinks);

  let i = from;
  while (i < to) {
    const c = text[i] ?? '';

    if (c === '\n') {
      push(<br key={key(keys)} />);
      i += 1;
      continue;
    }

    if (c === '\\' && i + 1 < to && PUNCTUATION.test(text[i + 1] ?? '')) {
      plain += text[i + 1];
      i += 2;
      continue;
    }

    if (c === '`') {
      let run = 0;
      while (text[i + run] === '`') run += 1;
      const close = run <= 3 ? ahead.ticks(run, i + run) : -1;
      if (close !== -1 && close + run <= to) {
        push(<code key={key(keys)}>{text.slice(i + run, close).trim() || ' '}</code>);
        i = close + run;
      } else {
        plain += text.slice(i, Math.min(i + run, to));
        i += run;
      }
      continue;
    }

    if (c === '*' || c === '_') {
      let run = 0;
      while (text[i + run] === c) run += 1;
      const end = emphasis(span, c, run, i, to);
      if (end) {
        const children = inner(end.open, end.close);
        push(
          end.strong ? (
            <strong key={key(keys)}>{children}</strong>
          ) : (
            <em key={key(keys)}>{children}</em>
          ),
        );
        i = end.close + (end.strong ? 2 : 1);
      } else {
        plain += text.slice(i, Math.min(i + run, to));
        i += run;
      }
      continue;
    }

    if (c === '[' && links) {
      const link = bracketLink(span, i, to);
      if (link) {
        if (link.href) {
          push(
            <a key={key(keys)} href={link.href} rel={LINK_REL}>
              {inner(i + 1, link.textEnd, false)}
            </a>,
          );
        } else {
          plain += text.slice(i, link.end);
        }
        i = link.end;
        continue;
      }
    }

    if (c === '<' && links) {
      const close = ahead.char('>', i + 1);
      const space = ahead.space(i + 1);
      if (close !== -1 && close < to && (space === -1 || space > close)) {
        const href = /^(https?|mailto):/i.test(text.slice(i + 1, close))
          ? safeHref(text.slice(i + 1, close))
          : null;
        if (href) {
          push(
            <a key={key(keys)} href={href} rel={LINK_REL}>
              {text.slice(i + 1, close)}
            </a>,
          );
          i = close + 1;
          continue;
        }
      }
    }

    if ((c === 'h' || c === 'H') && links && !WORD.test(text[i - 1] ?? ' ')) {
      const end = bareUrlEnd(span, i, to);
      const href = end > i ? safeHref(text.slice(i, end)) : null;
      if (href) {
        push(
          <a key={key(keys)} href={href} rel={LINK_REL}>
            {text.slice(i, end)}
          </a>,
        );
        i = end;
        continue;
      }
    }

    plain += c;
    i += 1;
  }
  flush();

  return out;
}

/** Where `*text*`, `**text**`, `_text_` or `__text__` opening at `at` closes, if it does. */
function emphasis(
  { text, ahead }: Span,
  c: string,
  run: number,
  at: number,
  to: number,
): { open: number; close: number; strong: boolean } | null {
  const strong = run >= 2;
  const open = at + (strong ? 2 : 1);
  if (run > 3 || isSpace(text[open])) return null;
  // Underscores inside words (file_name_here) are not emphasis.
  if (c === '_' && WORD.test(text[at - 1] ?? ' ')) return null;

  const close = strong ? ahead.pair(c, open) : ahead.char(c, open);
  if (close === -1 || close <= open) return null;
  const after = close + (strong ? 2 : 1);
  if (after > to || isSpace(text[close - 1])) return null;
  if (c === '_' && WORD.test(text[after] ?? ' ')) return null;

  return { open, close, strong };
}

/** `[text](url)` at `at`: where it ends, where its text ends, and its address if safe. */
function bracketLink(
  { text, ahead }: Span,
  at: number,
  to: number,
): { end: number; textEnd: number; href: string | null } | null {
  const textEnd = ahead.char(']', at + 1);
  if (textEnd === -1 || textEnd + 1 >= to || text[textEnd + 1] !== '(') return null;
  const urlStart = textEnd + 2;
  const urlEnd = ahead.char(')', urlStart);
  if (urlEnd === -1 || urlEnd >= to) return null;
  const space = ahead.space(urlStart);
  if (space !== -1 && space < urlEnd) return null;

  return {
    end: urlEnd + 1,
    textEnd,
    href: safeHref(text.slice(urlStart, urlEnd)),
  };
}

/** The end of an address typed as is ("see https://example.com/x."), or `at` if none. */
function bareUrlEnd({ text, ahead }: Span, at: number, to: number): number {
  const head = text.slice(at, at + 8).toLowerCase();
  if (!head.startsWith('http://') && !head.startsWith('https://')) return at;
  const space = ahead.space(at);
  const angle = ahead.char('<', at);
  let end = Math.min(to, space === -1 ? to : space, angle === -1 ? to : angle);
  // Punctuation that ends a sentence is not part of the address.
  while (end > at && '.,;:!?\'")*_'.includes(text[end - 1] ?? '')) end -= 1;

  return end;
}
