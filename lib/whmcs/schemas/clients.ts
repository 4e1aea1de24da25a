import 'server-only';
import { z } from 'zod';
import { currencyOf } from '@/lib/whmcs/schemas/common';
import type { ClientDetails } from '@/lib/whmcs/types';
import { id, isRecord, money, optText, text } from '@/lib/whmcs/wire';

/**
 * GetClientsDetails puts the client under `client` and a deprecated copy at
 * the top level (docs/whmcs.md#getclientsdetails-duplicates-fields-at-the-top-level):
 * `client.*` wins, the root fills gaps. The id is `id`, `client_id` or
 * `userid` depending on version.
 */
function clientView(body: unknown): unknown {
  if (!isRecord(body)) return body;
  const merged = { ...body, ...(isRecord(body.client) ? body.client : {}) };

  return { ...merged, id: merged.id ?? merged.client_id ?? merged.userid };
}

const clientFields = z.object({
  id,
  firstname: optText,
  lastname: optText,
  companyname: optText,
  email: text,
  status: z.enum(['Active', 'Inactive', 'Closed']),
  address1: optText,
  address2: optText,
  city: optText,
  state: optText,
  postcode: optText,
  countrycode: optText,
  country: optText,
  phonenumber: optText,
  tax_id: optText,
  credit: money,
  currency_code: text,
});

export const getClientsDetailsAnswer = z
  .preprocess(clientView, clientFields)
  .transform((wire): ClientDetails => ({
    id: wire.id,
    firstName: wire.firstname,
    lastName: wire.lastname,
    companyName: wire.companyname,
    email: wire.email,
    status: wire.status,
    address1: wire.address1,
    address2: wire.address2,
    city: wire.city,
    state: wire.state,
    postcode: wire.postcode,
    countryCode: wire.countrycode || wire.country,
    phone: wire.phonenumber,
    taxId: wire.tax_id,
    credit: wire.credit,
    currency: currencyOf(wire.currency_code),
  }));
