import 'server-only';
import { outsideRequest } from '@/lib/async-root';
import { env } from '@/lib/env';
import type { AllowedAction } from '@/lib/whmcs/allowlist';
import { appendParams, type FormParams } from '@/lib/whmcs/form';
import { endpoint, send } from '@/lib/whmcs/http';

// Benchmark only: the same request the transport sends, through the same HTTP
// client (lib/whmcs/http.ts), with none of its work (no schema, no ownership
// check, no retry, no log line). The plain baseline page under /bench/open/
// uses it to show what the portal's own layers cost. Nothing else may call it:
// its answer is raw WHMCS output, unchecked.

/** Sends `action` and returns WHMCS's parsed JSON as it is. */
export async function rawCall(
  action: AllowedAction,
  params: FormParams,
): Promise<unknown> {
  const config = env();
  const body = new URLSearchParams({ action, identifier: config.WHMCS_API_IDENTIFIER });
  body.set('secret', config.WHMCS_API_SECRET);
  if (config.WHMCS_ACCESS_KEY) body.set('accesskey', config.WHMCS_ACCESS_KEY);
  body.set('responsetype', 'json');
  appendParams(body, params);

  // Outside the request's async context, like the transport (lib/async-root.ts).
  const answer = await outsideRequest(() =>
    send(endpoint(config.WHMCS_URL), body.toString(), config.WHMCS_TIMEOUT_MS),
  );

  return JSON.parse(answer.bodyText);
}
