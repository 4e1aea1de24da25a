import 'server-only';

// Readable names for the module codes WHMCS sends where a person will read them.
// GetInvoices and GetInvoice give a payment gateway only as its module code
// ("paypal", "banktransfer"); GetClientsDomains gives the registrar module
// ("enom"). Known modules get the name WHMCS itself shows by default; any other
// code is title-cased, so a custom module still reads as a name.

const GATEWAYS: Readonly<Record<string, string>> = {
  banktransfer: 'Bank Transfer',
  mailin: 'Mail In Payment',
  paypal: 'PayPal',
  paypalcheckout: 'PayPal',
  paypal_ppcpv: 'PayPal',
  stripe: 'Credit Card',
  stripe_ach: 'Bank Account (ACH)',
  stripe_sepa: 'SEPA Direct Debit',
  authorizecim: 'Credit Card',
  gocardless: 'GoCardless',
  offlinecc: 'Credit Card',
  tco: '2Checkout',
};

const REGISTRARS: Readonly<Record<string, string>> = {
  enom: 'eNom',
  opensrs: 'OpenSRS',
  openprovider: 'Openprovider',
  resellerclub: 'ResellerClub',
  godaddy: 'GoDaddy',
  namecheap: 'Namecheap',
  nominet: 'Nominet',
  centralnic: 'CentralNic',
  internetbs: 'Internet.bs',
  netearthone: 'NetEarth One',
};

/** "paypal" → "PayPal"; an unknown "my_gateway" → "My Gateway"; "" stays "". */
export function gatewayName(code: string): string {
  return GATEWAYS[code.trim().toLowerCase()] ?? titleCase(code);
}

/** "enom" → "eNom"; an unknown "someregistrar" → "Someregistrar". */
export function registrarName(code: string): string {
  return REGISTRARS[code.trim().toLowerCase()] ?? titleCase(code);
}

function titleCase(code: string): string {
  return code
    .trim()
    .split(/[\s_-]+/)
    .filter(Boolean)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}
