import 'server-only';
import type { z } from 'zod';
import { requireCustomer } from '@/lib/auth/guards';
import { securityEvent } from '@/lib/auth/events';
import { customerAction, type CustomerActionSpec } from '@/lib/portal/customer-action';
import type { FormState } from '@/lib/portal/form-state';

// customerAction for forms whose fields are a fixed list (the profile, the
// single sign-on buttons): a form that carries any other field is refused as
// a whole, before anything is read from it, instead of having the extra field
// quietly dropped. Nobody filling in the portal's own form sends one, so it
// is a forged request, and it is logged as one.

/** Fields every action form carries: its submission key, and Next's own action fields. */
const FRAME = /^(submission|\$ACTION_.*)$/;

export const FORGED_MESSAGE =
  'This form carried fields that cannot be changed here, so nothing was changed. ' +
  'Please reload the page and try again.';

/** The names in `form` that are neither listed nor part of every action form. */
export function fieldsOutside(form: FormData, listed: readonly string[]): string[] {
  const names = new Set(form.keys());

  return [...names].filter((name) => !listed.includes(name) && !FRAME.test(name));
}

export async function strictCustomerAction<S extends z.ZodType>(
  previous: FormState,
  form: FormData,
  spec: CustomerActionSpec<S>,
): Promise<FormState> {
  // The session and the WHMCS permission come first: a user without the right
  // gets the 403 whatever the form holds.
  await requireCustomer(spec.permission);
  const forged = fieldsOutside(form, spec.fields);
  if (forged.length > 0) {
    securityEvent('security.form.refused', {
      action: spec.action,
      fields: forged.join(',').slice(0, 200),
    });

    return {
      status: 'error',
      message: FORGED_MESSAGE,
      problems: {},
      values: {},
      submission: previous.submission,
    };
  }

  return customerAction(previous, form, spec);
}
