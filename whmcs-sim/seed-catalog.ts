// Fixed reference data of the demo company "Kraken Hosting". Addresses use the
// documentation ranges (RFC 5737) and domains the reserved `.example` TLD.
import type { Department } from './model-billing';
import type { Product, Server } from './model';

export const SERVERS: Server[] = [
  { id: 1, name: 'Nautilus', ip: '192.0.2.10', hostname: 'nautilus.kraken.example' },
  { id: 2, name: 'Triton', ip: '192.0.2.20', hostname: 'triton.kraken.example' },
  { id: 3, name: 'Abyss', ip: '192.0.2.30', hostname: 'abyss.kraken.example' },
];

/** Product groups in catalogue order; a group's id is its place here. */
export const PRODUCT_GROUPS = [
  'Shared Hosting',
  'VPS',
  'Dedicated Servers',
  'Professional Services',
  'Security',
] as const;

const MODULES: Record<Product['kind'], string> = {
  hosting: 'cpanel',
  server: 'virtualizor',
  other: '',
};

const product = (
  id: number,
  name: string,
  group: (typeof PRODUCT_GROUPS)[number],
  kind: Product['kind'],
  priceCents: number,
  extra: Partial<Product> = {},
): Product => ({
  id,
  name,
  group,
  groupId: PRODUCT_GROUPS.indexOf(group) + 1,
  module: MODULES[kind],
  kind,
  cycle: 'Monthly',
  priceCents,
  serverId: kind === 'hosting' ? 1 : kind === 'server' ? 2 : 0,
  diskLimitMb: 0,
  bwLimitMb: 0,
  ...extra,
});

export const PRODUCTS: Product[] = [
  product(1, 'Starter Shared', 'Shared Hosting', 'hosting', 495, {
    diskLimitMb: 10_240,
    bwLimitMb: 102_400,
  }),
  product(2, 'Business Shared', 'Shared Hosting', 'hosting', 1295, {
    diskLimitMb: 51_200,
    bwLimitMb: 512_000,
  }),
  product(3, 'VPS 2GB', 'VPS', 'server', 2400),
  product(4, 'VPS 8GB', 'VPS', 'server', 6400),
  product(5, 'Dedicated E3', 'Dedicated Servers', 'server', 14_900, { serverId: 3 }),
  product(6, 'Website Migration', 'Professional Services', 'other', 4900, {
    cycle: 'One Time',
  }),
  product(7, 'SSL Certificate', 'Security', 'other', 3900, { cycle: 'Annually' }),
  // Sold but not used by any seeded service: an upgrade from the other two plans.
  product(8, 'Premium Shared', 'Shared Hosting', 'hosting', 2495, {
    diskLimitMb: 153_600,
    bwLimitMb: 1_024_000,
  }),
];

export const DEPARTMENTS: Department[] = [
  { id: 1, name: 'Sales', email: 'sales@kraken.example' },
  { id: 2, name: 'Technical Support', email: 'support@kraken.example' },
  { id: 3, name: 'Billing', email: 'billing@kraken.example' },
];

export const GATEWAYS: Record<string, string> = {
  stripe: 'Credit Card',
  paypal: 'PayPal',
  banktransfer: 'Bank Transfer',
};

const words = (list: string): readonly string[] => list.split(' ');

export const STAFF = ['Marta Kowalski', 'Jonas Berg', 'Ines Duarte'] as const;

export const FIRST_NAMES = [
  ...words('Noor Lea Tomas Hana Mateo Freya Kwame Yuki Ravi Elena'),
  ...words('Oscar Amara Lukas Sofia Diego Ingrid Chen Aisha Pavel Maeve'),
];

export const LAST_NAMES = [
  ...words('Haddad Brandt Novak Sato Rossi Lindqvist Mensah Tanaka Iyer'),
  ...words('Petrova García Nwosu Keller Costa Ortega Dahl Wei Karimi'),
];

export const COMPANY_WORDS = [
  ...words('Harbor Lantern Northwind Copperleaf Bluefin Meridian'),
  ...words('Saltmarsh Tidewater Ironbark Driftwood Seaglass Beacon'),
];

export const COMPANY_SUFFIXES = words('Ltd GmbH Studio Co Labs Partners');

export type Place = {
  countrycode: string;
  city: string;
  state: string;
  postcode: string;
};

export const PLACES: Place[] = [
  { countrycode: 'GB', city: 'Bristol', state: 'Avon', postcode: 'BS1 4DJ' },
  { countrycode: 'FR', city: 'Lyon', state: 'Rhône', postcode: '69002' },
  { countrycode: 'DE', city: 'Hamburg', state: 'Hamburg', postcode: '20095' },
  { countrycode: 'NL', city: 'Utrecht', state: 'Utrecht', postcode: '3511 AB' },
  { countrycode: 'US', city: 'Portland', state: 'Oregon', postcode: '97204' },
  { countrycode: 'NG', city: 'Lagos', state: 'Lagos', postcode: '101233' },
];

export const COUNTRIES: Record<string, { name: string; phonecc: string }> = {
  GB: { name: 'United Kingdom', phonecc: '44' },
  FR: { name: 'France', phonecc: '33' },
  DE: { name: 'Germany', phonecc: '49' },
  NL: { name: 'Netherlands', phonecc: '31' },
  US: { name: 'United States', phonecc: '1' },
  NG: { name: 'Nigeria', phonecc: '234' },
};
