// The scenarios. Each returns { metrics, notes } or { skipped: reason }. `env` carries the server, the
// clients, the sampled inputs, the options and a factory for the process watch.
import { writeFileSync } from 'node:fs';
import { drive, warmUp } from './load.mjs';
import { pmap } from './graphql.mjs';
import * as op from './operations.mjs';

const pick = (list) => list[Math.floor(Math.random() * list.length)];
const PREFIX_WORDS = (words) => words.filter((w) => w.length >= 5);

/** One or two words from the seeded names, or the first letters of one (search matches prefixes). */
function randomSearch(words) {
  const r = Math.random();
  if (r < 0.4) return pick(words);
  if (r < 0.8) return `${pick(words)} ${pick(words)}`;
  return pick(PREFIX_WORDS(words)).slice(0, 4);
}

/** 1. Catalogue pages: half fresh first pages (plain or a search), half the next page of an earlier answer. */
export async function catalogue(env) {
  const { words } = env.inputs;
  const open = []; // next pages waiting to be followed: { filter, after, depth }
  let captured;
  const next = (ctx) => {
    const item =
      open.length && Math.random() < 0.5
        ? open.splice(Math.floor(Math.random() * open.length), 1)[0]
        : { filter: Math.random() < 0.5 ? { search: randomSearch(words) } : undefined, after: undefined, depth: 0 };
    ctx.item = item;
    return { query: op.CATALOGUE, variables: { first: 20, after: item.after, filter: item.filter } };
  };
  let deepest = 0;
  const onBody = (status, body, ctx) => {
    if (status !== 200) return;
    const { item } = ctx;
    if (!captured && !item.filter && !item.after && body.includes('"edges":[{')) captured = body;
    deepest = Math.max(deepest, item.depth);
    const m = /"hasNextPage":true,"endCursor":"([^"]+)"/.exec(body);
    if (m && item.depth < 25) {
      open.push({ filter: item.filter, after: m[1], depth: item.depth + 1 });
      if (open.length > 1000) open.shift();
    }
  };
  const args = { url: env.api.url, connections: env.opts.connections, next, onBody };
  await warmUp(args, env.opts.warmup);
  deepest = 0;
  const metrics = await drive({ ...args, duration: env.opts.duration, watch: env.watch() });
  if (captured && env.baselineBodyFile) writeFileSync(env.baselineBodyFile, captured);
  return { metrics, notes: { deepestPage: deepest + 1, capturedBytes: captured?.length } };
}

/** A shop's facets as the demo catalogue has them (libs/demo-data): sizes, colours, price bands, categories. */
const FACETS = {
  sizes: [['S'], ['M'], ['L'], ['XS', 'S'], ['40'], ['42', '44'], ['38'], ['XL']],
  colours: [['black'], ['navy'], ['ecru'], ['camel', 'khaki'], ['grey marl'], ['rust', 'burgundy']],
  prices: [{ maxPrice: 5000 }, { minPrice: 5000, maxPrice: 10000 }, { minPrice: 10000, maxPrice: 20000 }, { minPrice: 20000 }],
  categories: ['coats', 'jackets', 'dresses', 'tops', 'shirts', 'knitwear', 'trousers', 'jeans'],
};
const SORTS = ['NAME', 'PRICE_ASC', 'PRICE_DESC', 'NEWEST'];

/** A filter a shopper builds from the facets: a category, then one to three of size, colour, price band. */
function randomFacets() {
  const filter = Math.random() < 0.5 ? { category: pick(FACETS.categories) } : {};
  if (Math.random() < 0.6) filter.sizes = pick(FACETS.sizes);
  if (Math.random() < 0.5) filter.colours = pick(FACETS.colours);
  if (Math.random() < 0.4 || Object.keys(filter).length === 0) Object.assign(filter, pick(FACETS.prices));
  return filter;
}

/**
 * 8. Browsing as a shop's filters and sort menu do it: half fresh first pages (a sort, and half the time a
 * filter of facets), half the next page of an earlier answer, like scenario 1.
 */
