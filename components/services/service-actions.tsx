import 'server-only';
import { randomUUID } from 'node:crypto';
import { can, type CustomerSession } from '@/lib/auth/guards';
import { pendingCancellation } from '@/lib/portal/cancellations';
import {
  changePlanInWhmcs,
  requestServiceCancellation,
  signInToControlPanel,
} from '@/lib/portal/service-actions';
import {
  cancellationTiming,
  canChangePlan,
  hasControlPanel,
  isCancellable,
  type CancellationTiming,
} from '@/lib/portal/service-rules';
import { planOptions, type PlanOptions } from '@/lib/whmcs/catalog';
import type { CancellationNote } from '@/lib/portal/cancellations';
import type { Currency, Service } from '@/lib/whmcs/types';
import { Card } from '@/components/card';
import { DataTable } from '@/components/data-table';
import {
  ActionForm,
  CheckboxField,
  SelectField,
  TextArea,
} from '@/components/forms/action-form';
import { formatDate, formatDateTime, formatMoney } from '@/components/format';
import { Section, settle } from '@/components/section';
import { StepUpHint, stepUpNeeded } from '@/components/step-up-hint';

// The changes a customer can make to a service, each shown only when the
// service allows it and the login holds the WHMCS right it needs.

type Props = { service: Service; currency: Currency | null; session: CustomerSession };

export async function ServiceActions({ service, currency, session }: Props) {
  const stale = await stepUpNeeded(session);
  const mayOrder = can(session, 'orders');
  const cancelling =
    mayOrder && isCancellable(service)
      ? await pendingCancellation(session.clientId, service.id)
      : null;
  // A service on its way out is not offered a new plan (the action refuses it too).
  const plans =
    mayOrder && canChangePlan(service) && currency && !cancelling
      ? settle('plans', planOptions(service, currency.code))
      : null;

  return (
    <>
      {can(session, 'productsso') && hasControlPanel(service) ? (
        <Card title="Control panel">
          <p>
            Go straight to this service’s control panel, without typing its password. The
            sign-in link works once, for one minute.
          </p>
          <StepUpHint needed={stale} />
          <ActionForm
            action={signInToControlPanel}
            submission={randomUUID()}
            submitLabel="Sign in to control panel"
            hidden={{ serviceId: service.id }}
          />
        </Card>
      ) : null}
      {plans ? (
        <Section what="plan options" load={plans} retryHref={`/services/${service.id}`}>
          {(options) =>
            options ? (
              <PlanCard
                service={service}
                currency={currency}
                options={options}
                stale={stale}
              />
            ) : null
          }
        </Section>
      ) : null}
      {mayOrder && isCancellable(service) ? (
        cancelling ? (
          <PendingCancellation service={service} pending={cancelling} />
        ) : (
          <Cancellation service={service} stale={stale} />
        )
      ) : null}
    </>
  );
}

const CYCLE_NAMES: Record<PlanOptions['cycle'], string> = {
  monthly: 'month',
  quarterly: 'quarter',
  semiannually: 'six months',
  annually: 'year',
  biennially: 'two years',
  triennially: 'three years',
};

function PlanCard({
  service,
  currency,
  options,
  stale,
}: {
  service: Service;
  currency: Currency | null;
  options: PlanOptions;
  stale: boolean;
}) {
  const per = CYCLE_NAMES[options.cycle];

  return (
    <Card title="Change plan">
      <p>
        You are on {service.productName} at{' '}
        {formatMoney(service.recurringAmount, currency)} per {per}. These plans are
        offered in {service.groupName || 'the same group'}:
      </p>
      <DataTable
        caption={`Other plans in ${service.groupName || 'this group'}`}
        rows={options.plans}
        hideCaption
        rowKey={(p) => String(p.productId)}
        columns={[
          { header: 'Plan', cell: (p) => p.name },
          {
            header: `Price per ${per}`,
            cell: (p) => formatMoney(p.price, currency),
            numeric: true,
          },
        ]}
      />
      <p className="muted">
        WHMCS shows which of them this service can move to and the prorated price for the
        rest of the period, and takes the order.
      </p>
      <StepUpHint needed={stale} />
      <ActionForm
        action={changePlanInWhmcs}
        submission={randomUUID()}
        submitLabel="Choose a new plan in WHMCS"
        hidden={{ serviceId: service.id }}
      />
    </Card>
  );
}

