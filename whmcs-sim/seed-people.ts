import { ALL_PERMISSIONS, DEMO_PASSWORD, DEMO_TOTP_SECRET } from './demo-accounts';
import type { Client, ClientLink, User } from './model';
import { hashPassword } from './passwords';
import {
  COMPANY_SUFFIXES,
  COMPANY_WORDS,
  FIRST_NAMES,
  LAST_NAMES,
  PLACES,
} from './seed-catalog';
import type { Place } from './seed-catalog';
import {
  asciiSlug,
  daysFromNow,
  lastLoginHtml,
  uuid,
  type SeedContext,
} from './seed-kit';
import { ymd, ymdHms } from './util';

const STREETS = ['Quay', 'Harbour', 'Mill'];

type ClientInput = Pick<Client, 'firstname' | 'lastname' | 'email'> &
  Partial<Client> & { place: Place; ageDays: number };

function addClient(ctx: SeedContext, input: ClientInput): Client {
  const { place, ageDays, ...fields } = input;
  const client: Client = {
    id: ctx.state.clients.length + 1,
    uuid: uuid(ctx.rng),
    companyname: '',
    address1: `${ctx.rng.int(1, 180)} ${ctx.rng.pick(STREETS)} Street`,
    address2: '',
    ...place,
    phonenumber: `${ctx.rng.int(100, 999)}${ctx.rng.int(100000, 999999)}`,
    taxId: '',
    status: 'Active',
    creditCents: 0,
    datecreated: ymd(daysFromNow(ctx, -ageDays)),
    customField: ctx.rng.pick(['Search engine', 'Friend', 'Podcast', 'Conference']),
    lastLogin: lastLoginHtml(ctx, ctx.rng.int(1, 60)),
    notes: '',
    groupId: 0,
    allowSingleSignOn: true,
    emailPreferences: {
      general: true,
      invoice: true,
      support: true,
      product: true,
      domain: true,
      affiliate: false,
    },
    ...fields,
  };
  ctx.state.clients.push(client);

  return client;
}

type UserInput = Pick<User, 'firstname' | 'lastname' | 'email' | 'links'> & {
  password: string;
  twoFactor?: boolean;
  totpSecret?: string;
};

function addUser(ctx: SeedContext, input: UserInput): User {
  const id = ctx.state.users.length + 1;
  const user: User = {
    id,
    firstname: input.firstname,
    lastname: input.lastname,
    email: input.email,
    passwordHash: hashPassword(`user-${id}`, input.password),
    twoFactor: input.twoFactor ?? false,
    ...(input.totpSecret && { totpSecret: input.totpSecret }),
    datecreated: ymdHms(daysFromNow(ctx, -ctx.rng.int(30, 1500))),
    links: input.links,
  };
  ctx.state.users.push(user);

  return user;
}

const owner = (clientId: number): ClientLink => ({
  clientId,
  isOwner: true,
  permissions: [...ALL_PERMISSIONS],
});

function seedDemoPeople(ctx: SeedContext): void {
  const [gb, fr, , , , ng] = PLACES as [Place, Place, Place, Place, Place, Place];
  const alice = { firstname: 'Alice', lastname: 'Moreau' };
  const sam = { firstname: 'Sam', lastname: 'Okafor' };
  const priya = { firstname: 'Priya', lastname: 'Natarajan' };
  addClient(ctx, {
    ...alice,
    companyname: 'Moreau Design',
    email: 'alice@kraken.example',
    place: fr,
    ageDays: 1400,
    creditCents: 1250,
  });
  addClient(ctx, { ...sam, email: 'sam@kraken.example', place: gb, ageDays: 900 });
  addClient(ctx, {
    ...sam,
    companyname: 'Okafor Labs Ltd',
    email: 'accounts@okafor-labs.example',
    place: ng,
    ageDays: 600,
  });
  addClient(ctx, { ...priya, email: 'secure@kraken.example', place: gb, ageDays: 300 });

  const password = DEMO_PASSWORD;
  addUser(ctx, { ...alice, email: 'alice@kraken.example', password, links: [owner(1)] });
  addUser(ctx, {
    ...sam,
    email: 'sam@kraken.example',
    password,
    links: [owner(2), owner(3)],
  });
  const limited = { clientId: 1, isOwner: false, permissions: ['products', 'tickets'] };
  addUser(ctx, {
    firstname: 'Theo',
    lastname: 'Laurent',
    email: 'contractor@kraken.example',
    password,
    links: [limited],
  });
  addUser(ctx, {
    ...priya,
    email: 'secure@kraken.example',
    password,
    twoFactor: true,
    totpSecret: DEMO_TOTP_SECRET,
    links: [owner(4)],
  });
}

/** Thirty ordinary customers, each with an owner user; some are inactive or closed. */
function seedCustomers(ctx: SeedContext, count: number): void {
  for (let i = 0; i < count; i += 1) {
    const firstname = FIRST_NAMES[i % FIRST_NAMES.length] ?? 'Kim';
    const lastname = ctx.rng.pick(LAST_NAMES);
    const isCompany = ctx.rng.next() < 0.4;
    const companyname = isCompany
      ? `${ctx.rng.pick(COMPANY_WORDS)} ${ctx.rng.pick(COMPANY_SUFFIXES)}`
      : '';
    const email = `${asciiSlug(`${firstname}.${lastname}`)}.${i + 5}@mail.example`;
    const status = i % 10 === 7 ? 'Inactive' : i % 10 === 9 ? 'Closed' : 'Active';
    const place = ctx.rng.pick(PLACES);
    const ageDays = ctx.rng.int(45, 2200);
    const client = addClient(ctx, {
      firstname,
      lastname,
      companyname,
      email,
      status,
      place,
      ageDays,
    });

    const links = [owner(client.id)];
    // Every sixth customer's user also helps out on the previous customer's account.
    if (i % 6 === 5)
      links.push({
        clientId: client.id - 1,
        isOwner: false,
        permissions: ['invoices', 'tickets'],
      });
    const password = ctx.rng.chars(20, 'abcdefghijkmnpqrstuvwxyz23456789');
    addUser(ctx, { firstname, lastname, email, password, links });
  }
}

/**
 * Demo logins added after everything else, so the rest of the seed (ids and
 * the random sequence) is the same as before they existed.
 */
export function seedLateDemoPeople(ctx: SeedContext): void {
  // A web agency on Alice's account: it may see services and domains and use
  // control panels, but change no domain and place no order or cancellation.
  const agency = {
    clientId: 1,
    isOwner: false,
    permissions: ['products', 'productsso', 'domains'],
  };
  addUser(ctx, {
    firstname: 'Wes',
    lastname: 'Marlow',
    email: 'webmaster@kraken.example',
    password: DEMO_PASSWORD,
    links: [agency],
  });
}

export function seedPeople(ctx: SeedContext, customers: number): void {
  seedDemoPeople(ctx);
  seedCustomers(ctx, customers);
}
