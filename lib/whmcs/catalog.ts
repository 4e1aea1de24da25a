import 'server-only';
import { catalog } from '@/lib/whmcs/catalog-cache';
import { schemas } from '@/lib/whmcs/schemas';
import { assertId } from '@/lib/whmcs/scope';
import { call } from '@/lib/whmcs/transport';
import {
  PRICED_CYCLES,
  type CatalogProduct,
  type Money,
  type PricedCycle,
  type Service,
} from '@/lib/whmcs/types';

// The product catalogue (GetProducts, docs/whmcs.md#catalogue-prices), kept
// briefly in the shared catalogue cache: it is the same for every customer, and
// its keys are product and group ids only. From it, a service's other plans:
// the products of its group that are sold on its billing cycle in the
// customer's currency.
//
// GetProducts does not say which products are hidden from the order form or
// which upgrades a product allows (both are set per product in WHMCS), so the
// portal shows these plans as what the group offers, and hands the customer to
// WHMCS's own upgrade page to choose and order: that page applies the rules and
// computes the prorated price.

async function products(params: { pid: number } | { gid: number }) {
  return catalog('GetProducts', params, () =>
    call('GetProducts', params, schemas.GetProducts),
  );
}

/** One catalogue product, or null when WHMCS no longer has it. */
export async function catalogProduct(productId: number): Promise<CatalogProduct | null> {
  assertId('productId', productId);
  const found = await products({ pid: productId });

  return found.find((p) => p.id === productId) ?? null;
}

/** Every product of a group. */
export async function productGroup(groupId: number): Promise<CatalogProduct[]> {
  assertId('groupId', groupId);
  const found = await products({ gid: groupId });

  return found.filter((p) => p.groupId === groupId);
}

/** The pricing key of a service's billing cycle; null for one-time and free services. */
export function pricedCycleOf(billingCycle: string): PricedCycle | null {
  const key = billingCycle.toLowerCase().replace(/[^a-z]/g, '');

  return PRICED_CYCLES.find((cycle) => cycle === key) ?? null;
}

export type PlanOption = {
  productId: number;
  name: string;
  description: string;
  price: Money;
};

export type PlanOptions = { cycle: PricedCycle; plans: PlanOption[] };

/**
 * The other plans of the service's group priced on its cycle in `currencyCode`,
 * cheapest first; null when the service is not on a recurring cycle.
 */
export function otherPlans(
  service: Pick<Service, 'productId' | 'billingCycle'>,
  group: readonly CatalogProduct[],
  currencyCode: string,
): PlanOptions | null {
  const cycle = pricedCycleOf(service.billingCycle);
  if (!cycle) return null;
  const plans = group.flatMap((p): PlanOption[] => {
    const price = p.prices[currencyCode.toUpperCase()]?.[cycle];
    if (p.id === service.productId || p.payType !== 'recurring' || price === undefined)
      return [];
    return [{ productId: p.id, name: p.name, description: p.description, price }];
  });
  plans.sort((a, b) => Number(a.price) - Number(b.price) || a.productId - b.productId);

  return { cycle, plans };
}

/** The service's other plans, read from the catalogue (null: none to offer). */
export async function planOptions(
  service: Service,
  currencyCode: string,
): Promise<PlanOptions | null> {
  if (!pricedCycleOf(service.billingCycle)) return null;
  const current = await catalogProduct(service.productId);
  if (!current) return null;
  const options = otherPlans(service, await productGroup(current.groupId), currencyCode);

  return options && options.plans.length > 0 ? options : null;
}
