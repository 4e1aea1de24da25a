import type { Product } from '../model';
import { money } from '../util';
import { int, success, text, type Handler } from '../wire';

// GetProducts: the catalogue with prices per currency and billing cycle, for
// order forms. `-1.00` marks a cycle the product is not sold on; a one-time
// product keeps its price under `monthly`, as WHMCS stores it. Only
// `totalresults` is sent, as in the example.

const CYCLES = [
  ['monthly', 'msetupfee', 1],
  ['quarterly', 'qsetupfee', 3],
  ['semiannually', 'ssetupfee', 6],
  // A year costs ten months; two and three years are not sold here.
  ['annually', 'asetupfee', 10],
  ['biennially', 'bsetupfee', 0],
  ['triennially', 'tsetupfee', 0],
] as const;

const DISABLED = '-1.00';
const TYPES: Record<Product['kind'], string> = {
  hosting: 'hostingaccount',
  server: 'server',
  other: 'other',
};

function pricing(p: Product): Record<string, string> {
  const prices: Record<string, string> = {};
  for (const [cycle, setup, months] of CYCLES) {
    prices[setup] = '0.00';
    prices[cycle] = DISABLED;
    if (p.cycle === 'Monthly' && months > 0) prices[cycle] = money(p.priceCents * months);
  }
  if (p.cycle === 'One Time') prices.monthly = money(p.priceCents);
  if (p.cycle === 'Annually') prices.annually = money(p.priceCents);

  return { prefix: '$', suffix: ' USD', ...prices };
}

const optionPrices = () =>
  Object.fromEntries(
    CYCLES.flatMap(([cycle, setup]) => [
      [setup, '0.00'],
      [cycle, '0.00'],
    ]),
  );

const SERVER_OPTIONS = [
  {
    id: 1,
    name: 'Operating System',
    values: ['Ubuntu 24.04', 'Debian 12', 'AlmaLinux 9'],
  },
  { id: 2, name: 'Location', values: ['Amsterdam', 'Frankfurt'] },
];

function configOptions(p: Product) {
  if (p.kind !== 'server') return [];

  return SERVER_OPTIONS.map((o) => ({
    id: o.id,
    name: o.name,
    type: '1',
    minqty: 0,
    maxqty: 0,
    options: {
      option: o.values.map((name, i) => ({
        id: o.id * 10 + i,
        name,
        rawName: name,
        recurring: 0,
        required: null,
        pricing: { USD: optionPrices() },
      })),
    },
  }));
}

const slug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-');

function productRow(p: Product, baseUrl: string) {
  const paytype =
    p.cycle === 'One Time' ? 'onetime' : p.priceCents === 0 ? 'free' : 'recurring';

  return {
    pid: p.id,
    gid: p.groupId,
    type: TYPES[p.kind],
    name: p.name,
    slug: slug(p.name),
    'product-url': `${baseUrl}/store/${slug(p.group)}/${slug(p.name)}`,
    description: `${p.name} from the ${p.group} range.`,
    module: p.module,
    paytype,
    allowqty: 0,
    quantity_available: 0,
    pricing: { USD: pricing(p) },
    customfields: { customfield: [] },
    configoptions: { configoption: configOptions(p) },
  };
}

export const getProducts: Handler = (params, ctx) => {
  // `pid` may be one id or a comma-separated list.
  const pids = text(params, 'pid')
    ?.split(',')
    .map((v) => Number(v.trim()))
    .filter(Number.isSafeInteger);
  const gid = int(params, 'gid');
  const moduleName = text(params, 'module')?.toLowerCase();
  const rows = ctx.state.products.filter(
    (p) =>
      (pids === undefined || pids.includes(p.id)) &&
      (gid === undefined || p.groupId === gid) &&
      (moduleName === undefined || p.module === moduleName),
  );

  return success({
    totalresults: rows.length,
    products: { product: rows.map((p) => productRow(p, ctx.baseUrl())) },
  });
};
