import 'server-only';

// WHMCS reads its parameters with PHP, so lists travel in bracket syntax:
// `pid[0]=1&pid[1]=5`, `email_preferences[invoice]=1` (docs/whmcs.md#requests).

export type FormValue =
  | string
  | number
  | boolean
  | null
  | undefined
  | readonly FormValue[]
  | { readonly [key: string]: FormValue };

export type FormParams = Readonly<Record<string, FormValue>>;

/** Names the transport owns; an operation may not set or override them. */
export const RESERVED_PARAMS: ReadonlySet<string> = new Set([
  'action',
  'identifier',
  'secret',
  'accesskey',
  'responsetype',
  'username',
  'password',
]);

/** Appends `params` to `form`; null and undefined are left out. */
export function appendParams(form: URLSearchParams, params: FormParams): URLSearchParams {
  for (const [key, value] of Object.entries(params)) append(form, key, value);
  return form;
}

function append(form: URLSearchParams, key: string, value: FormValue): void {
  if (value === null || value === undefined) return;

  if (Array.isArray(value)) {
    value.forEach((item: FormValue, index) => append(form, `${key}[${index}]`, item));
  } else if (typeof value === 'object') {
    for (const [name, item] of Object.entries(value))
      append(form, `${key}[${name}]`, item);
  } else {
    form.append(key, scalar(key, value));
  }
}

function scalar(key: string, value: string | number | boolean): string {
  // PHP reads "false" as true; booleans go as 1/0, as http_build_query sends them.
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new TypeError(`WHMCS parameter ${key} is not a finite number`);
  }

  return String(value);
}
