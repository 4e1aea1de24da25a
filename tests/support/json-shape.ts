// Compares JSON by shape: the same keys and the same JSON value types,
// recursively. Used to hold the simulator to the official WHMCS examples.

export type Shape =
  | { type: 'string' | 'number' | 'boolean' | 'null' }
  | { type: 'array'; items: Shape[] }
  | { type: 'object'; keys: Record<string, Shape> };

/** A documented departure from an example, named by path (`a.b[].c`) with its reason. */
export type Allowance = { path: string; why: string } & (
  { missing: true } | { extra: Shape } | { alternative: Shape } | { dynamicKeys: true }
);

export function shapeOf(json: unknown): Shape {
  if (json === null) return { type: 'null' };
  if (Array.isArray(json)) return { type: 'array', items: json.map(shapeOf) };
  if (typeof json === 'object') {
    const entries = Object.entries(json as Record<string, unknown>);

    return {
      type: 'object',
      keys: Object.fromEntries(entries.map(([k, v]) => [k, shapeOf(v)])),
    };
  }
  if (typeof json === 'string') return { type: 'string' };
  if (typeof json === 'number') return { type: 'number' };
  if (typeof json === 'boolean') return { type: 'boolean' };
  throw new Error(`not JSON: ${typeof json}`);
}

/**
 * The template for the elements of an example list: its first element, where
 * an empty list inside it (at any depth) is stood in for by the first non-empty
 * list at the same place in a later element. (GetClientsProducts' first product
 * has no config options; its second has one.)
 */
function template(items: Shape[]): Shape | undefined {
  const [first, ...rest] = items;

  return first && fill(first, rest);
}

function fill(shape: Shape, others: Shape[]): Shape {
  if (shape.type === 'array' && shape.items.length === 0) {
    return others.find((o) => o.type === 'array' && o.items.length > 0) ?? shape;
  }
  if (shape.type !== 'object') return shape;

  const keys = Object.entries(shape.keys).map(([key, value]) => {
    const same = others.flatMap((o) =>
      o.type === 'object' && o.keys[key] ? [o.keys[key]] : [],
    );

    return [key, fill(value, same)];
  });

  return { type: 'object', keys: Object.fromEntries(keys) };
}

/** Every way `actual` departs from `example`, as `path: problem` lines; [] when none. */
export function shapeDiff(
  actual: Shape,
  example: Shape,
  allow: Allowance[] = [],
  path = '',
): string[] {
  const problems = compare(actual, example, allow, path);
  if (problems.length === 0) return problems;

  const alternatives = allow.filter((a) => a.path === path && 'alternative' in a);
  const accepted = alternatives.some(
    (a) => 'alternative' in a && compare(actual, a.alternative, allow, path).length === 0,
  );

  return accepted ? [] : problems;
}

function compare(
  actual: Shape,
  example: Shape,
  allow: Allowance[],
  path: string,
): string[] {
  if (actual.type === 'array' && example.type === 'array') {
    return arrayDiff(actual, example, allow, path);
  }
  if (actual.type === 'object' && example.type === 'object') {
    return objectDiff(actual, example, allow, path);
  }
  if (actual.type !== example.type) {
    return [`${path || '(root)'}: expected ${example.type}, got ${actual.type}`];
  }

  return [];
}

type ArrayShape = Shape & { type: 'array' };
type ObjectShape = Shape & { type: 'object' };

function arrayDiff(
  actual: ArrayShape,
  example: ArrayShape,
  allow: Allowance[],
  path: string,
) {
  const model = template(example.items);
  if (!model) {
    return actual.items.length ? [`${path}: the example's list is empty, got items`] : [];
  }

  return actual.items.flatMap((item) => shapeDiff(item, model, allow, `${path}[]`));
}

function objectDiff(
  actual: ObjectShape,
  example: ObjectShape,
  allow: Allowance[],
  path: string,
): string[] {
  const at = (key: string) => (path ? `${path}.${key}` : key);
  const rules = (key: string) => allow.filter((a) => a.path === at(key));
  if (allow.some((a) => a.path === path && 'dynamicKeys' in a)) {
    const model = Object.values(example.keys)[0];
    if (!model) return [`${path}: the example has no entry to compare with`];

    return Object.values(actual.keys).flatMap((v) => shapeDiff(v, model, allow, at('*')));
  }

  const expected = Object.entries(example.keys).flatMap(([key, shape]) => {
    const got = actual.keys[key];
    if (got) return shapeDiff(got, shape, allow, at(key));

    return rules(key).some((a) => 'missing' in a) ? [] : [`${at(key)}: missing`];
  });
  const unexpected = Object.entries(actual.keys)
    .filter(([key]) => !(key in example.keys))
    .flatMap(([key, shape]) => {
      const rule = rules(key).find((a) => 'extra' in a);
      if (rule && 'extra' in rule) return shapeDiff(shape, rule.extra, allow, at(key));

      return [`${at(key)}: not in the example`];
    });

  return [...expected, ...unexpected];
}
