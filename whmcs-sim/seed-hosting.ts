import { createHash } from 'node:crypto';
import type { ConfigOption, Domain, Service, ServiceStatus } from './model';
import { GATEWAYS, PRODUCTS } from './seed-catalog';
import { asciiSlug, daysFromNow, type SeedContext } from './seed-kit';
import { addMonths, ymd, ZERO_DATE } from './util';

type ServiceSpec = [
  productId: number,
  status: ServiceStatus,
  domain: string,
  ageDays: number,
];

const OS = ['Ubuntu 24.04', 'Debian 12', 'AlmaLinux 9', 'Rocky Linux 9'] as const;

function configOptions(ctx: SeedContext, kind: string): ConfigOption[] {
  if (kind !== 'server') return [];

  return [
    { id: 1, option: 'Operating System', type: 'dropdown', value: ctx.rng.pick(OS) },
    {
      id: 2,
      option: 'Location',
      type: 'dropdown',
      value: ctx.rng.pick(['Amsterdam', 'Frankfurt']),
    },
  ];
}

/** The next due date WHMCS would show for a service in this state. */
function dueDate(
  ctx: SeedContext,
  status: ServiceStatus,
  cycle: string,
  ageDays: number,
): string {
  if (cycle === 'One Time') return ZERO_DATE;
  if (status === 'Suspended') return ymd(daysFromNow(ctx, -ctx.rng.int(8, 30)));
  if (status === 'Active' || status === 'Pending')
    return ymd(daysFromNow(ctx, ctx.rng.int(3, 28)));

  return ymd(daysFromNow(ctx, -Math.min(ageDays, ctx.rng.int(30, 300))));
}

export function addService(
  ctx: SeedContext,
  clientId: number,
  spec: ServiceSpec,
): Service {
  const [productId, status, domain, ageDays] = spec;
  const product = PRODUCTS.find((p) => p.id === productId);
  if (!product) throw new Error(`unknown product ${productId}`);

  const id = ctx.state.services.length + 1;
  const isServer = product.kind === 'server';
  const service: Service = {
    id,
    clientId,
    orderId: id + 200,
    orderNumber: ctx.rng.chars(10, '0123456789'),
    productId,
    regdate: ymd(daysFromNow(ctx, -ageDays)),
    domain,
    dedicatedIp: isServer ? `203.0.113.${10 + id}` : '',
    status,
    firstPaymentCents: product.priceCents,
    recurringCents: product.cycle === 'One Time' ? 0 : product.priceCents,
    gateway: ctx.rng.pick(Object.keys(GATEWAYS)),
    nextDueDate: dueDate(ctx, status, product.cycle, ageDays),
    username:
      product.kind === 'hosting' ? asciiSlug(domain).replace(/-/g, '').slice(0, 8) : '',
    password:
      product.kind === 'other'
        ? ''
        : ctx.rng.chars(14, 'abcdefghkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789!#%'),
    suspensionReason: status === 'Suspended' ? 'Overdue on Payment' : '',
    diskUsageMb: product.diskLimitMb ? ctx.rng.int(50, product.diskLimitMb / 2) : 0,
    bwUsageMb: product.bwLimitMb ? ctx.rng.int(100, product.bwLimitMb / 4) : 0,
    configOptions: configOptions(ctx, product.kind),
  };
  ctx.state.services.push(service);

  return service;
}

type DomainSpec = [
  name: string,
  status: Domain['status'],
  expiresInDays: number,
  extra?: Partial<Domain>,
];

export const KRAKEN_NAMESERVERS = ['ns1.kraken.example', 'ns2.kraken.example'] as const;

const EPP_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789#%*';

/** A registrar-style auth code, derived from the name so the seed's random sequence is untouched. */
function eppCodeFor(name: string): string {
  const bytes = createHash('sha256').update(`epp:${name}`).digest();

  return Array.from(
    bytes.subarray(0, 16),
    (b) => EPP_ALPHABET[b % EPP_ALPHABET.length],
  ).join('');
}

