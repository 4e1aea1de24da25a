// Every test runs with a complete, valid configuration that points only at loopback.
process.env.NEXT_TELEMETRY_DISABLED = '1';
process.env.WHMCS_URL ??= 'http://127.0.0.1:9/';
process.env.WHMCS_API_IDENTIFIER ??= 'test-identifier';
process.env.WHMCS_API_SECRET ??= 'test-secret';
process.env.JWT_SECRET ??= 'test-customer-secret-0123456789abcdef0123456789';
process.env.ADMIN_JWT_SECRET ??= 'test-admin-secret-0123456789abcdef0123456789ab';
process.env.LOG_LEVEL ??= 'silent';
