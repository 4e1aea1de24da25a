import 'server-only';
import { z } from 'zod';

// A record's id as a form sends it: the decimal digits of a positive 32-bit
// integer (WHMCS's ids), or the field fails with `message`. Numbers past that
// range, signs, spaces and exponents never reach a WHMCS call.

const INT_MAX = 2_147_483_647;

export function recordId(message: string) {
  return z
    .string({ error: message })
    .regex(/^[1-9]\d{0,9}$/, message)
    .transform(Number)
    .pipe(z.number().max(INT_MAX, message));
}

/** For a hidden id field: if it is wrong, the page the form came from is stale or forged. */
export const hiddenRecordId = recordId('This form has expired. Please reload the page.');
