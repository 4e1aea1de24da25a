import 'server-only';
import type { ReactNode } from 'react';
import { requireCustomer } from '@/lib/auth/guards';
import type { Permission } from '@/lib/whmcs/types';

/**
 * The layout of an area that needs a WHMCS permission (services, domains,
 * invoices, tickets). It runs before the list page's loading skeleton starts the
 * response, so a shared-account user without the right gets a real 403 rather
 * than a 200 carrying the refusal. The pages still call requireCustomer too:
 * a layout is not re-run on client-side navigation within its area.
 */
export function permissionLayout(permission: Permission) {
  return async function PermissionLayout({ children }: { children: ReactNode }) {
    await requireCustomer(permission);

    return children;
  };
}
