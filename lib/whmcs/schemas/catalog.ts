import 'server-only';
import { z } from 'zod';
import { PRICED_CYCLES, type CatalogProduct, type PricedCycle } from '@/lib/whmcs/types';
import { id, money, nested, optText } from '@/lib/whmcs/wire';

// GetProducts: the catalogue. `pricing` is keyed by currency code; each cycle
// is a decimal string, `-1.00` for a cycle the product is not sold on (left
// out here). Custom fields, config options and the product URL are not read.

const cyclePrices = z
  .object(Object.fromEntries(PRICED_CYCLES.map((c) => [c, money.optional()])))
  .transform((wire): Partial<Record<PricedCycle, string>> => {
    const prices: Partial<Record<PricedCycle, string>> = {};
    for (const cycle of PRICED_CYCLES) {
      const price = wire[cycle];
      if (price !== undefined && !price.startsWith('-')) prices[cycle] = price;
    }
    return prices;
  });

const product = z
  .object({
    pid: id,
    gid: id,
    name: optText,
    description: optText,
    paytype: optText,
    // PHP encodes an empty map as [].
    pricing: z
      .preprocess(
        (v) => (Array.isArray(v) && v.length === 0 ? {} : v),
        z.record(z.string(), cyclePrices),
      )
      .optional(),
  })
  .transform((wire): CatalogProduct => ({
    id: wire.pid,
    groupId: wire.gid,
    name: wire.name,
    description: wire.description,
    payType: wire.paytype,
    prices: Object.fromEntries(
      Object.entries(wire.pricing ?? {}).map(([code, p]) => [code.toUpperCase(), p]),
    ),
  }));

export const getProductsAnswer = z
  .object({ products: nested('product', product) })
  .transform((wire) => wire.products);