export async function browse(env) {
  const open = [];
  let empty = 0;
  const next = (ctx) => {
    const item =
      open.length && Math.random() < 0.5
        ? open.splice(Math.floor(Math.random() * open.length), 1)[0]
        : { filter: Math.random() < 0.5 ? randomFacets() : undefined, sort: pick(SORTS), after: undefined, depth: 0 };
    ctx.item = item;
    return { query: op.BROWSE, variables: { first: 20, after: item.after, filter: item.filter, sort: item.sort } };
  };
  let deepest = 0;
  const onBody = (status, body, ctx) => {
    if (status !== 200) return;
    const { item } = ctx;
    if (body.includes('"edges":[]')) empty++;
    deepest = Math.max(deepest, item.depth);
    const m = /"hasNextPage":true,"endCursor":"([^"]+)"/.exec(body);
    if (m && item.depth < 25) {
      open.push({ ...item, after: m[1], depth: item.depth + 1 });
      if (open.length > 1000) open.shift();
    }
  };
  const args = { url: env.api.url, connections: env.opts.connections, next, onBody };
  await warmUp(args, env.opts.warmup);
  deepest = 0;
  empty = 0;
  const metrics = await drive({ ...args, duration: env.opts.duration, watch: env.watch() });
  return { metrics, notes: { deepestPage: deepest + 1, emptyPages: empty } };
}

/** 2. A product page by slug, every variant with its price and availableOnline. */
export async function productPage(env) {
  const { slugs } = env.inputs;
  let missing = 0;
  const args = {
    url: env.api.url,
    connections: env.opts.connections,
    next: () => ({ query: op.PRODUCT_PAGE, variables: { slug: pick(slugs) } }),
    onBody: (status, body) => {
      if (status === 200 && body.includes('"product":null')) missing++;
    },
  };
  await warmUp(args, env.opts.warmup);
  missing = 0;
  const metrics = await drive({ ...args, duration: env.opts.duration, watch: env.watch() });
  return { metrics, notes: { productsNotFound: missing } };
}

/** 3. storesNear within 50 km of a random point of mainland France, for a random SKU. */
export async function storesNear(env) {
  const { skus } = env.inputs;
  let answers = 0;
  let stores = 0;
  const args = {
    url: env.api.url,
    connections: env.opts.connections,
    next: () => ({
      query: op.STORES_NEAR,
      variables: { near: { lat: 43.3 + Math.random() * 7.5, lng: -1.5 + Math.random() * 8.5 }, radiusKm: 50, sku: pick(skus) },
    }),
    onBody: (status, body) => {
      if (status !== 200) return;
      answers++;
      stores += body.split('"distanceKm"').length - 1;
    },
  };
  await warmUp(args, env.opts.warmup);
  answers = 0;
  stores = 0;
  const metrics = await drive({ ...args, duration: env.opts.duration, watch: env.watch() });
  return { metrics, notes: { storesPerAnswer: answers ? Math.round((stores / answers) * 10) / 10 : 0 } };
}

async function variantIds(env, skus) {
  const ids = await pmap(skus, 25, async (sku) => (await env.client.must(op.VARIANT_ID, { sku }, 'variant')).variant?.id);
  return skus.map((sku, i) => ({ sku, id: ids[i] })).filter((v) => v.id);
}

async function createCarts(env, count) {
  return pmap(Array.from({ length: count }), 25, async () => (await env.client.must(op.CART_CREATE, {}, 'cartCreate')).cartCreate.cart.id);
}

async function cartsUnsupported(env, withCheckout) {
  const probes = [
    [op.CART_CREATE, {}],
    [op.CART_LINES_ADD, { cartId: 'bench-probe', lines: [{ variantId: 'bench-probe', quantity: 1, fulfillment: { type: 'DELIVERY' } }] }],
    ...(withCheckout
      ? [[op.CHECKOUT, { input: { cartId: 'bench-probe', idempotencyKey: 'bench-probe', contact: { email: 'bench-probe@example.com' } } }]]
      : []),
  ];
  for (const [query, variables] of probes) {
    const reason = await env.client.unsupported(query, variables);
    if (reason) return `the server's schema lacks it (${reason})`;
  }
  return null;
}

