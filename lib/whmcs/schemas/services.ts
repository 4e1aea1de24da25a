import 'server-only';
import { z } from 'zod';
import { paging, toPage, type Owned } from '@/lib/whmcs/schemas/common';
import type { Service, ServiceStatus } from '@/lib/whmcs/types';
import { date, id, money, nested, optInt, optText } from '@/lib/whmcs/wire';

// GetClientsProducts: `products.product[]`, ids and amounts as strings, zero
// dates, unsupplied filters echoed as null. Each row also carries the
// service's plaintext `password`, which is deliberately not read
// (docs/whmcs.md#secrets-in-answers).

const STATUSES = [
  'Pending',
  'Active',
  'Suspended',
  'Terminated',
  'Cancelled',
  'Fraud',
  'Completed',
] as const satisfies readonly ServiceStatus[];

const configOption = z
  .object({ option: optText, value: optText })
  .transform((wire) => ({ name: wire.option, value: wire.value }));

const service = z
  .object({
    id,
    clientid: id,
    pid: id,
    serverid: optInt,
    name: optText,
    translated_name: optText,
    groupname: optText,
    translated_groupname: optText,
    domain: optText,
    status: z.enum(STATUSES),
    billingcycle: optText,
    firstpaymentamount: money,
    recurringamount: money,
    paymentmethodname: optText,
    regdate: date,
    nextduedate: date,
    serverhostname: optText,
    dedicatedip: optText,
    username: optText,
    suspensionreason: optText,
    diskusage: optInt,
    disklimit: optInt,
    bwusage: optInt,
    bwlimit: optInt,
    configoptions: nested('configoption', configOption),
  })
  .transform((wire): Owned<Service> => ({
    ownerId: wire.clientid,
    value: {
      id: wire.id,
      productId: wire.pid,
      serverId: wire.serverid,
      productName: wire.translated_name || wire.name,
      groupName: wire.translated_groupname || wire.groupname,
      domain: wire.domain,
      status: wire.status,
      billingCycle: wire.billingcycle,
      firstPaymentAmount: wire.firstpaymentamount,
      recurringAmount: wire.recurringamount,
      paymentMethodName: wire.paymentmethodname,
      registeredOn: wire.regdate,
      nextDueDate: wire.nextduedate,
      serverHostname: wire.serverhostname,
      dedicatedIp: wire.dedicatedip,
      username: wire.username,
      suspensionReason: wire.suspensionreason,
      diskUsageMb: wire.diskusage,
      diskLimitMb: wire.disklimit,
      bandwidthUsageMb: wire.bwusage,
      bandwidthLimitMb: wire.bwlimit,
      configOptions: wire.configoptions,
    },
  }));

export const getClientsProductsAnswer = z
  .object({ ...paging, products: nested('product', service) })
  .transform((wire, ctx) => toPage(wire, wire.products, ctx));

// AddCancelRequest echoes the service and its client, both as strings.
export const addCancelRequestAnswer = z
  .object({ serviceid: id, userid: id })
  .transform((wire) => ({ serviceId: wire.serviceid, clientId: wire.userid }));
