import { CANCELLATION_TYPES, type CancellationType } from '../model';
import { nextId } from '../state';
import { ymdHms } from '../util';
import { failure, int, success, text, type Handler } from '../wire';

// AddCancelRequest: files a cancellation request for a service. WHMCS keeps one
// open request per service; the service itself stays as it is until staff (or
// the daily cron) act on the request, so GetClientsProducts shows no change.
// Answers with both ids as strings, as the example does (`userid` is the client).

export const addCancelRequest: Handler = (params, ctx) => {
  const serviceId = int(params, 'serviceid');
  const service = ctx.state.services.find((s) => s.id === serviceId);
  if (!service) return failure('Service ID Not Found');
  if (ctx.state.cancelRequests.some((r) => r.serviceId === service.id))
    return failure('Existing Cancellation Request Exists');

  // Assumed: WHMCS's default type, and a type it does not know is refused.
  const given = text(params, 'type') ?? 'End of Billing Period';
  const type = CANCELLATION_TYPES.find((t) => t.toLowerCase() === given.toLowerCase());
  if (!type) return failure('Invalid Cancellation Type');

  ctx.state.cancelRequests.push({
    id: nextId(ctx.state.cancelRequests),
    serviceId: service.id,
    type: type satisfies CancellationType,
    reason: text(params, 'reason') ?? '',
    date: ymdHms(ctx.clock()),
  });

  return success({ serviceid: String(service.id), userid: String(service.clientId) });
};
