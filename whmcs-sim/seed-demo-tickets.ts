import type { TicketSpec } from './seed-support';

// Ticket bodies are plain text with CRLF line breaks, as WHMCS stores them.
const text = (...lines: string[]) => lines.join('\r\n');

const SALES = 1;
const TECH = 2;
const BILLING = 3;

/** Customers type markup into tickets; the portal must show it as text. */
export const HOSTILE_MESSAGE = text(
  'Hi,',
  '',
  'The contact form on moreau-design.example now prints this above the form:',
  '<script>alert(1)</script>',
  'and the logo was replaced by <img src=x onerror=alert(1)>',
  '',
  'Can you check whether the site was hacked?',
  'Theo',
);

/**
 * A staff answer in Markdown with hostile links and markup (an agent pasting
 * what they found): the portal renders safe Markdown and must turn these into
 * plain text. Added to the ticket above without drawing from the seed's random
 * numbers, so the rest of the demo data stays as it was.
 */
export const HOSTILE_STAFF_REPLY = text(
  'Hello Theo,',
  '',
  'We found **injected code** in `contact.php`. Do *not* open these links:',
  '',
  '- [the fake login page](javascript:alert(document.domain))',
  '- [a data link](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '- [another one](JaVaScRiPt&#58;alert(2))',
  '',
  'The page also carried <img src=x onerror=alert(3)> and <script>alert(4)</script>.',
  'Our guide: [cleaning a hacked site](https://docs.kraken.example/hacked-site)',
  '',
  'Marta',
);

export const DEMO_TICKETS: [clientId: number, spec: TicketSpec][] = [
  [
    1,
    {
      deptId: TECH,
      subject: 'Website returns 500 error after plugin update',
      status: 'Open',
      priority: 'High',
      ageDays: 0.2,
      messages: [
        text(
          'Hello,',
          '',
          'Since updating a gallery plugin an hour ago, moreau-design.example shows "500 Internal Server Error".',
          '',
          'Alice',
        ),
      ],
    },
  ],
  [
    1,
    {
      deptId: BILLING,
      subject: 'Question about my last invoice',
      status: 'Answered',
      ageDays: 4,
      note: 'Customer is on legacy pricing for Business Shared; keep it when renewing.',
      messages: [
        text('Hi,', '', 'Why does my latest invoice include the VPS twice?'),
        text(
          'Hello Alice,',
          '',
          'The second line is the Dedicated E3 server, not the VPS. Both are correct.',
          '',
          'Kind regards',
        ),
      ],
    },
  ],
  [
    1,
    {
      deptId: TECH,
      subject: 'Mailbox not syncing on my phone',
      status: 'Customer-Reply',
      ageDays: 6,
      attachment: '482913_screenshot.png',
      messages: [
        text(
          'My phone stopped receiving mail for studio@moreau-design.example. Screenshot attached.',
        ),
        text('Please check that the phone uses port 993 with SSL.'),
        text('It does, and it still fails.'),
      ],
    },
  ],
  [
    1,
    {
      deptId: SALES,
      subject: 'Upgrade from VPS 2GB to VPS 8GB?',
      status: 'Closed',
      ageDays: 120,
      messages: [
        text('Can I upgrade my staging VPS without reinstalling?'),
        text('Yes: the upgrade keeps your disk. You can order it from the service page.'),
        text('Thanks, done.'),
      ],
    },
  ],
  [
    1,
    {
      deptId: TECH,
      subject: 'Migrate three WordPress sites from old host',
      status: 'On Hold',
      ageDays: 15,
      service: 'S12',
      note: 'Waiting for the previous host to send the backups.',
      messages: [
        text('Please move client-bakery, client-florist and the portfolio.'),
        text('We will start as soon as the backups arrive.'),
      ],
    },
  ],
  [
    1,
    {
      deptId: TECH,
      subject: 'SSL certificate not renewing on moreau-portfolio.example',
      status: 'In Progress',
      ageDays: 2,
      flag: 1,
      service: 'S2',
      messages: [
        text('The certificate expires next week and the auto-renewal failed.'),
        text('We are looking into the validation records now.'),
      ],
    },
  ],
  [
    1,
    {
      deptId: TECH,
      subject: 'Contact form shows strange code',
      status: 'Open',
      ageDays: 1,
      byUserId: 3,
      service: 'S1',
      messages: [HOSTILE_MESSAGE],
    },
  ],
  [
    1,
    {
      deptId: BILLING,
      subject: 'Refund for the fraud-flagged order',
      status: 'Closed',
      ageDays: 150,
      messages: [
        text('My shop order was flagged by mistake; please refund it.'),
        text('Refunded in full. Sorry for the trouble.'),
      ],
    },
  ],
  [
    1,
    {
      deptId: SALES,
      subject: 'Quote for a second dedicated server',
      status: 'Answered',
      ageDays: 9,
      byUserId: 3,
      messages: [
        text('Alice asked me to get a quote for a second Dedicated E3.'),
        text('A second E3 is 149.00 USD a month; we can hold one for you this week.'),
      ],
    },
  ],
  [
    1,
    {
      deptId: TECH,
      subject: 'DNS propagation question',
      status: 'Closed',
      ageDays: 400,
      messages: [
        text('How long until the new A record is visible?'),
        text('Usually within an hour; the old TTL was 4 hours.'),
      ],
    },
  ],
  [
    1,
    {
      deptId: TECH,
      subject: 'Backup restore request',
      status: 'Closed',
      ageDays: 250,
      messages: [
        text('Please restore public_html from last Sunday.'),
        text('Restored. Please check the site.'),
        text('All good, thank you!'),
      ],
    },
  ],
  [
    1,
    {
      deptId: SALES,
      subject: 'Reseller pricing for agencies?',
      status: 'Open',
      priority: 'Low',
      ageDays: 3,
      messages: [text('Do you offer reseller discounts for design agencies?')],
    },
  ],
  [
    2,
    {
      deptId: SALES,
      subject: 'Student discount?',
      status: 'Closed',
      ageDays: 300,
      messages: [
        text('Is there a student discount on Starter Shared?'),
        text('Not at the moment, sorry.'),
      ],
    },
  ],
  [
    2,
    {
      deptId: TECH,
      subject: 'How do I add a mailbox?',
      status: 'Answered',
      ageDays: 5,
      messages: [
        text('Where do I create an email account?'),
        text('In the control panel under Email Accounts.'),
      ],
    },
  ],
  [
    3,
    {
      deptId: BILLING,
      subject: 'Why is our account in collections?',
      status: 'Open',
      priority: 'High',
      ageDays: 1,
      messages: [
        text('We received a collections notice for an invoice we thought was paid.'),
      ],
    },
  ],
  [
    3,
    {
      deptId: TECH,
      subject: 'Suspended site okafor-labs.example',
      status: 'On Hold',
      ageDays: 8,
      messages: [
        text('Our marketing site is suspended; can you lift it while we sort billing?'),
        text('On hold until the billing team replies.'),
      ],
    },
  ],
  [
    4,
    {
      deptId: TECH,
      subject: 'Enable two-factor for the control panel',
      status: 'Closed',
      ageDays: 60,
      messages: [
        text('Can the hosting control panel use 2FA too?'),
        text('Yes, under Security in the panel.'),
      ],
    },
  ],
];
