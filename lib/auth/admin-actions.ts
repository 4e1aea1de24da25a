'use server';

import 'server-only';
import { z } from 'zod';
import { requireAdmin, requireRecentAuth } from '@/lib/auth/admin-guards';
import { endAdminSession } from '@/lib/auth/admin-session';
import { nowSeconds } from '@/lib/auth/session-record';
import { staffAction } from '@/lib/auth/staff-action';
import { store } from '@/lib/store';

// Staff actions on the security view. Each names its permission, goes through
// staffAction (validated, audited before it runs), and Next.js checks every
// server action's Origin against the host, so a cross-site form cannot call it.

const BACK = '/admin/security';
/** "End all sessions of a person" needs the TOTP code entered this recently. */
const STEP_UP_SECONDS = 5 * 60;

const oneSession = z.object({ sid: z.uuid() }).strict();
const onePerson = z
  .object({
    realm: z.enum(['customer', 'admin']),
    subject: z.string().regex(/^[a-z0-9._-]{1,64}$/),
  })
  .strict();

export async function revokeSession(form: FormData): Promise<void> {
  const session = await requireAdmin('sessions:revoke');
  await staffAction(session, form, {
    action: 'session.revoke',
    input: oneSession,
    fields: ['sid'],
    back: BACK,
    target: async ({ sid }) => {
      const record = await store().sessions.get(sid);
      return record && record.revokedAt === null
        ? `${record.realm}:${record.subject}`
        : null;
    },
    detail: ({ sid }) => ({ sid }),
    run: async ({ sid }) => {
      if (sid === session.sid) {
        await endAdminSession(sid, 'admin');
        return '/admin/login?signedout=1';
      }
      await store().sessions.revoke(sid, 'admin', nowSeconds());
    },
  });
}

export async function revokeAllSessions(form: FormData): Promise<void> {
  const session = await requireAdmin('sessions:revoke');
  requireRecentAuth(session, STEP_UP_SECONDS, BACK);
  await staffAction(session, form, {
    action: 'session.revoke-all',
    input: onePerson,
    fields: ['realm', 'subject'],
    back: BACK,
    target: async ({ realm, subject }) => `${realm}:${subject}`,
    run: async ({ realm, subject }) => {
      const count = await store().sessions.revokeAll(
        realm,
        subject,
        'admin',
        nowSeconds(),
      );
      const self = realm === 'admin' && subject === session.username;
      if (!self) return `${BACK}?done=session.revoke-all&count=${count}`;
      await endAdminSession(null);
      return '/admin/login?signedout=1';
    },
  });
}
