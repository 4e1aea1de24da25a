import type { Client } from '../model';
import { COUNTRIES } from '../seed-catalog';
import { clientName, type SimState } from '../state';
import { money } from '../util';
import { failure, flag, int, success, text, type Handler } from '../wire';
import { clientStats } from './client-stats';

function usersOf(state: SimState, clientId: number) {
  return state.users
    .filter((u) => u.links.some((l) => l.clientId === clientId))
    .map((u) => ({
      id: u.id,
      name: `${u.firstname} ${u.lastname}`,
      email: u.email,
      is_owner: u.links.some((l) => l.clientId === clientId && l.isOwner),
    }));
}

const bit = (on: boolean) => (on ? '1' : '0');

function contactFields(client: Client) {
  const country = COUNTRIES[client.countrycode] ?? {
    name: client.countrycode,
    phonecc: '',
  };
  // A number typed with its own country code is kept as typed.
  const phone = client.phonenumber.startsWith('+')
    ? client.phonenumber
    : `+${country.phonecc}.${client.phonenumber}`;
  const prefs = client.emailPreferences;

  return {
    address1: client.address1,
    address2: client.address2,
    city: client.city,
    fullstate: client.state,
    state: client.state,
    postcode: client.postcode,
    countrycode: client.countrycode,
    country: client.countrycode,
    phonenumber: client.phonenumber,
    tax_id: client.taxId,
    email_preferences: {
      general: bit(prefs.general),
      invoice: bit(prefs.invoice),
      support: bit(prefs.support),
      product: bit(prefs.product),
      domain: bit(prefs.domain),
      affiliate: bit(prefs.affiliate),
    },
    statecode: client.state,
    countryname: country.name,
    phonecc: country.phonecc,
    phonenumberformatted: phone,
    telephoneNumber: phone,
  };
}

function clientRecord(state: SimState, client: Client) {
  const ownerId =
    state.users.find((u) => u.links.some((l) => l.clientId === client.id && l.isOwner))
      ?.id ?? 0;

  return {
    client_id: client.id,
    owner_user_id: ownerId,
    userid: client.id,
    id: client.id,
    uuid: client.uuid,
    firstname: client.firstname,
    lastname: client.lastname,
    fullname: clientName(client),
    companyname: client.companyname,
    email: client.email,
    ...contactFields(client),
    billingcid: 0,
    notes: client.notes,
    currency: 1,
    defaultgateway: '',
    groupid: client.groupId,
    status: client.status,
    credit: money(client.creditCents),
    taxexempt: false,
    latefeeoveride: false,
    overideduenotices: false,
    separateinvoices: false,
    disableautocc: false,
    emailoptout: false,
    marketing_emails_opt_in: true,
    overrideautoclose: false,
    allowSingleSignOn: client.allowSingleSignOn ? 1 : 0,
    email_verified: true,
    language: '',
    isOptedInToMarketingEmails: true,
    lastlogin: client.lastLogin,
    currency_code: 'USD',
    customfields: [{ id: 1, value: client.customField }],
    customfields1: client.customField,
    users: { user: usersOf(state, client.id) },
  };
}

// Client data sits under `client` (the docs call the flat top-level copy
// deprecated, and the example has none); `stats` only when stats=true.
export const getClientsDetails: Handler = (params, ctx) => {
  const clientId = int(params, 'clientid');
  const email = text(params, 'email')?.toLowerCase();
  if (clientId === undefined && !email)
    return failure('Either clientid Or email Is Required');

  const client = ctx.state.clients.find((c) =>
    clientId !== undefined ? c.id === clientId : c.email.toLowerCase() === email,
  );
  if (!client) return failure('Client Not Found');

  const body: Record<string, unknown> = { client: clientRecord(ctx.state, client) };
  if (flag(params, 'stats')) body.stats = clientStats(ctx, client);

  return success(body);
};
