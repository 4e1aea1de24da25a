import type { User } from '../model';
import { loginToken, verifyPassword } from '../passwords';
import { contains, failure, int, paginate, success, text, type Handler } from '../wire';

// ValidateLogin checks a *user* (WHMCS 8+). The example sends `userid` as a string
// and `twoFactorEnabled` as the string "false"; a 2FA user gets no passwordhash.
export const validateLogin: Handler = (params, ctx) => {
  const email = text(params, 'email') ?? '';
  const password = params.get('password2') ?? '';
  const user = ctx.state.users.find((u) => u.email.toLowerCase() === email.toLowerCase());
  const valid = user && verifyPassword(`user-${user.id}`, password, user.passwordHash);
  if (!user || !valid) return failure('Email or Password Invalid');

  if (user.twoFactor) {
    return success({ userid: String(user.id), twoFactorEnabled: 'true' });
  }

  return success({
    userid: String(user.id),
    passwordhash: loginToken(user.id, user.passwordHash, ctx.clock()),
    twoFactorEnabled: 'false',
  });
};

function userRow(user: User) {
  return {
    id: user.id,
    firstname: user.firstname,
    lastname: user.lastname,
    email: user.email,
    datecreated: user.datecreated,
    validationdata: '',
    clients: user.links.map((l) => ({ id: l.clientId, isOwner: l.isOwner })),
  };
}

/** `search` matches e-mail or name, in part; `sorting` is ASC (default) or DESC by id. */
export const getUsers: Handler = (params, ctx) => {
  const search = text(params, 'search');
  const matches = ctx.state.users.filter(
    (u) =>
      !search ||
      contains(u.email, search) ||
      contains(`${u.firstname} ${u.lastname}`, search),
  );
  const descending = (text(params, 'sorting') ?? '').toUpperCase() === 'DESC';
  const ordered = [...matches].sort((a, b) => (descending ? b.id - a.id : a.id - b.id));
  const page = paginate(ordered, params);

  return success({
    totalresults: page.total,
    startnumber: page.start,
    numreturned: page.rows.length,
    users: page.rows.map(userRow),
  });
};

// The docs' example shows only `result`; installations answer with the list of
// permission names as well, which is what a portal needs.
export const getUserPermissions: Handler = (params, ctx) => {
  const userId = int(params, 'user_id');
  const clientId = int(params, 'client_id');
  const user = ctx.state.users.find((u) => u.id === userId);
  if (!user) return failure('Invalid user id');
  if (!ctx.state.clients.some((c) => c.id === clientId))
    return failure('Invalid client id');

  const link = user.links.find((l) => l.clientId === clientId);
  if (!link) return failure('User is not associated with client');

  return success({ permissions: [...link.permissions] });
};
