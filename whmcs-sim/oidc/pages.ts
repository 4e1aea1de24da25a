// The simulator's own sign-in pages, served at /oauth/authorize.php: email and
// password first, then the authenticator code for a user with two-factor on.
// Plain HTML with no script, like a provider page the portal cannot touch.

const STYLE =
  'body{font-family:system-ui,sans-serif;background:#f4f6f8;margin:0}' +
  'main{max-width:24rem;margin:4rem auto;background:#fff;padding:2rem;border-radius:8px}' +
  'label{display:block;margin:.75rem 0 .25rem}input{width:100%;box-sizing:border-box;padding:.5rem}' +
  'button{margin-top:1rem;padding:.5rem 1rem}.error{color:#a00}';

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(title: string, body: string): string {
  return [
    '<!doctype html><html lang="en"><head><meta charset="utf-8">',
    `<title>${escape(title)} - Kraken Hosting</title><style>${STYLE}</style></head>`,
    `<body><main><p>Kraken Hosting (WHMCS simulator)</p><h1>${escape(title)}</h1>`,
    body,
    '</main></body></html>',
  ].join('');
}

function errorLine(error: string | null): string {
  return error ? `<p class="error" role="alert">${escape(error)}</p>` : '';
}

export function passwordPage(loginId: string, error: string | null, email = ''): string {
  return page(
    'Sign in',
    [
      errorLine(error),
      '<form method="post" action="/oauth/authorize.php">',
      `<input type="hidden" name="login" value="${escape(loginId)}">`,
      '<label for="email">Email address</label>',
      `<input id="email" name="email" type="email" autocomplete="username" required value="${escape(email)}">`,
      '<label for="password">Password</label>',
      '<input id="password" name="password" type="password" autocomplete="current-password" required>',
      '<button type="submit">Sign in</button></form>',
    ].join(''),
  );
}

export function totpPage(loginId: string, error: string | null): string {
  return page(
    'Two-factor authentication',
    [
      errorLine(error),
      '<p>Enter the 6-digit code from your authenticator app.</p>',
      '<form method="post" action="/oauth/authorize.php">',
      `<input type="hidden" name="login" value="${escape(loginId)}">`,
      '<label for="code">Authentication code</label>',
      '<input id="code" name="code" inputmode="numeric" autocomplete="one-time-code" required>',
      '<button type="submit">Verify</button></form>',
    ].join(''),
  );
}

export function errorPage(message: string): string {
  return page('Sign-in request refused', `<p class="error">${escape(message)}</p>`);
}