/** 4. cartLinesAdd of one DELIVERY line on guest carts made before the timed window. */
export async function cartAdd(env) {
  const reason = await cartsUnsupported(env, false);
  if (reason) return { skipped: reason };
  const variants = await variantIds(env, env.inputs.skus.slice(0, 1000));
  const carts = await createCarts(env, env.opts.cartPool);
  let i = 0;
  let userErrors = 0;
  let firstUserError;
  const metrics = await drive({
    url: env.api.url,
    connections: env.opts.connections,
    duration: env.opts.duration,
    next: () => ({
      query: op.CART_LINES_ADD,
      variables: {
        cartId: carts[i++ % carts.length],
        lines: [{ variantId: pick(variants).id, quantity: 1, fulfillment: { type: 'DELIVERY' } }],
      },
    }),
    onBody: (status, body) => {
      if (status === 200 && body.includes('"userErrors":[{')) {
        userErrors++;
        firstUserError ??= /"code":"([^"]+)"/.exec(body)?.[1];
      }
    },
    watch: env.watch(),
  });
  return {
    metrics,
    notes: { carts: carts.length, linesPerCart: Math.round((metrics.requests / carts.length) * 10) / 10, userErrors, firstUserError },
  };
}

/** Guest carts with one PICKUP line each; returns the ids of those whose line was accepted. */
async function pickupCarts(env, lines) {
  let refused = 0;
  let firstRefusal;
  const ids = await pmap(lines, 25, async ({ variantId, locationId }) => {
    const cartId = (await env.client.must(op.CART_CREATE, {}, 'cartCreate')).cartCreate.cart.id;
    const r = await env.client.request(op.CART_LINES_ADD, {
      cartId,
      lines: [{ variantId, quantity: 1, fulfillment: { type: 'PICKUP', locationId } }],
    });
    const problem = r.errors?.[0]?.message ?? r.data?.cartLinesAdd?.userErrors?.[0]?.code;
    if (problem) {
      refused++;
      firstRefusal ??= problem;
      return undefined;
    }
    return cartId;
  });
  return { carts: ids.filter(Boolean), refused, firstRefusal };
}

/** Checkout answers, tallied: orders placed, and each refusal or error code. */
function checkoutTally() {
  const t = { orders: 0, outOfStock: 0, otherUserErrors: 0, errors: 0, codes: {} };
  // What a scenario's notes report of its checkouts.
  t.counts = () => ({ orders: t.orders, outOfStock: t.outOfStock, otherUserErrors: t.otherUserErrors, errors: t.errors, codes: t.codes });
  t.onBody = (status, body) => {
    let parsed;
    try {
      parsed = JSON.parse(body);
    } catch {
      parsed = undefined;
    }
    const payload = parsed?.data?.checkout;
    if (status === 200 && payload?.order) t.orders++;
    else if (status === 200 && payload?.userErrors?.length) {
      const code = payload.userErrors[0].code;
      if (code === 'OUT_OF_STOCK') t.outOfStock++;
      else t.otherUserErrors++;
      t.codes[code] = (t.codes[code] ?? 0) + 1;
    } else {
      t.errors++;
      const code = parsed?.errors?.[0]?.extensions?.code ?? `HTTP ${status}`;
      t.codes[code] = (t.codes[code] ?? 0) + 1;
    }
  };
  return t;
}

const checkoutRequest = (env, carts, tag) => {
  let i = 0;
  return () => {
    const n = i++;
    return {
      query: op.CHECKOUT,
      variables: {
        input: {
          cartId: carts[n % carts.length],
          idempotencyKey: `bench-${env.runId}-${tag}-${n}`,
          contact: { email: `bench+${tag}${n}@example.com` },
          ...(env.opts.checkoutPayment === 'card' ? { payment: { method: 'CARD', token: 'tok_sandbox_ok' } } : {}),
        },
      },
    };
  };
};

