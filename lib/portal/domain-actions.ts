'use server';

import 'server-only';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { ActionRefused, customerAction } from '@/lib/portal/customer-action';
import type { FormState } from '@/lib/portal/form-state';
import {
  checkNameservers,
  NAMESERVER_FIELDS,
  nameserverFields,
  nameserverList,
} from '@/lib/portal/nameservers';
import { hiddenRecordId } from '@/lib/portal/record-id';
import { isManageable } from '@/lib/portal/service-rules';
import { getDomain } from '@/lib/whmcs/domains';
import {
  requestTransferCode,
  setAutoRenew,
  setNameservers,
  setRegistrarLock,
} from '@/lib/whmcs/domain-settings';
import type { Domain } from '@/lib/whmcs/types';

// What a customer can change on a domain: nameservers, the registrar lock,
// auto-renewal, and asking for the transfer code. Each one reads the domain
// first (another client's domain is a 404 and nothing is sent) and needs the
// WHMCS right `managedomains` of a non-owner user. Nameserver changes,
// transfer codes and turning the registrar lock off also need a recent
// sign-in: the first two are enough to take a domain (and its email and
// website) away, and the lock is what stops a transfer started with a code
// taken elsewhere. Turning the lock on, and auto-renew either way, need none
// (docs/security.md#customer-changes says why).

const domainId = hiddenRecordId;
const onOff = z.enum(['on', 'off'], {
  error: 'This form has expired. Please reload the page.',
});

const page = (input: { domainId: number }) => `/domains/${input.domainId}`;
const target = (input: { domainId: number }) => `domain:${input.domainId}`;

const NOT_ACTIVE = 'The registrar takes changes only while the domain is active.';

async function manageableDomain(clientId: number, id: number): Promise<Domain> {
  const domain = await getDomain(clientId, id);
  if (!isManageable(domain)) throw new ActionRefused(NOT_ACTIVE);

  return domain;
}

const nameservers = z
  .object({ domainId, ...nameserverFields })
  .strict()
  .superRefine((values, ctx) => checkNameservers(values, ctx))
  .transform((values) => ({ domainId: values.domainId, list: nameserverList(values) }));

export async function changeNameservers(
  previous: FormState,
  form: FormData,
): Promise<FormState> {
  return customerAction(previous, form, {
    action: 'domain.nameservers',
    permission: ['domains', 'managedomains'],
    input: nameservers,
    fields: ['domainId', ...NAMESERVER_FIELDS],
    stepUp: page,
    idempotent: true,
    target,
    refusal: () =>
      'The registrar did not accept these nameservers, so nothing was changed. ' +
      'Check that each one is spelled right and is set up to answer for this domain.',
    run: async (input, session) => {
      const domain = await manageableDomain(session.clientId, input.domainId);
      await setNameservers(domain, input.list);
      revalidatePath(page(input));

      return {
        message: `Nameservers changed for ${domain.name}.`,
        note: { domain: domain.name },
      };
    },
  });
}

const lock = z.object({ domainId, lock: onOff }).strict();

export async function changeRegistrarLock(
  previous: FormState,
  form: FormData,
): Promise<FormState> {
  return customerAction(previous, form, {
    action: 'domain.lock',
    permission: ['domains', 'managedomains'],
    input: lock,
    fields: ['domainId', 'lock'],
    stepUp: (input) => (input.lock === 'off' ? page(input) : null),
    idempotent: true,
    target,
    note: (input) => ({ turned: input.lock }),
    refusal: () => 'The registrar did not change the lock, so nothing was changed.',
    run: async (input, session) => {
      const domain = await manageableDomain(session.clientId, input.domainId);
      await setRegistrarLock(domain, input.lock === 'on');
      revalidatePath(page(input));

      return {
        message:
          input.lock === 'on'
            ? `The registrar lock is on: ${domain.name} cannot be transferred away.`
            : `The registrar lock is off: ${domain.name} can now be transferred away.`,
        note: { domain: domain.name },
      };
    },
  });
}

const autoRenew = z.object({ domainId, autoRenew: onOff }).strict();

export async function changeAutoRenew(
  previous: FormState,
  form: FormData,
): Promise<FormState> {
  return customerAction(previous, form, {
    action: 'domain.autorenew',
    permission: ['domains', 'managedomains'],
    input: autoRenew,
    fields: ['domainId', 'autoRenew'],
    idempotent: true,
    target,
    note: (input) => ({ turned: input.autoRenew }),
    run: async (input, session) => {
      const domain = await manageableDomain(session.clientId, input.domainId);
      await setAutoRenew(domain, input.autoRenew === 'on');
      revalidatePath(page(input));

      return {
        message:
          input.autoRenew === 'on'
            ? `Auto-renew is on: ${domain.name} will be invoiced for renewal before it expires.`
            : `Auto-renew is off: ${domain.name} will expire unless you renew it yourself.`,
        note: { domain: domain.name },
      };
    },
  });
}

const transferCode = z.object({ domainId }).strict();

/** The person's words for a registrar's refusal to hand out a code. */
function transferRefusal(registrarMessage: string | undefined): string {
  const said = registrarMessage ?? '';
  if (/60 days|transfer lock|too soon|recently (registered|transferred)/i.test(said))
    return (
      'This domain was registered or transferred in less than 60 days ago, so it cannot ' +
      'move to another registrar yet. Please ask again once 60 days have passed.'
    );
  if (/ips tag|does not use transfer codes|not (use|support) (epp|auth)/i.test(said))
    return (
      'Domains with this ending move to another registrar without a transfer code. ' +
      'Please open a support ticket and we will help with the move.'
    );
  if (/status/i.test(said))
    return 'The domain’s current status does not allow a transfer. Please contact support.';

  return (
    'The registrar could not give a transfer code right now, so none was issued. ' +
    'Please try again later, or open a support ticket.'
  );
}

// Not keyed for repeats: the answer holds the code, and an answer kept for a
// repeat would keep the code in the store.
export async function requestEppCode(
  previous: FormState,
  form: FormData,
): Promise<FormState> {
  return customerAction(previous, form, {
    action: 'domain.epp',
    permission: ['domains', 'managedomains'],
    input: transferCode,
    fields: ['domainId'],
    stepUp: page,
    target,
    refusal: transferRefusal,
    run: async (input, session) => {
      const domain = await manageableDomain(session.clientId, input.domainId);
      const answer = await requestTransferCode(domain);
      if (answer.kind === 'emailed')
        return {
          message:
            `The registrar of ${domain.name} sends its transfer code by email to the ` +
            'domain’s registrant contact. It should arrive within the hour.',
          note: { domain: domain.name },
        };

      return {
        message:
          `The transfer code for ${domain.name} is below. Copy it now: it is not ` +
          'shown again, and anyone who has it can move the domain away.',
        reveal: answer.code,
        note: { domain: domain.name },
      };
    },
  });
}
