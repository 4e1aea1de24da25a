import 'server-only';

// What the email body route serves. The protection is the browser's: the
// route's own Content-Security-Policy (EMAIL_BODY_CSP: nothing loads, nothing
// runs, sandboxed) and the iframe's sandbox. On top of that, a meta refresh is
// defused here, so it is not even parsed as one, and a plain-text email keeps
// its line breaks.

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function emailDocument(message: string): string {
  if (!/<[a-z!/]/i.test(message)) {
    return (
      '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>' +
      `<pre style="white-space:pre-wrap;font:inherit">${escape(message)}</pre></body></html>`
    );
  }

  return message.replace(/http-equiv/gi, 'data-removed-http-equiv');
}
