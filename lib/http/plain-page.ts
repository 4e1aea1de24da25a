import 'server-only';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A small, self-contained HTML answer for route handlers that a plain form
 * posts to: the status code is the real one (403, 429, 503), the text is ours.
 */
export function plainPage(
  status: number,
  title: string,
  message: string,
  extraHeaders: Record<string, string> = {},
  back = '/login',
): Response {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} · Kraken Portal</title></head>
<body><main><h1>${escape(title)}</h1><p>${escape(message)}</p>
<p><a href="${escape(back)}">Back to sign-in</a></p></main></body></html>`;

  return new Response(html, {
    status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      ...extraHeaders,
    },
  });
}
