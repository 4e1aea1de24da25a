import type { Domain, Service } from '../model';
import { GATEWAYS } from '../seed-catalog';
import type { SimState } from '../state';
import { money, ZERO_DATE, ZERO_DATETIME } from '../util';
import { int, paginate, success, text, type Handler } from '../wire';

function serviceRow(state: SimState, s: Service) {
  const product = state.products.find((p) => p.id === s.productId);
  const server = state.servers.find((v) => v.id === product?.serverId);

  return {
    id: String(s.id),
    qty: '1',
    clientid: String(s.clientId),
    orderid: String(s.orderId),
    ordernumber: s.orderNumber,
    pid: String(s.productId),
    regdate: s.regdate,
    name: product?.name ?? '',
    translated_name: product?.name ?? '',
    groupname: product?.group ?? '',
    translated_groupname: product?.group ?? '',
    domain: s.domain,
    dedicatedip: s.dedicatedIp,
    serverid: String(server?.id ?? 0),
    servername: server?.name ?? '',
    serverip: server?.ip ?? '',
    serverhostname: server?.hostname ?? '',
    suspensionreason: s.suspensionReason,
    firstpaymentamount: money(s.firstPaymentCents),
    recurringamount: money(s.recurringCents),
    paymentmethod: s.gateway,
    paymentmethodname: GATEWAYS[s.gateway] ?? s.gateway,
    billingcycle: product?.cycle ?? 'Monthly',
    nextduedate: s.nextDueDate,
    status: s.status,
    username: s.username,
    // WHMCS hands out the service password in plain text; a portal must not.
    password: s.password,
    subscriptionid: '',
    promoid: '0',
    overideautosuspend: '',
    overidesuspenduntil: ZERO_DATE,
    ns1: '',
    ns2: '',
    assignedips: '',
    notes: '',
    diskusage: String(s.diskUsageMb),
    disklimit: String(product?.diskLimitMb ?? 0),
    bwusage: String(s.bwUsageMb),
    bwlimit: String(product?.bwLimitMb ?? 0),
    lastupdate: ZERO_DATETIME,
    customfields: { customfield: [] },
    configoptions: {
      configoption: s.configOptions.map((o) => ({ ...o, id: String(o.id) })),
    },
  };
}

// Example quirks: `totalresults` is a string while `startnumber`/`numreturned`
// are ints, and filters that were not sent come back as null.
export const getClientsProducts: Handler = (params, ctx) => {
  const clientId = int(params, 'clientid');
  const serviceId = int(params, 'serviceid');
  const pid = int(params, 'pid');
  const domain = text(params, 'domain')?.toLowerCase();
  const username = text(params, 'username2');
  const rows = ctx.state.services.filter(
    (s) =>
      (clientId === undefined || s.clientId === clientId) &&
      (serviceId === undefined || s.id === serviceId) &&
      (pid === undefined || s.productId === pid) &&
      (domain === undefined || s.domain.toLowerCase() === domain) &&
      (username === undefined || s.username === username),
  );
  const page = paginate(rows, params);

  return success({
    clientid: text(params, 'clientid') ?? null,
    serviceid: text(params, 'serviceid') ?? null,
    pid: text(params, 'pid') ?? null,
    domain: text(params, 'domain') ?? null,
    totalresults: String(page.total),
    startnumber: page.start,
    numreturned: page.rows.length,
    products: { product: page.rows.map((s) => serviceRow(ctx.state, s)) },
  });
};

const bit = (on: boolean) => (on ? '1' : '0');

function domainRow(d: Domain) {
  return {
    id: String(d.id),
    userid: String(d.clientId),
    orderid: String(d.orderId),
    regtype: d.regtype,
    domainname: d.name,
    registrar: d.registrar,
    regperiod: String(d.regperiod),
    firstpaymentamount: money(d.firstPaymentCents),
    recurringamount: money(d.recurringCents),
    paymentmethod: d.gateway,
    paymentmethodname: GATEWAYS[d.gateway] ?? d.gateway,
    regdate: d.regdate,
    expirydate: d.expirydate,
    nextduedate: d.nextduedate,
    status: d.status,
    subscriptionid: '',
    promoid: '0',
    dnsmanagement: bit(d.dnsManagement),
    emailforwarding: bit(d.emailForwarding),
    idprotection: bit(d.idProtection),
    donotrenew: bit(d.doNotRenew),
    notes: '',
  };
}

// Every value is a string here, paging included (derived example); an unsent
// `domainid` is echoed as "".
export const getClientsDomains: Handler = (params, ctx) => {
  const clientId = int(params, 'clientid');
  const domainId = int(params, 'domainid');
  const name = text(params, 'domain')?.toLowerCase();
  const rows = ctx.state.domains.filter(
    (d) =>
      (clientId === undefined || d.clientId === clientId) &&
      (domainId === undefined || d.id === domainId) &&
      (name === undefined || d.name.toLowerCase() === name),
  );
  const page = paginate(rows, params);

  return success({
    clientid: text(params, 'clientid') ?? '',
    domainid: text(params, 'domainid') ?? '',
    totalresults: String(page.total),
    startnumber: String(page.start),
    numreturned: String(page.rows.length),
    domains: { domain: page.rows.map(domainRow) },
  });
};
