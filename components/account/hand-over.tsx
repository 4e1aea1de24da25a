import 'server-only';
import { randomUUID } from 'node:crypto';
import Link from 'next/link';
import type { ReactNode } from 'react';
import type { CustomerSession } from '@/lib/auth/guards';
import type { FormState } from '@/lib/portal/form-state';
import { confirmPath, isRecentlyProved, stepUpSeconds } from '@/lib/portal/step-up';
import { ActionForm } from '@/components/forms/action-form';
import styles from './account.module.css';

// Buttons that hand the customer over to WHMCS with a single-use sign-in link
// (lib/portal/sso-actions.ts). Each one needs a recent sign-in; when the
// session is older, the page says so up front and offers the confirmation.

type Button = {
  action: (previous: FormState, form: FormData) => Promise<FormState>;
  label: string;
  hidden?: Record<string, string | number>;
  secondary?: boolean;
};

type Props = {
  session: CustomerSession;
  /** Where the confirmation page comes back to. */
  back: string;
  buttons: Button[];
  children: ReactNode;
};

export async function HandOver({ session, back, buttons, children }: Props) {
  const recent = await isRecentlyProved(session).catch(() => false);
  const minutes = Math.max(1, Math.round(stepUpSeconds() / 60));

  return (
    <div className={styles.handOverBlock}>
      <p className="muted">
        {children}
        {recent ? null : (
          <>
            {' '}
            You signed in more than {minutes === 1
              ? 'a minute'
              : `${minutes} minutes`}{' '}
            ago, so we will ask you to confirm it&rsquo;s you first.{' '}
            <Link href={confirmPath(back)}>Confirm it&rsquo;s you now</Link>
          </>
        )}
      </p>
      <div className={styles.handOver}>
        {buttons.map((button) => (
          <div
            key={button.label}
            className={button.secondary ? styles.secondary : undefined}
          >
            <ActionForm
              action={button.action}
              submission={randomUUID()}
              submitLabel={button.label}
              hidden={button.hidden}
              className={styles.handOverForm}
            />
          </div>
        ))}
      </div>
    </div>
  );
}