/** 5. Checkout of one PICKUP line each, on distinct (variant, store) pairs that have stock. */
export async function checkout(env) {
  const reason = await cartsUnsupported(env, true);
  if (reason) return { skipped: reason };
  const { pickups } = env.inputs;
  const ids = new Map(
    (
      await variantIds(
        env,
        pickups.map((p) => p.sku),
      )
    ).map((v) => [v.sku, v.id]),
  );
  const lines = pickups
    .filter((p) => ids.has(p.sku) && env.storeIds.has(p.locationCode))
    .map((p) => ({ variantId: ids.get(p.sku), locationId: env.storeIds.get(p.locationCode) }));
  // The pairs past --checkouts warm the path up (prepared statements on every connection, JIT), as the
  // timed scenarios' warm-up does, on carts of their own; they are not counted.
  const warmLines = lines.slice(env.opts.checkouts);
  const { carts, refused, firstRefusal } = await pickupCarts(env, lines.slice(0, env.opts.checkouts));
  if (!carts.length) return { skipped: `no cart could be prepared (${firstRefusal ?? 'no stock pairs sampled'})` };
  if (warmLines.length) {
    const warm = await pickupCarts(env, warmLines);
    await drive({
      url: env.api.url,
      connections: env.opts.connections,
      amount: warm.carts.length,
      timeout: 60,
      next: checkoutRequest(env, warm.carts, 'w'),
    });
  }
  const tally = checkoutTally();
  const metrics = await drive({
    url: env.api.url,
    connections: env.opts.connections,
    amount: carts.length,
    timeout: 60,
    next: checkoutRequest(env, carts, 'c'),
    onBody: tally.onBody,
    watch: env.watch(),
  });
  return {
    metrics,
    notes: {
      carts: carts.length,
      warmUpCheckouts: warmLines.length,
      cartsRefusedAtAdd: refused,
      firstRefusal,
      ...tally.counts(),
    },
  };
}

/**
 * 6. The hot item: a new SKU with exactly `hotStock` units in the whole network, all at one store, and
 * `hotCarts` carts holding one unit each for pickup there, checked out all at once (one connection each).
 */
export async function hotItem(env) {
  const reason = await cartsUnsupported(env, true);
  if (reason) return { skipped: reason };
  const storeCode = env.inputs.hotStoreCode;
  const locationId = env.storeIds.get(storeCode);
  if (!locationId) return { skipped: 'no pickup store in the data set' };
  const sku = `BENCH-HOT-${env.runId}`.toUpperCase();
  const created = await env.admin.must(
    op.PRODUCT_CREATE,
    {
      input: {
        slug: `bench-hot-${env.runId}`,
        name: `Bench hot item ${env.runId}`,
        category: 'bench',
        variants: [{ sku, size: 'U', price: { amount: 1000, currency: 'EUR' } }],
      },
    },
    'productCreate',
  );
  const variantId = created.productCreate.product.variants[0].id;
  await env.admin.must(op.STOCK_ADJUST, { input: { locationId, sku, delta: env.opts.hotStock, reason: 'RECEIPT' } }, 'stockAdjust');
  const before = (await env.admin.must(op.STOCK_LEVEL, { locationId, sku })).stockLevel;
  const { carts, refused, firstRefusal } = await pickupCarts(
    env,
    Array.from({ length: env.opts.hotCarts }, () => ({ variantId, locationId })),
  );
  if (!carts.length) return { skipped: `no cart could be prepared (${firstRefusal})` };
  const tally = checkoutTally();
  const metrics = await drive({
    url: env.api.url,
    connections: carts.length,
    amount: carts.length,
    timeout: 60,
    next: checkoutRequest(env, carts, 'h'),
    onBody: tally.onBody,
    watch: env.watch(),
  });
  const after = (await env.admin.must(op.STOCK_LEVEL, { locationId, sku })).stockLevel;
  return {
    metrics,
    notes: {
      sku,
      store: storeCode,
      stockBefore: before,
      stockAfter: after,
      carts: carts.length,
      cartsRefusedAtAdd: refused,
      firstRefusal,
      ...tally.counts(),
      allAnsweredMs: metrics.answeredMs,
      expectOrders: env.opts.hotStock,
    },
  };
}

/** 7. node:http answering the captured catalogue page: the floor under scenario 1 on this machine. */
export async function baseline(env) {
  if (!env.baseline) return { skipped: 'no catalogue response was captured (scenario 1 did not run or answered nothing)' };
  const { words } = env.inputs;
  const args = {
    url: env.baseline.url,
    connections: env.opts.connections,
    next: () => ({
      query: op.CATALOGUE,
      variables: { first: 20, filter: Math.random() < 0.5 ? { search: randomSearch(words) } : undefined },
    }),
  };
  await warmUp(args, env.opts.warmup);
  const metrics = await drive({ ...args, duration: env.opts.duration, watch: env.watch(env.baseline.pid) });
  return { metrics, notes: { responseBytes: env.baselineBytes } };
}
