// The logins a person can use against the demo. Every demo user shares one
// password; the non-demo users of the seed get unguessable ones.

export const DEMO_PASSWORD = 'KrakenDemo!2026';

/** secure@'s authenticator secret (base32, RFC 6238 defaults); `npm run sim:totp` prints its code. */
export const DEMO_TOTP_SECRET = 'KRAKENDEMOTOTPSECRETFORSECUREUSR';

export const DEFAULT_CREDENTIALS = {
  identifier: 'kraken-demo-identifier',
  secret: 'kraken-demo-secret',
} as const;

/** Every right a WHMCS user can hold on a client account (GetPermissionsList). */
export const ALL_PERMISSIONS = [
  'profile',
  'contacts',
  'products',
  'manageproducts',
  'productsso',
  'domains',
  'managedomains',
  'invoices',
  'quotes',
  'tickets',
  'affiliates',
  'emails',
  'orders',
] as const;

export type DemoAccount = {
  userId: number;
  email: string;
  password: string;
  description: string;
  /** Client accounts this user can reach, owned or not. */
  clientIds: readonly number[];
};

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    userId: 1,
    email: 'alice@kraken.example',
    password: DEMO_PASSWORD,
    description:
      'Owner of Moreau Design (Alice Moreau): the main demo, with long lists of ' +
      'services, domains, invoices and tickets.',
    clientIds: [1],
  },
  {
    userId: 2,
    email: 'sam@kraken.example',
    password: DEMO_PASSWORD,
    description: 'Owner of two accounts: personal (Sam Okafor) and Okafor Labs Ltd.',
    clientIds: [2, 3],
  },
  {
    userId: 3,
    email: 'contractor@kraken.example',
    password: DEMO_PASSWORD,
    description:
      'Non-owner user on Moreau Design with only the products and tickets ' +
      'permissions (no invoices, no domains).',
    clientIds: [1],
  },
  {
    userId: 4,
    email: 'secure@kraken.example',
    password: DEMO_PASSWORD,
    description: 'Owner of one account (Priya Natarajan) with two-factor enabled.',
    clientIds: [4],
  },
  {
    // Seeded after the thirty ordinary customers (users 5–34).
    userId: 35,
    email: 'webmaster@kraken.example',
    password: DEMO_PASSWORD,
    description:
      'Non-owner user on Moreau Design who may see services and domains and use ' +
      'control panels, but not change domains, order or cancel.',
    clientIds: [1],
  },
];
