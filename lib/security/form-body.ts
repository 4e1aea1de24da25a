import 'server-only';

// Small sign-in forms are read with a byte cap that holds whatever the request
// says about its length: Content-Length is checked first (a quick 413), and
// the body is then read as a stream and abandoned once past the cap, so a
// chunked body without a length cannot make the server parse megabytes.

export type LimitedForm = { form: FormData | null } | { tooLarge: true };

export async function readLimitedForm(
  request: Request,
  maxBytes: number,
): Promise<LimitedForm> {
  if (Number(request.headers.get('content-length') ?? 0) > maxBytes)
    return { tooLarge: true };
  if (!request.body) return { form: null };

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return { tooLarge: true };
    }
    chunks.push(value);
  }

  const body = new Blob(chunks as BlobPart[]);
  const type = request.headers.get('content-type') ?? '';
  const form = await new Response(body, { headers: { 'content-type': type } })
    .formData()
    .catch(() => null);

  return { form };
}
