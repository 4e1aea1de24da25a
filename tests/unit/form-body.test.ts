import { describe, expect, it } from 'vitest';
import { readLimitedForm } from '@/lib/security/form-body';

// The sign-in forms' byte cap holds for bodies that say nothing about their
// length (chunked) or lie about it.

const CAP = 4096;

function streamed(bytes: number, declared?: number): Request {
  const chunk = new TextEncoder().encode('a'.repeat(1024));
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      controller.enqueue(chunk);
      sent += chunk.byteLength;
    },
  });
  const headers: Record<string, string> = {
    'content-type': 'application/x-www-form-urlencoded',
  };
  if (declared !== undefined) headers['content-length'] = String(declared);

  return new Request('http://localhost/api/auth/password', {
    method: 'POST',
    body,
    headers,
    duplex: 'half',
  } as RequestInit);
}

describe('reading a small form with a byte cap', () => {
  it('parses a form under the cap', async () => {
    const request = new Request('http://localhost/', {
      method: 'POST',
      body: new URLSearchParams({ email: 'a@example.com', password: 'x' }),
    });

    const read = await readLimitedForm(request, CAP);

    expect('form' in read && read.form?.get('email')).toBe('a@example.com');
  });

  it('refuses a declared length over the cap without reading', async () => {
    expect(await readLimitedForm(streamed(1024, 10 * CAP), CAP)).toEqual({
      tooLarge: true,
    });
  });

  it('stops reading a chunked body once past the cap', async () => {
    const read = await readLimitedForm(streamed(30 * 1024 * 1024), CAP);

    expect(read).toEqual({ tooLarge: true });
  });

  it('stops reading a body longer than its declared length claims', async () => {
    expect(await readLimitedForm(streamed(64 * 1024, 100), CAP)).toEqual({
      tooLarge: true,
    });
  });
});
