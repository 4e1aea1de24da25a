import 'server-only';
import { z } from 'zod';
import { PERMISSIONS, type Permission, type PortalUser } from '@/lib/whmcs/types';
import { flag, id, list, nested, optText, text } from '@/lib/whmcs/wire';

// ValidateLogin, GetUsers, GetUserPermissions: a WHMCS *user* is a login that
// may act on several client accounts (docs/whmcs.md#users-and-client-accounts).

/**
 * ValidateLogin. `userid` must be a real id or the answer is malformed. Two
 * factors are required when WHMCS says so in any boolean form, and also when
 * it leaves out `passwordhash`, which it does for 2FA users
 * (docs/whmcs.md#validatelogin-and-two-factor-users).
 * The hash itself is read only for its presence and never kept.
 */
export const validateLoginAnswer = z
  .object({ userid: id, passwordhash: z.unknown().optional(), twoFactorEnabled: flag })
  .transform((wire) => {
    const hasHash = typeof wire.passwordhash === 'string' && wire.passwordhash !== '';
    return { userId: wire.userid, twoFactor: wire.twoFactorEnabled || !hasHash };
  });

const accountLink = z
  .object({ id, isOwner: flag })
  .transform((wire) => ({ clientId: wire.id, isOwner: wire.isOwner }));

const user = z
  .object({
    id,
    email: text,
    firstname: optText,
    lastname: optText,
    clients: list(accountLink),
  })
  .transform((wire): PortalUser => ({
    id: wire.id,
    email: wire.email,
    firstName: wire.firstname,
    lastName: wire.lastname,
    clients: wire.clients,
  }));

/** GetUsers: a flat `users[]`, each with its `clients[]` of `{id, isOwner}`. */
export const getUsersAnswer = z
  .object({ users: list(user) })
  .transform((wire) => wire.users);

const KNOWN: ReadonlySet<string> = new Set(PERMISSIONS);

function isPermission(name: string): name is Permission {
  return KNOWN.has(name);
}

// "profile,invoices" as one string is split into a list first.
const permissionList = z.preprocess(
  (value) => (typeof value === 'string' && value !== '' ? value.split(',') : value),
  nested('permission', z.unknown()),
);

/**
 * GetUserPermissions. The docs' example has only `result`; installs send
 * `permissions` as an array, `{permission: [...]}` or a comma-separated string.
 * Names the portal does not know are dropped; nothing sent means no rights.
 */
export const getUserPermissionsAnswer = z
  .object({ permissions: permissionList })
  .transform((wire): Permission[] => {
    const names = wire.permissions
      .filter((item): item is string => typeof item === 'string')
      .map((name) => name.trim().toLowerCase());

    return [...new Set(names.filter(isPermission))];
  });
