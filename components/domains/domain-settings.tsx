import 'server-only';
import { randomUUID } from 'node:crypto';
import { can, type CustomerSession } from '@/lib/auth/guards';
import {
  changeAutoRenew,
  changeNameservers,
  changeRegistrarLock,
  requestEppCode,
} from '@/lib/portal/domain-actions';
import { NAMESERVER_FIELDS } from '@/lib/portal/nameservers';
import { isManageable } from '@/lib/portal/service-rules';
import { getNameservers, getRegistrarLock } from '@/lib/whmcs/domain-settings';
import type { Domain } from '@/lib/whmcs/types';
import { Card } from '@/components/card';
import { DetailList } from '@/components/detail-list';
import { ActionForm, TextField } from '@/components/forms/action-form';
import { Section, settle } from '@/components/section';
import { StepUpHint, stepUpNeeded } from '@/components/step-up-hint';

// A domain's settings at its registrar and its auto-renewal. Everyone who may
// see the domain sees them; only a login with the WHMCS right to manage
// domains gets the forms, and only while the domain is active.

type Props = { domain: Domain; session: CustomerSession };

const READ_ONLY =
  'Your login can see these settings but not change them; the account owner can give it that right.';

export async function DomainSettings({ domain, session }: Props) {
  if (!isManageable(domain)) {
    return (
      <Card title="Registrar settings">
        <p>
          Nameservers, the registrar lock and the transfer code can be managed while the
          domain is active.
        </p>
      </Card>
    );
  }
  const manage = can(session, 'managedomains');
  const stale = manage && (await stepUpNeeded(session));
  const retry = `/domains/${domain.id}`;
  const nameservers = settle('nameservers', getNameservers(domain));
  const lock = settle('registrar lock', getRegistrarLock(domain));

  return (
    <>
      <Section
        title="Nameservers"
        what="nameservers"
        load={nameservers}
        retryHref={retry}
      >
        {(list) =>
          manage ? (
            <>
              <StepUpHint needed={stale} />
              <ActionForm
                action={changeNameservers}
                submission={randomUUID()}
                submitLabel="Save nameservers"
                hidden={{ domainId: domain.id }}
              >
                {NAMESERVER_FIELDS.map((field, i) => (
                  <TextField
                    key={field}
                    name={field}
                    label={`Nameserver ${i + 1}${i < 2 ? '' : ' (optional)'}`}
                    hint={
                      i === 0 ? 'Two to five names, like ns1.example.com.' : undefined
                    }
                    defaultValue={list[i] ?? ''}
                    autoComplete="off"
                    maxLength={253}
                    required={i < 2}
                  />
                ))}
              </ActionForm>
            </>
          ) : (
            <>
              <DetailList
                items={list.map((ns, i) => ({ term: `Nameserver ${i + 1}`, value: ns }))}
              />
              <p className="muted">{READ_ONLY}</p>
            </>
          )
        }
      </Section>
      <Section title="Registrar lock" what="registrar lock" load={lock} retryHref={retry}>
        {(locked) => (
          <>
            <p>
              {locked
                ? 'On: the domain cannot be transferred to another registrar.'
                : 'Off: the domain can be transferred to another registrar.'}
            </p>
            {manage ? (
              <>
                {/* Only turning it off asks for a recent sign-in. */}
                <StepUpHint needed={stale && locked} />
                <ActionForm
                  action={changeRegistrarLock}
                  submission={randomUUID()}
                  submitLabel={locked ? 'Turn the lock off' : 'Turn the lock on'}
                  hidden={{ domainId: domain.id, lock: locked ? 'off' : 'on' }}
                />
              </>
            ) : (
              <p className="muted">{READ_ONLY}</p>
            )}
          </>
        )}
      </Section>
      {manage ? (
        <>
          <Card title="Auto-renew">
            <p>
              {domain.autoRenew
                ? 'On: we invoice the renewal before the domain expires.'
                : 'Off: the domain expires unless you renew it yourself.'}
            </p>
            <ActionForm
              action={changeAutoRenew}
              submission={randomUUID()}
              submitLabel={
                domain.autoRenew ? 'Turn auto-renew off' : 'Turn auto-renew on'
              }
              hidden={{ domainId: domain.id, autoRenew: domain.autoRenew ? 'off' : 'on' }}
            />
          </Card>
          <Card title="Transfer code">
            <p>
              To move this domain to another registrar, the new registrar asks for its
              transfer (EPP) code. Turn the registrar lock off as well before you start.
            </p>
            <StepUpHint needed={stale} />
            <ActionForm
              action={requestEppCode}
              submission={randomUUID()}
              submitLabel="Get the transfer code"
              hidden={{ domainId: domain.id }}
            />
          </Card>
        </>
      ) : null}
    </>
  );
}