export function addDomain(ctx: SeedContext, clientId: number, spec: DomainSpec): Domain {
  const [name, status, expiresInDays, extra] = spec;
  const regperiod = ctx.rng.pick([1, 1, 2]);
  const expiry = daysFromNow(ctx, expiresInDays);
  const registered = addMonths(expiry, -12 * regperiod * ctx.rng.int(1, 3));
  const domain: Domain = {
    id: ctx.state.domains.length + 1,
    clientId,
    orderId: ctx.state.domains.length + 600,
    regtype: 'Register',
    name,
    registrar: ctx.rng.pick(['enom', 'openprovider', 'resellerclub']),
    regperiod,
    firstPaymentCents: 1295 * regperiod,
    recurringCents: 1295 * regperiod,
    gateway: ctx.rng.pick(Object.keys(GATEWAYS)),
    regdate: ymd(registered),
    expirydate: status === 'Pending' ? ZERO_DATE : ymd(expiry),
    nextduedate: ymd(expiry),
    status,
    doNotRenew: false,
    dnsManagement: ctx.rng.next() < 0.5,
    emailForwarding: ctx.rng.next() < 0.3,
    idProtection: ctx.rng.next() < 0.4,
    nameservers: [...KRAKEN_NAMESERVERS],
    locked: status === 'Active' || status === 'Grace',
    eppCode: eppCodeFor(name),
    ...extra,
  };
  ctx.state.domains.push(domain);

  return domain;
}

const ALICE_SERVICES: ServiceSpec[] = [
  [2, 'Active', 'moreau-design.example', 1380],
  [1, 'Active', 'moreau-portfolio.example', 1200],
  [3, 'Active', 'staging.moreau-design.example', 800],
  [4, 'Active', 'render.moreau-design.example', 420],
  [5, 'Active', 'db.moreau-design.example', 365],
  [7, 'Active', 'moreau-design.example', 300],
  [1, 'Suspended', 'atelier-moreau.example', 700],
  [1, 'Terminated', 'old-moreau.example', 1350],
  [3, 'Cancelled', 'test.moreau-design.example', 600],
  [2, 'Fraud', 'moreau-shop.example', 90],
  [3, 'Pending', 'lab.moreau-design.example', 1],
  [6, 'Completed', 'moreau-design.example', 1379],
  [2, 'Active', 'client-bakery.example', 500],
  [1, 'Active', 'client-florist.example', 250],
];

// The registrars of the Active ones are fixed, because registrars answer a
// transfer-code request differently (actions/domain-registrar.ts).
const ALICE_DOMAINS: DomainSpec[] = [
  ['moreau-design.example', 'Active', 200, { registrar: 'openprovider' }],
  ['moreau-portfolio.example', 'Active', 12, { registrar: 'enom' }],
  [
    'atelier-moreau.example',
    'Active',
    25,
    { doNotRenew: true, registrar: 'resellerclub' },
  ],
  ['moreau-shop.example', 'Expired', -20],
  ['old-moreau.example', 'Cancelled', -300],
  [
    'moreau.example',
    'Active',
    400,
    {
      regtype: 'Transfer',
      registrar: 'openprovider',
      locked: false,
      nameservers: [
        'ns1.dns-partner.example',
        'ns2.dns-partner.example',
        'ns3.dns-partner.example',
      ],
    },
  ],
  ['moreau-studio.example', 'Pending', 365],
  ['client-bakery.example', 'Grace', -5],
];

export function seedDemoHosting(ctx: SeedContext): void {
  for (const spec of ALICE_SERVICES) addService(ctx, 1, spec);
  for (const spec of ALICE_DOMAINS) addDomain(ctx, 1, spec);
  // Transferred in 40 days ago: still inside the 60-day lock on a new transfer.
  const transferred = ctx.state.domains.find((d) => d.name === 'moreau.example');
  if (transferred) transferred.regdate = ymd(daysFromNow(ctx, -40));

  addService(ctx, 2, [1, 'Active', 'sam-okafor.example', 880]);
  addService(ctx, 2, [7, 'Active', 'sam-okafor.example', 400]);
  addDomain(ctx, 2, ['sam-okafor.example', 'Active', 9]);
  addService(ctx, 3, [4, 'Active', 'api.okafor-labs.example', 590]);
  addService(ctx, 3, [5, 'Active', 'build.okafor-labs.example', 500]);
  addService(ctx, 3, [2, 'Suspended', 'okafor-labs.example', 560]);
  addDomain(ctx, 3, ['okafor-labs.example', 'Active', 140]);
  addDomain(ctx, 3, ['okaforlabs.example', 'Active', 28]);
  addService(ctx, 4, [2, 'Active', 'natarajan.example', 290]);
  addDomain(ctx, 4, ['natarajan.example', 'Active', 75]);
}
