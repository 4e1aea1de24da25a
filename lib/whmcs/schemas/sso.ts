import 'server-only';
import { z } from 'zod';
import { text } from '@/lib/whmcs/wire';

// CreateSsoToken answers with the token and a ready link to spend it
// (`redirect_url`, JSON-escaped slashes and all). Only the link is kept; the
// caller checks that it points at the configured WHMCS before sending anyone.
export const createSsoTokenAnswer = z
  .object({ access_token: text, redirect_url: text })
  .transform((wire) => ({ url: wire.redirect_url }));
