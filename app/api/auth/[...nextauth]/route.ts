import { handleAuthRoute } from '@/lib/auth/oidc/route';

// "Sign in with WHMCS" through next-auth (lib/auth/oidc/). 404 unless the OIDC
// settings are configured; /api/auth/password is a route of its own.

export const dynamic = 'force-dynamic';

// GET /api/auth/{csrf,callback/whmcs,error} — next-auth's token, WHMCS's return, failures
export const GET = handleAuthRoute;

// POST /api/auth/signin/whmcs — starts the sign-in (next-auth checks its CSRF token)
export const POST = handleAuthRoute;
