import 'server-only';
import { safeNext } from '@/lib/auth/redirect';

export const ADMIN_HOME = '/admin';

/**
 * Where to send a staff member back to after step-up: a same-origin path in
 * the staff area (never the sign-in pages); anything else lands on /admin.
 */
export function safeAdminNext(value: unknown): string {
  const path = safeNext(value);
  const { pathname } = new URL(path, 'http://portal.invalid');
  const inStaffArea = pathname === ADMIN_HOME || pathname.startsWith(`${ADMIN_HOME}/`);
  if (!inStaffArea || pathname.startsWith('/admin/login') || pathname === '/admin/reauth')
    return ADMIN_HOME;

  return path;
}
