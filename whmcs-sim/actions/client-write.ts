import { EMAIL_PREFERENCES, type Client } from '../model';
import { ymdHms } from '../util';
import { failure, int, success, text, type Handler } from '../wire';

// Writes on a client account and its users, with the refusals WHMCS documents
// for them. UpdateClient changes what GetClientsDetails answers afterwards;
// ResetPassword remembers the reset email it "sent" (state.passwordResets).

const STATUSES: readonly Client['status'][] = ['Active', 'Inactive', 'Closed'];

/** Close to PHP's FILTER_VALIDATE_EMAIL for the addresses people actually type. */
export function isEmailAddress(value: string): boolean {
  return (
    value.length <= 254 &&
    /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/.test(
      value,
    ) &&
    !value.split('@')[0]?.startsWith('.') &&
    !value.includes('..')
  );
}

/** Plain text fields: parameter name → the client record's field. */
const TEXT_FIELDS = {
  firstname: 'firstname',
  lastname: 'lastname',
  companyname: 'companyname',
  address1: 'address1',
  address2: 'address2',
  city: 'city',
  state: 'state',
  postcode: 'postcode',
  country: 'countrycode',
  phonenumber: 'phonenumber',
  tax_id: 'taxId',
  notes: 'notes',
} as const satisfies Record<string, keyof Client>;

/** A parameter that was sent, blank or not (blank clears a field, as in WHMCS). */
function sent(params: URLSearchParams, name: string): string | undefined {
  const value = params.get(name);

  return value === null ? undefined : value.trim();
}

/** WHMCS reads a boolean from 1/0, true/false or on; anything else is off. */
const truthy = (value: string) =>
  ['1', 'true', 'on', 'yes'].includes(value.toLowerCase());

export const updateClient: Handler = (params, ctx) => {
  const { clients } = ctx.state;
  const clientId = int(params, 'clientid');
  const byEmail = text(params, 'clientemail')?.toLowerCase();
  const client =
    clientId !== undefined
      ? clients.find((c) => c.id === clientId)
      : byEmail
        ? clients.find((c) => c.email.toLowerCase() === byEmail)
        : undefined;
  if (!client) return failure('Client ID Not Found');

  const email = sent(params, 'email');
  if (email !== undefined && email !== '') {
    if (!isEmailAddress(email)) return failure('The email address entered is not valid');
    const taken = clients.some(
      (c) => c.id !== client.id && c.email.toLowerCase() === email.toLowerCase(),
    );
    if (taken) return failure('Duplicate Email Address');
  }

  const preferences = { ...client.emailPreferences };
  for (const name of EMAIL_PREFERENCES) {
    const value = sent(params, `email_preferences[${name}]`);
    if (value !== undefined) preferences[name] = truthy(value);
  }
  // The simulator's clients have no contacts, so the client's own address is
  // the only one left to receive domain notices.
  if (!preferences.domain) {
    return failure(
      'You must have at least one email address enabled to receive domain related ' +
        'notifications as required by ICANN. To disable domain notifications, please ' +
        'create an alternative contact that is set to receive them',
    );
  }

  // Every check passed: only now is anything changed.
  for (const [param, field] of Object.entries(TEXT_FIELDS)) {
    const value = sent(params, param);
    if (value !== undefined) client[field] = value;
  }
  if (email) client.email = email;
  const status = sent(params, 'status');
  const known = STATUSES.find((s) => s.toLowerCase() === status?.toLowerCase());
  if (known) client.status = known;
  const group = int(params, 'groupid');
  if (group !== undefined && group >= 0) client.groupId = group;
  client.emailPreferences = preferences;

  return success({ clientid: String(client.id) });
};

export const resetPassword: Handler = (params, ctx) => {
  const id = int(params, 'id');
  const email = text(params, 'email');
  if (id === undefined && !email)
    return failure('Please enter the email address or provide the id');
  if (id === undefined && email && !isEmailAddress(email))
    return failure('Please provide a valid email address');

  const user = ctx.state.users.find((u) =>
    id !== undefined ? u.id === id : u.email.toLowerCase() === email?.toLowerCase(),
  );
  if (!user) return failure('User Not Found');

  ctx.state.passwordResets.push({
    userId: user.id,
    email: user.email,
    at: ymdHms(ctx.clock()),
  });

  return success();
};
