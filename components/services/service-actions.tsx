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
  canChangePlan,
  hasControlPanel,
  isCancellable,
} from '@/lib/portal/service-rules';
import { planOptions, type PlanOptions } from '@/lib/whmcs/catalog';
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
  const plans =
    mayOrder && canChangePlan(service) && currency
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
        <Cancellation service={service} session={session} stale={stale} />
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

async function Cancellation({
  service,
  session,
  stale,
}: {
  service: Service;
  session: CustomerSession;
  stale: boolean;
}) {
  const pending = await pendingCancellation(session.clientId, service.id);
  if (pending) {
    const when =
      pending.type === 'Immediate'
        ? 'to take effect immediately'
        : pending.type === 'End of Billing Period'
          ? 'for the end of the billing period'
          : null;

    return (
      <Card title="Cancellation">
        <p className="notice" role="status">
          Cancellation requested{when ? ` ${when}` : ''}
          {pending.type === 'unknown'
            ? ''
            : ` on ${formatDateTime(new Date(pending.at * 1000))}`}
          . Our team will carry it out; open a support ticket if you change your mind.
        </p>
      </Card>
    );
  }
  const periodEnd = service.nextDueDate
    ? `At the end of the billing period (${formatDate(service.nextDueDate)})`
    : 'At the end of the billing period';
  const what = service.domain
    ? `${service.productName} (${service.domain})`
    : service.productName;

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
        hidden={{ serviceId: service.id }}
        danger
      >
        <SelectField
          name="type"
          label="When should it end?"
          defaultValue="End of Billing Period"
          options={[
            { value: 'End of Billing Period', label: periodEnd },
            { value: 'Immediate', label: 'Immediately' },
          ]}
        />
        <TextArea
          name="reason"
          label="Why are you cancelling?"
          rows={3}
          maxLength={1000}
          required
        />
        <CheckboxField
          name="confirm"
          label={`I want ${what} cancelled. I understand this cannot be undone from the portal.`}
          required
        />
      </ActionForm>
    </Card>
  );
}