const nameOf = (service: Service) =>
  service.domain ? `${service.productName} (${service.domain})` : service.productName;

/** What "immediately" means: WHMCS's daily automation carries the request out. */
const NOW = 'at our next daily run, within 24 hours';

function PendingCancellation({
  service,
  pending,
}: {
  service: Service;
  pending: CancellationNote;
}) {
  const at =
    pending.type === 'unknown'
      ? ''
      : ` on ${formatDateTime(new Date(pending.at * 1000))}`;
  const periodEnd = service.nextDueDate ? ` (${formatDate(service.nextDueDate)})` : '';
  const when =
    pending.type === 'Immediate'
      ? `to take effect immediately${at}: it ends ${NOW}`
      : pending.type === 'End of Billing Period'
        ? `for the end of the billing period${periodEnd}${at}`
        : '';

  return (
    <Card title="Cancellation">
      <p className="notice" role="status">
        Cancellation requested{when ? ` ${when}` : ''}. Our team will carry it out; open a
        support ticket if you change your mind.
      </p>
    </Card>
  );
}

/** Why only "Immediately" is offered, in the person's words. */
function onlyNowBecause(
  service: Service,
  timing: Exclude<CancellationTiming, { endOfPeriod: Date }>,
): string {
  if (timing.because === 'no-billing-period') {
    return 'This service is not billed again, so there is no billing period to wait for: it can only be cancelled immediately.';
  }
  const day = (date: Date) => date.toISOString().slice(0, 10);
  const ended =
    timing.dueDate && day(timing.dueDate) === day(new Date())
      ? 'ends today'
      : `ended on ${formatDate(timing.dueDate)}`;
  const subject =
    service.status === 'Suspended'
      ? 'This service is suspended and its paid period'
      : 'This service’s paid period';

  return `${subject} ${ended}, so it can only be cancelled immediately.`;
}

function Cancellation({ service, stale }: { service: Service; stale: boolean }) {
  const timing = cancellationTiming(service);
  const what = nameOf(service);
  const periodEnd = timing.endOfPeriod ? formatDate(timing.endOfPeriod) : null;
  // What the box confirms, for each choice: exactly what happens, and when.
  const atPeriodEnd = `at the end of its paid period: it keeps working until ${periodEnd}, is not renewed, and ends that day`;
  const now = `immediately: it stops ${NOW}`;
  const after =
    ', and its data is deleted then. Once sent, only our support team can stop the request.';

  return (
    <Card title="Cancel this service">
      <p>
        Ask us to cancel {what}. Its data is deleted when the cancellation is carried out.
      </p>
      <StepUpHint needed={stale} />
      <ActionForm
        action={requestServiceCancellation}
        submission={randomUUID()}
        submitLabel="Request cancellation"
        hidden={
          timing.endOfPeriod
            ? { serviceId: service.id }
            : { serviceId: service.id, type: 'Immediate' }
        }
        className="action-form cancel-form"
        danger
      >
        {timing.endOfPeriod ? (
          <SelectField
            name="type"
            label="When should it end?"
            defaultValue="End of Billing Period"
            options={[
              {
                value: 'End of Billing Period',
                label: `At the end of the paid period, on ${periodEnd}`,
              },
              { value: 'Immediate', label: 'Immediately, within 24 hours' },
            ]}
          />
        ) : (
          <div className="field">
            <span className="field-label">When it ends</span>
            <p className="cancel-only-now">{onlyNowBecause(service, timing)}</p>
          </div>
        )}
        <TextArea
          name="reason"
          label="Why are you cancelling?"
          rows={3}
          maxLength={1000}
          required
        />
        <CheckboxField
          name="confirm"
          label={
            timing.endOfPeriod ? (
              // The sentence of the chosen option shows (app/styles/controls.css):
              // CSS only, so it holds without JavaScript.
              <>
                <span className="when-period">{`I want ${what} cancelled ${atPeriodEnd}${after}`}</span>
                <span className="when-now">{`I want ${what} cancelled ${now}${after}`}</span>
              </>
            ) : (
              `I want ${what} cancelled ${now}${after}`
            )
          }
          required
        />
      </ActionForm>
    </Card>
  );
}
