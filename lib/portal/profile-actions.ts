'use server';

import 'server-only';
import { revalidatePath } from 'next/cache';
import { customerAction, type CustomerActionSpec } from '@/lib/portal/customer-action';
import type { FormState } from '@/lib/portal/form-state';
import {
  changedFields,
  PROFILE_FORM_FIELDS,
  profileInput,
} from '@/lib/portal/profile-form';

import { getClientDetails, updateClient } from '@/lib/whmcs/clients';

// The profile form's server action. It acts on the session's own client only
// (no form field names a client), reads it first, and sends UpdateClient only
// the fields that changed, from the fixed list; a form carrying any other
// field (status, credit, notes, a client id…) is refused as a whole. A new
// email address needs a recent sign-in: WHMCS sends password resets and
// notices there, so it would hand the account to whoever holds the session.

const REFUSALS: [RegExp, string][] = [
  [
    /duplicate email/i,
    'Another account already uses this email address, so nothing was changed. ' +
      'Please use a different one.',
  ],
  [
    /email address entered is not valid/i,
    'Our billing system did not accept this email address, so nothing was changed. ' +
      'Please check it.',
  ],
];

const PROFILE: CustomerActionSpec<typeof profileInput> = {
  action: 'profile.update',
  permission: 'profile',
  input: profileInput,
  fields: PROFILE_FORM_FIELDS,
  // Read before the step-up check: only a change of the email address asks for it.
  stepUp: async (input, session) => {
    const current = await getClientDetails(session.clientId);
    return 'email' in changedFields(current, input) ? '/account/profile' : null;
  },
  idempotent: true,
  target: () => 'contact details',
  refusal: (message) => REFUSALS.find(([pattern]) => pattern.test(message ?? ''))?.[1],
  async run(input, session) {
    const current = await getClientDetails(session.clientId);
    const changes = changedFields(current, input);
    if (Object.keys(changes).length === 0) {
      return { message: 'Nothing to save: your details were already as shown.' };
    }
    await updateClient(session.clientId, changes);
    revalidatePath('/account/profile');

    return { message: 'Your contact details were saved.' };
  },
};

export async function saveProfile(
  previous: FormState,
  form: FormData,
): Promise<FormState> {
  return customerAction(previous, form, PROFILE);
}
