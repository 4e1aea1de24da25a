import { describe, expect, it } from 'vitest';
import { emailDocument } from '@/lib/portal/email-html';

// The body route's own touch on an email's HTML; the real protection is the
// route's policy and the iframe sandbox (tests/e2e/emails.spec.ts).

describe('an email as the body route serves it', () => {
  it('turns a meta refresh into an attribute nothing reads', () => {
    const html =
      '<html><head><META HTTP-EQUIV="refresh" content="0;url=http://remote-refresh.invalid/">' +
      '<meta http-equiv = refresh content="1"></head><body>Hi</body></html>';

    const served = emailDocument(html);

    expect(served.replaceAll('data-removed-http-equiv', '')).not.toMatch(/http-equiv/i);
    expect(served).toContain('data-removed-http-equiv="refresh"');
    expect(served).toContain('<body>Hi</body>');
  });

  it('keeps the line breaks of a plain-text email, as text', () => {
    const served = emailDocument('Hello Ann,\n\nYour invoice <#12> & more.\n');

    expect(served).toContain('<pre style="white-space:pre-wrap;font:inherit">');
    expect(served).toContain('Your invoice &#60;#12&#62; &#38; more.');
    expect(served).not.toContain('<#12>');
  });

  it('leaves other HTML as it was sent', () => {
    const html = '<!DOCTYPE html><p onclick="x()">Paid <img src="data:,">.</p>';

    expect(emailDocument(html)).toBe(html);
  });
});
