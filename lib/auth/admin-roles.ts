import 'server-only';
import type { StaffRole } from '@/lib/env-admin';

// Staff roles map to explicit permissions (docs/security.md#staff-sign-in-and-actions).
// Every admin page, route handler and server action names the permission it needs.

export const ADMIN_PERMISSIONS = [
  /** The dashboard's WHMCS figures. */
  'stats:view',
  /** Sign-in failures and active sessions of both realms. */
  'security:view',
  /** Ending someone's session, staff or customer. */
  'sessions:revoke',
  /** The audit trail of staff actions. */
  'audit:view',
] as const;

export type AdminPermission = (typeof ADMIN_PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Record<StaffRole, readonly AdminPermission[]> = {
  owner: ADMIN_PERMISSIONS,
  billing: ['stats:view'],
  support: ['stats:view', 'security:view', 'sessions:revoke'],
  readonly: ['stats:view', 'security:view', 'audit:view'],
};

export function roleAllows(role: StaffRole, permission: AdminPermission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
