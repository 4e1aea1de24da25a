'use server';

import 'server-only';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { pendingCancellation, rememberCancellation } from '@/lib/portal/cancellations';
import { serviceName } from '@/lib/portal/activity';
import { ActionRefused, customerAction } from '@/lib/portal/customer-action';
import type { FormState } from '@/lib/portal/form-state';
import { hiddenRecordId } from '@/lib/portal/record-id';
import { WhmcsRefusedError } from '@/lib/whmcs/errors';
import { getService, requestCancellation } from '@/lib/whmcs/services';
import { singleSignOnLink } from '@/lib/whmcs/sso';
import { CANCELLATION_TYPES } from '@/lib/whmcs/types';
import {
  cancellationTiming,
  canChangePlan,
  hasControlPanel,
  isCancellable,
} from '@/lib/portal/service-rules';

// What a customer can do with a service: sign in to its control panel, go to
// WHMCS's upgrade page, and ask for it to be cancelled. Each one reads the
// service first (another client's service is a 404 and nothing is sent), needs
// the WHMCS right a non-owner user must hold, and a recent sign-in.

const serviceId = hiddenRecordId;

const byService = z.object({ serviceId }).strict();

const page = (input: { serviceId: number }) => `/services/${input.serviceId}`;
const target = (input: { serviceId: number }) => `service:${input.serviceId}`;

export async function signInToControlPanel(
  previous: FormState,
  form: FormData,
): Promise<FormState> {
  return customerAction(previous, form, {
    action: 'sso.control-panel',
    permission: ['products', 'productsso'],
    input: byService,
    fields: ['serviceId'],
    stepUp: page,
    target,
    run: async (input, session) => {
      const service = await getService(session.clientId, input.serviceId);
      if (!hasControlPanel(service))
        throw new ActionRefused(
          'This service has no control panel to sign in to while it is not active.',
        );
      const link = await singleSignOnLink(session.clientId, session.userId, {
        to: 'control-panel',
        serviceId: service.id,
      });

      return {
        message: 'Taking you to your control panel…',
        redirectTo: link,
        note: { service: serviceName(service) },
      };
    },
  });
}

export async function changePlanInWhmcs(
  previous: FormState,
  form: FormData,
): Promise<FormState> {
  return customerAction(previous, form, {
    action: 'sso.upgrade',
    permission: ['products', 'orders'],
    input: byService,
    fields: ['serviceId'],
    stepUp: page,
    target,
    run: async (input, session) => {
      const service = await getService(session.clientId, input.serviceId);
      if (!canChangePlan(service))
        throw new ActionRefused('Only an active service can change its plan.');
      // The page no longer offers it once a cancellation is requested; a form
      // kept open from before, or a forged one, is refused here.
      if (await pendingCancellation(session.clientId, service.id))
        throw new ActionRefused(
          'A cancellation has been requested for this service, so its plan cannot be ' +
            'changed. Open a support ticket if you want to keep it.',
        );
      const link = await singleSignOnLink(session.clientId, session.userId, {
        to: 'upgrade',
        serviceId: service.id,
      });

      return {
        message: 'Taking you to the upgrade page…',
        redirectTo: link,
        note: { service: serviceName(service) },
      };
    },
  });
}

const cancellation = z
  .object({
    serviceId,
    type: z.enum(CANCELLATION_TYPES, { error: 'Choose when the service should end.' }),
    reason: z
      .string({ error: 'Tell us briefly why you are cancelling.' })
      .trim()
      .min(3, 'Tell us briefly why you are cancelling.')
      .max(1000, 'Please keep the reason under 1,000 characters.'),
    confirm: z.literal('yes', {
      error: 'Tick the box to confirm that you want this service cancelled.',
    }),
  })
  .strict();

const ALREADY = 'A cancellation has already been requested for this service.';

export async function requestServiceCancellation(
  previous: FormState,
  form: FormData,
): Promise<FormState> {
  return customerAction(previous, form, {
    action: 'service.cancel',
    permission: ['products', 'orders'],
    input: cancellation,
    fields: ['serviceId', 'type', 'reason', 'confirm'],
    stepUp: page,
    idempotent: true,
    target,
    run: async (input, session) => {
      const service = await getService(session.clientId, input.serviceId);
      if (!isCancellable(service))
        throw new ActionRefused(
          `This service is ${service.status.toLowerCase()}, so there is nothing to cancel.`,
        );
      if (await pendingCancellation(session.clientId, service.id))
        throw new ActionRefused(ALREADY);
      // The page offers only "Immediate" once the paid period is over (or where
      // there is none): WHMCS would end it at once anyway, not at a later date.
      const timing = cancellationTiming(service);
      if (input.type === 'End of Billing Period' && !timing.endOfPeriod)
        throw new ActionRefused(
          'This service’s paid period is over, so it can only be cancelled immediately.',
        );
      try {
        await requestCancellation(service, input.type, input.reason);
      } catch (error) {
        if (!isExisting(error)) throw error;
        await rememberCancellation(session.clientId, service, 'unknown').catch(
          () => undefined,
        );
        revalidatePath(page(input));
        throw new ActionRefused(ALREADY);
      }
      await rememberCancellation(session.clientId, service, input.type).catch(
        () => undefined,
      );
      revalidatePath(page(input));

      return {
        message:
          input.type === 'Immediate'
            ? 'Cancellation requested: the service stops at our next daily run, within 24 hours.'
            : 'Cancellation requested: the service keeps working until its paid period ends, and ends then.',
        note: { service: serviceName(service) },
      };
    },
  });
}

function isExisting(error: unknown): boolean {
  return (
    error instanceof WhmcsRefusedError &&
    /existing cancellation request/i.test(error.whmcsMessage ?? '')
  );
}
