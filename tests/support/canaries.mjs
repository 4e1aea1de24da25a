// Values that must never reach a browser. The test build is made with them,
// and tests look for them in bundles, pages, logs and errors.
export const CANARY_ENV = {
  WHMCS_URL: 'http://127.0.0.1:9/',
  WHMCS_API_IDENTIFIER: 'CANARY-identifier-7f3a9c',
  WHMCS_API_SECRET: 'CANARY-secret-b81e44',
  WHMCS_ACCESS_KEY: 'CANARY-accesskey-52d0aa',
  JWT_SECRET: 'CANARY-jwt-secret-0c9f7e1d2b3a4958-6e7f8091a2b3c4d5',
  ADMIN_JWT_SECRET: 'CANARY-admin-jwt-secret-5a6b7c8d9e0f-1a2b3c4d5e6f7a8b',
  METRICS_TOKEN: 'CANARY-metrics-token-3e8d1f0a-9b7c6d5e4f3a2b1c0d',
  ALERT_WEBHOOK_URL: 'http://127.0.0.1:9/alerts',
  ALERT_WEBHOOK_SECRET: 'CANARY-webhook-secret-4c2b9e7d-1a0f8e6d5c4b3a29',
};

/** A password typed at sign-in: it must appear nowhere either. */
export const CANARY_PASSWORD = 'CANARY-password-6d1e0b';

/** Every value above that must never be seen outside the server's memory. */
export const CANARIES = [
  ...Object.values(CANARY_ENV).filter((v) => v.startsWith('CANARY-')),
  CANARY_PASSWORD,
];
