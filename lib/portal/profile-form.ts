import 'server-only';
import { z } from 'zod';
import { COUNTRY_CODES } from '@/lib/portal/countries';
import type { ClientDetails, ProfileChanges } from '@/lib/whmcs/types';

// The profile form: exactly the contact fields a customer may change, checked
// the way WHMCS checks them (a valid email address that no other account uses:
// that last part only WHMCS can tell) plus lengths and characters a billing
// address has no use for. What passes is what is sent, trimmed.

/** The form's field names, which are also the ProfileChanges keys. */
export const PROFILE_FORM_FIELDS = [
  'firstName',
  'lastName',
  'companyName',
  'email',
  'address1',
  'address2',
  'city',
  'state',
  'postcode',
  'countryCode',
  'phone',
  'taxId',
] as const satisfies readonly (keyof ProfileChanges)[];

// Tabs, line breaks and other control characters have no place in one-line fields.
const CONTROL = /[\u0000-\u001f\u007f]/;

function line(label: string, max: number) {
  return z
    .string({ error: `${label} is missing from the form.` })
    .trim()
    .max(max, `${label} can be at most ${max} characters.`)
    .refine((value) => !CONTROL.test(value), `${label} must be on one line.`);
}

const required = (label: string, max: number) =>
  line(label, max).refine(
    (value) => value.length > 0,
    `Enter your ${label.toLowerCase()}.`,
  );

export const profileInput = z
  .object({
    firstName: required('First name', 100),
    lastName: required('Last name', 100),
    companyName: line('Company name', 100),
    email: z
      .string({ error: 'Email address is missing from the form.' })
      .trim()
      .max(254, 'An email address can be at most 254 characters.')
      .pipe(z.email('Enter an email address like name@example.com.')),
    address1: required('Address', 100),
    address2: line('Address line 2', 100),
    city: required('City', 100),
    state: line('State or region', 100),
    postcode: line('Postcode', 20).refine(
      (value) => /^[\p{L}\p{N} -]*$/u.test(value),
      'Use letters, digits, spaces and hyphens only.',
    ),
    countryCode: z.enum(COUNTRY_CODES as [string, ...string[]], {
      error: 'Choose a country from the list.',
    }),
    phone: line('Phone number', 32).refine(
      (value) => /^\+?[0-9 ().-]*$/.test(value),
      'Use digits, spaces and + - ( ) only, with + only at the start.',
    ),
    taxId: line('Tax ID', 64).refine(
      (value) => /^[\p{L}\p{N} ./-]*$/u.test(value),
      'Use letters, digits, spaces and . / - only.',
    ),
  })
  .strict();

export type ProfileInput = z.output<typeof profileInput>;

/** The fields whose value differs from the account's: only those are sent. */
export function changedFields(
  current: ClientDetails,
  input: ProfileInput,
): ProfileChanges {
  const changes: ProfileChanges = {};
  for (const field of PROFILE_FORM_FIELDS) {
    if (current[field] !== input[field]) changes[field] = input[field];
  }

  return changes;
}
