'use server';

import 'server-only';
import { z } from 'zod';
import { customerAction, type CustomerActionSpec } from '@/lib/portal/customer-action';
import type { FormState } from '@/lib/portal/form-state';
import { recordId } from '@/lib/portal/record-id';
import { getInvoice } from '@/lib/whmcs/billing';
import { singleSignOnLink } from '@/lib/whmcs/sso';

// The buttons that hand the customer over to WHMCS with a single-use sign-in
// link (lib/whmcs/sso.ts): paying an invoice, its PDF, and the login's own
// password and two-factor pages. Each needs a recent sign-in (step-up); an
// invoice is read first, so another client's invoice is a 404 and no link is
// ever made for it. The link goes to the browser as a redirect and nowhere
// else: not into the form state, the activity trail or a log line.

const invoiceInput = z
  .object({
    invoiceId: recordId('No such invoice.'),
  })
  .strict();

const HANDING_OVER = 'Taking you to our billing system…';

/** WHMCS lets an administrator turn single sign-on off for a client. */
const refusal = (message: string | undefined) =>
  /sso authentication blocked/i.test(message ?? '')
    ? 'Our billing system does not allow signing in from the portal for this ' +
      'account. Please sign in to the billing system directly.'
    : undefined;

function invoiceLink(
  to: 'invoice' | 'invoice-pdf',
): CustomerActionSpec<typeof invoiceInput> {
  return {
    action: `sso.${to}`,
    permission: 'invoices',
    input: invoiceInput,
    fields: ['invoiceId'],
    stepUp: (input) => `/invoices/${input.invoiceId}`,
    target: (input) => `invoice:${input.invoiceId}`,
    refusal,
    async run(input, session) {
      const invoice = await getInvoice(session.clientId, input.invoiceId);
      const url = await singleSignOnLink(session.clientId, session.userId, {
        to,
        invoiceId: invoice.id,
      });

      return {
        message: HANDING_OVER,
        redirectTo: url,
        note: { invoice: invoice.number },
      };
    },
  };
}

const nothing = z.object({}).strict();

function loginLink(to: 'password' | 'two-factor'): CustomerActionSpec<typeof nothing> {
  return {
    action: `sso.${to}`,
    input: nothing,
    fields: [],
    stepUp: () => '/account/security',
    target: () => 'your login',
    refusal,
    async run(_input, session) {
      const url = await singleSignOnLink(session.clientId, session.userId, { to });

      return { message: HANDING_OVER, redirectTo: url };
    },
  };
}

const PAY = invoiceLink('invoice');
const PDF = invoiceLink('invoice-pdf');
const PASSWORD = loginLink('password');
const TWO_FACTOR = loginLink('two-factor');

export async function payInvoice(
  previous: FormState,
  form: FormData,
): Promise<FormState> {
  return customerAction(previous, form, PAY);
}

export async function downloadInvoicePdf(
  previous: FormState,
  form: FormData,
): Promise<FormState> {
  return customerAction(previous, form, PDF);
}

export async function changePasswordInWhmcs(
  previous: FormState,
  form: FormData,
): Promise<FormState> {
  return customerAction(previous, form, PASSWORD);
}

export async function setUpTwoFactorInWhmcs(
  previous: FormState,
  form: FormData,
): Promise<FormState> {
  return customerAction(previous, form, TWO_FACTOR);
}
