import 'server-only';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { parsePasswordHash } from '@/lib/auth/password-hash';
import { base32Decode } from '@/lib/auth/totp';

// Staff accounts (docs/security.md#staff-sign-in-and-actions), checked with the
// rest of lib/env.ts: a JSON list inline in ADMIN_USERS or in the file
// ADMIN_USERS_FILE names. Error messages name the entry and field, never a value:
// these hold password hashes.

export const STAFF_ROLES = ['owner', 'billing', 'support', 'readonly'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const USERNAME = /^[a-z0-9][a-z0-9._-]{0,63}$/;

function secretBytes(base32: string): number {
  try {
    return base32Decode(base32).length;
  } catch {
    return 0;
  }
}

const totpSecret = z
  .string()
  .regex(/^[A-Z2-7]+=*$/, 'must be base32 (A-Z, 2-7)')
  .refine((v) => secretBytes(v) >= 16, 'must hold at least 128 bits');

const staffAccount = z
  .object({
    username: z.string().regex(USERNAME, 'must be lowercase letters, digits, . _ -'),
    passwordHash: z
      .string()
      .refine((v) => parsePasswordHash(v) !== null, 'must come from npm run admin:hash'),
    role: z.enum(STAFF_ROLES),
    totpSecret,
  })
  .strict();

export type StaffAccount = z.infer<typeof staffAccount>;

const staffList = z
  .array(staffAccount)
  .max(100)
  .superRefine((list, ctx) => {
    const names = list.map((a) => a.username);
    const twice = names.findIndex((name, i) => names.indexOf(name) !== i);
    if (twice >= 0)
      ctx.addIssue({
        code: 'custom',
        path: [twice, 'username'],
        message: 'is listed twice',
      });
  });

const optional = <T extends z.ZodType>(type: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), type.optional());

export const ADMIN_FIELDS = {
  ADMIN_USERS: optional(z.string().max(200_000)),
  ADMIN_USERS_FILE: optional(z.string().max(4096)),
};

type AdminEnv = { ADMIN_USERS?: string; ADMIN_USERS_FILE?: string };
type Loaded = { staff: StaffAccount[] } | { path: keyof AdminEnv; message: string };

function readSource(env: AdminEnv): { text: string | null } | { message: string } {
  if (env.ADMIN_USERS_FILE === undefined) return { text: env.ADMIN_USERS ?? null };
  try {
    return { text: readFileSync(env.ADMIN_USERS_FILE, 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    return { message: `ADMIN_USERS_FILE cannot be read (${code})` };
  }
}

/** The configured staff accounts; no setting means none (nobody can sign in to /admin). */
export function loadStaff(env: AdminEnv): Loaded {
  const path = env.ADMIN_USERS_FILE !== undefined ? 'ADMIN_USERS_FILE' : 'ADMIN_USERS';
  if (env.ADMIN_USERS !== undefined && env.ADMIN_USERS_FILE !== undefined)
    return { path, message: 'ADMIN_USERS and ADMIN_USERS_FILE exclude each other' };
  const source = readSource(env);
  if ('message' in source) return { path, message: source.message };
  if (source.text === null) return { staff: [] };

  let json: unknown;
  try {
    json = JSON.parse(source.text);
  } catch {
    // JSON.parse's own message quotes the text, which holds password hashes.
    return { path, message: `${path} is not valid JSON` };
  }
  const parsed = staffList.safeParse(json);
  if (parsed.success) return { staff: parsed.data };

  const issue = parsed.error.issues[0];
  const [entry, field] = issue?.path ?? [];
  const where = typeof entry === 'number' ? ` entry ${entry + 1}` : '';
  const what = typeof field === 'string' ? ` ${field}` : '';
  return { path, message: `${path}${where}${what} ${issue?.message ?? 'is invalid'}` };
}
