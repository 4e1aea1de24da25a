import { createElement, Fragment } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { renderMarkdown, safeHref } from '@/components/tickets/markdown';

// Ticket messages come from customers and staff and may hold anything. The
// renderer must turn a little Markdown into elements and everything else into
// text: no tag, attribute or address anyone typed may reach the page as markup.

const html = (source: string) =>
  renderToStaticMarkup(createElement(Fragment, null, ...renderMarkdown(source)));

/** Every tag in the output; nothing outside this set may ever appear. */
const ALLOWED_TAGS = new Set([
  'p',
  'br',
  'em',
  'strong',
  'code',
  'pre',
  'ul',
  'ol',
  'li',
  'blockquote',
  'a',
]);
const tagsOf = (markup: string) =>
  [...markup.matchAll(/<\/?([a-zA-Z][\w-]*)/g)].map((m) => m[1]?.toLowerCase());
const hrefsOf = (markup: string) =>
  [...markup.matchAll(/href="([^"]*)"/g)].map((m) => m[1] ?? '');

function expectSafe(markup: string) {
  for (const tag of tagsOf(markup)) expect(ALLOWED_TAGS.has(tag ?? '')).toBe(true);
  // Only href and rel (and ol's start) are ever written as attributes.
  const attributes = [...markup.matchAll(/<[a-z]+((?:\s+[a-z-]+="[^"]*")*)/g)]
    .flatMap((m) => [...(m[1] ?? '').matchAll(/([a-z-]+)=/g)].map((a) => a[1]))
    .filter((name) => !['href', 'rel', 'start'].includes(name ?? ''));
  expect(attributes).toEqual([]);
  for (const href of hrefsOf(markup)) expect(href).toMatch(/^(https?:\/\/|mailto:)/);
}

describe('plain text and formatting', () => {
  it('keeps paragraphs and line breaks of a plain message', () => {
    expect(html('Hey,\r\n\r\nThis is the first ticket message!\r\nThanks')).toBe(
      '<p>Hey,</p><p>This is the first ticket message!<br/>Thanks</p>',
    );
  });

  it('renders emphasis, strong emphasis and inline code', () => {
    expect(html('a *b* __c__ _d_ **e** `f <g>`')).toBe(
      '<p>a <em>b</em> <strong>c</strong> <em>d</em> <strong>e</strong> <code>f &lt;g&gt;</code></p>',
    );
  });

  it('leaves underscores inside words and lone stars alone', () => {
    expect(html('snake_case_name and 2 * 3 * 4 and a*')).toBe(
      '<p>snake_case_name and 2 * 3 * 4 and a*</p>',
    );
  });

  it('renders a fenced code block verbatim, markup as text', () => {
    expect(html('```\n<script>alert(1)</script>\n**not bold**\n```\nafter')).toBe(
      '<pre><code>&lt;script&gt;alert(1)&lt;/script&gt;\n**not bold**</code></pre><p>after</p>',
    );
  });

  it('renders bulleted and numbered lists, with continuation lines', () => {
    expect(html('Steps:\n- one\n- two\n  more\n\n3. three\n4. four')).toBe(
      '<p>Steps:</p><ul><li>one</li><li>two<br/>more</li></ul><ol start="3"><li>three</li><li>four</li></ol>',
    );
  });

  it('renders quotes, and headings as bold lines (no heading elements)', () => {
    expect(html('> quoted *text*\n> more\n\n## Title ##\n# C#')).toBe(
      '<blockquote><p>quoted <em>text</em><br/>more</p></blockquote><p><strong>Title</strong></p><p><strong>C#</strong></p>',
    );
  });

  it('honours backslash escapes', () => {
    expect(html('\\*not em\\* and \\[not a link\\](https://a.example)')).toBe(
      '<p>*not em* and [not a link](<a href="https://a.example/" rel="noopener noreferrer nofollow">https://a.example</a>)</p>',
    );
  });
});

describe('links', () => {
  it('links http, https and mailto with rel noopener noreferrer nofollow', () => {
    expect(
      html('[docs](https://docs.kraken.example/a?b=1&c=2) <mailto:help@kraken.example>'),
    ).toBe(
      '<p><a href="https://docs.kraken.example/a?b=1&amp;c=2" rel="noopener noreferrer nofollow">docs</a> ' +
        '<a href="mailto:help@kraken.example" rel="noopener noreferrer nofollow">mailto:help@kraken.example</a></p>',
    );
  });

  it('links a typed address, leaving the full stop after it out', () => {
    expect(html('See https://status.kraken.example/incident/42.')).toBe(
      '<p>See <a href="https://status.kraken.example/incident/42" rel="noopener noreferrer nofollow">https://status.kraken.example/incident/42</a>.</p>',
    );
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'javascript&#58;alert(1)',
    'javascript&colon;alert(1)',
    '&#106;avascript:alert(1)',
    '&#x6A;avascript:alert(1)',
    'jav&#x09;ascript:alert(1)',
    '\u0000javascript:alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'DATA:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    '//evil.example/x',
    '/account/security',
    'https://user:pass@evil.example/',
    'javascript://kraken.example/%0Aalert(1)',
  ])('turns a link to %j into plain text', (target) => {
    const source = `[click me](${target})`;

    const markup = html(source);

    expectSafe(markup);
    expect(hrefsOf(markup)).toEqual([]);
    expect(markup).not.toMatch(/<a\b/);
  });

  it.each([
    '<javascript:alert(1)>',
    '<data:text/html,x>',
    '<a href="javascript:alert(1)">x</a>',
  ])('keeps %j as text', (source) => {
    const markup = html(source);

    expectSafe(markup);
    expect(markup).not.toMatch(/<a\b/);
    expect(markup).toContain('&lt;');
  });

  it('links the address inside a typed tag, and keeps the tag itself as text', () => {
    const markup = html('<a href=https://evil.example onclick=alert(1)>x</a>');

    expectSafe(markup);
    expect(hrefsOf(markup)).toEqual(['https://evil.example/']);
    expect(markup).toContain('&lt;a href=');
    expect(markup).toContain(' onclick=alert(1)&gt;x&lt;/a&gt;');
  });

  it('never nests a link in a link, and shows broken brackets as typed', () => {
    const markup = html(
      '[[x](javascript:alert(1))](https://ok.example) [a [b] c](https://ok.example) [[[]]](',
    );

    expectSafe(markup);
    expect(hrefsOf(markup).every((h) => h === 'https://ok.example/')).toBe(true);
    expect(markup).toContain('javascript:alert(1)');
  });

  it('never loads an image: image syntax is at most a link', () => {
    const markup = html('![tracker](https://evil.example/pixel.png)');

    expectSafe(markup);
    expect(markup).not.toContain('<img');
  });

  it('safeHref accepts only absolute http(s) and mailto addresses', () => {
    expect(safeHref('HTTPS://Example.com/a b')).toBe('https://example.com/a%20b');
    expect(safeHref('mailto:a@b.example')).toBe('mailto:a@b.example');
    expect(safeHref('javascript:alert(1)')).toBeNull();
    // A host does not make another scheme acceptable.
    expect(safeHref('javascript://kraken.example/%0Aalert(1)')).toBeNull();
    expect(safeHref('ftp://kraken.example/file')).toBeNull();
    expect(safeHref('http://')).toBeNull();
    expect(safeHref(`https://a.example/${'x'.repeat(3000)}`)).toBeNull();
  });
});

describe('hostile markup is text', () => {
  const HOSTILE = [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '<svg/onload=alert(1)>',
    '<iframe src="javascript:alert(1)"></iframe>',
    '<style>body{display:none}</style>',
    '"><img src=x onerror=alert(1)>',
    '**<img src=x onerror=alert(1)>**',
    '`<script>` and *<b onmouseover=alert(1)>x</b>*',
    '[<img src=x onerror=alert(1)>](https://ok.example)',
    '> <script>alert(1)</script>\n- <script>alert(2)</script>',
    '<!-- comment --><![CDATA[x]]>&lt;script&gt;',
  ];

  it.each(HOSTILE)('%j', (source) => {
    const markup = html(source);

    expectSafe(markup);
    expect(markup).not.toMatch(/<(script|img|svg|iframe|style|b)\b/i);
  });

  it('keeps entities as typed rather than decoding them into markup', () => {
    expect(html('&lt;script&gt; &#60;b&#62;')).toBe(
      '<p>&amp;lt;script&amp;gt; &amp;#60;b&amp;#62;</p>',
    );
  });
});

describe('large and pathological input', () => {
  // CPU time of this test process, not the wall clock: on a busy machine the
  // wall clock also counts the time other processes had the CPU.
  const timed = (source: string) => {
    const started = process.cpuUsage();
    const markup = html(source);
    const used = process.cpuUsage(started);
    return { ms: (used.user + used.system) / 1000, markup };
  };

  it.each([
    ['brackets', '['.repeat(200_000)],
    ['unclosed links', '[a]('.repeat(50_000)],
    ['nested brackets', `${'['.repeat(50_000)}x${']'.repeat(50_000)}(https://a.example)`],
    ['stars', '*'.repeat(200_000)],
    ['alternating emphasis', '*a _b '.repeat(40_000)],
    ['strong pairs', '**a** '.repeat(40_000)],
    ['backtick runs', '` `` ``` '.repeat(25_000)],
    ['angle brackets', '<a '.repeat(70_000)],
    ['addresses', 'https://a.example/x '.repeat(10_000)],
    ['list lines', '- item\n'.repeat(30_000)],
    ['quote lines', '> > > > x\n'.repeat(20_000)],
    ['heading hashes', `# ${'#'.repeat(100_000)} x`],
    ['fence openers', '```\n'.repeat(50_000)],
    ['long line', 'word '.repeat(200_000)],
  ])('%s: renders about a megabyte or less in well under a second', (_name, source) => {
    const { ms, markup } = timed(source);

    expectSafe(markup);
    expect(ms).toBeLessThan(2_000);
  });

  it('grows linearly: ten times the input takes nowhere near a hundred times as long', () => {
    const unit = '[x](javascript:a) **b `c` _d_ <e> https://f.example/ ';
    // The fastest of three runs each: a pause for garbage collection only ever
    // adds time, so the minimum is closest to the renderer's own cost.
    const fastest = (source: string) =>
      Math.min(...[1, 2, 3].map(() => timed(source).ms));
    timed(unit.repeat(1_000)); // warm-up
    const small = Math.max(fastest(unit.repeat(2_000)), 1);
    const large = fastest(unit.repeat(20_000));

    expect(large / small).toBeLessThan(40);
  });
});
