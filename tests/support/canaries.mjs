// Values that must never reach a browser. The test build is made with them,
// and tests look for them in bundles, pages, logs and errors.
export const CANARY_ENV = {
  WHMCS_URL: 'http://127.0.0.1:9/',
  WHMCS_API_IDENTIFIER: 'CANARY-identifier-7f3a9c',
  WHMCS_API_SECRET: 'CANARY-secret-b81e44',
  WHMCS_ACCESS_KEY: 'CANARY-accesskey-52d0aa',
  JWT_SECRET: 'CANARY-jwt-secret-0c9f7e1d2b3a4958-6e7f8091a2b3c4d5',
  ADMIN_JWT_SECRET: 'CANARY-admin-jwt-secret-5a6b7c8d9e0f-1a2b3c4d5e6f7a8b',
};
