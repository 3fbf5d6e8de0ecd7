// The other screens: the endless aisle ordering a size missing here, lookups and the single customer view,
// the offline banner, portrait and French. Returns, stock states, transfers, counts and the day: returns-and-stock.e2e.ts.
import { expect, test } from '@playwright/test';
import { ASSOCIATE, MANAGER, adminToken, gql, sellableAt, staffToken } from './api';
import { checkScreen, screenshot, signIn } from './support';

test('the endless aisle orders a size missing here from another store, and the order is found by its number', async ({ page }) => {
  const manager = await staffToken(MANAGER);
  // A size this store has and a nearby store has too; then this store's units are written off, so it is missing here.
  const candidates = await sellableAt(manager.locationId, manager.token, 10);
  let chosen: (typeof candidates)[number] | undefined;
  for (const c of candidates) {
    const near = await gql(
      `query ($near: GeoPointInput!, $sku: String!) { storesNear(near: $near, radiusKm: 50, sku: $sku) { available location { id } } }`,
      { near: manager.geo, sku: c.sku },
    );
    if (
      near.storesNear.some((s: { available: number; location: { id: string } }) => s.location.id !== manager.locationId && s.available > 0)
    ) {
      chosen = c;
      break;
    }
  }
  if (!chosen) throw new Error('no size both here and nearby in the demo data');
  const level = await gql(
    `query ($l: ID!, $s: String!) { stockLevel(locationId: $l, sku: $s) { available } }`,
    { l: manager.locationId, s: chosen.sku },
    manager.token,
  );
  await gql(
    `mutation ($input: StockAdjustInput!) { stockAdjust(input: $input) { userErrors { code } } }`,
    { input: { locationId: manager.locationId, sku: chosen.sku, delta: -level.stockLevel.available, reason: 'DAMAGED' } },
    manager.token,
  );

  await signIn(page, ASSOCIATE);
  await page.getByRole('link', { name: 'Endless aisle' }).click();
  // A keyboard-wedge scanner types the code into the focused field and presses Enter.
  await page.getByLabel('Search or scan a barcode').pressSequentially(chosen.sku);
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: `${chosen.productName} · ${chosen.size}` }).click();
  await expect(page.getByTestId('here')).toHaveText('Here: None here');
  await expect(page.getByText(/Ready /).first()).toBeVisible();
  await page.getByLabel('Customer email').fill('walk-in@example.com');
  await checkScreen(page, 'endless-aisle');
  await page.getByRole('button', { name: 'Place the order' }).click();
  const placed = page.getByRole('status');
  await expect(placed).toHaveText(/^Order \S+ placed\.$/);
  const number = (await placed.textContent())!.split(' ')[1];

  const order = await gql(
    `query ($n: String!) { orderByNumber(number: $n) { channel fulfillments { type sourceLocation { id } pickupLocation { id } } } }`,
    { n: number },
    manager.token,
  );
  expect(order.orderByNumber.channel).toBe('STORE');
  const [f] = order.orderByNumber.fulfillments;
  expect(f.pickupLocation.id).toBe(manager.locationId);
  expect(f.sourceLocation.id).not.toBe(manager.locationId);

  // The source store sends it; when it arrives, the associate receives it here and it waits for its customer.
  const admin = await adminToken();
  const orderId = await gql(`query ($n: String!) { orderByNumber(number: $n) { fulfillments { id } } }`, { n: number }, admin);
  const shipped = await gql(
    `mutation ($id: ID!) { fulfillmentShip(id: $id) { fulfillment { status } userErrors { code } } }`,
    { id: orderId.orderByNumber.fulfillments[0].id },
    admin,
  );
  expect(shipped.fulfillmentShip.fulfillment.status).toBe('IN_TRANSIT');
  await page.getByRole('link', { name: 'Pickups' }).click();
  await page.getByTestId('group-toPrepare').getByRole('link', { name: number }).click();
  await expect(page.getByTestId('pickup-status')).toHaveText('On its way to the store');
  await page.getByRole('button', { name: 'Received in store' }).click();
  await expect(page.getByTestId('pickup-status')).toHaveText('Ready for pickup');

  await page.getByRole('link', { name: 'Find' }).click();
  await page.getByLabel('Order number').fill(number);
  await page.getByRole('button', { name: 'Search' }).first().click();
  await expect(page.getByRole('heading', { name: `Order ${number}` })).toBeVisible();
  await checkScreen(page, 'order');
});

test('a customer found by email: orders from every channel, the cart, consent', async ({ page }) => {
  const email = `ana.${Date.now()}@example.com`;
  await gql(
    `mutation ($input: RegisterInput!) { register(input: $input) { token userErrors { code } } }`,
    { input: { email, password: 'a-long-password-1', name: 'Ana Martin', phone: '+33612345678' } },
    undefined,
    'APP',
  );
  await signIn(page, ASSOCIATE);
  await page.getByRole('link', { name: 'Find' }).click();
  await page.getByLabel('Email, phone or name').fill(email);
  await page.getByRole('button', { name: 'Search' }).nth(1).click();
  await checkScreen(page, 'lookup');
  await page.getByRole('link', { name: /Ana Martin/ }).click();
  await expect(page.getByRole('heading', { name: 'Ana Martin' })).toBeVisible();
  await expect(page.getByText('The cart is empty.')).toBeVisible();
  await checkScreen(page, 'customer');
});

test('an associate does not see the manager screen', async ({ page }) => {
  await signIn(page, ASSOCIATE);
  await expect(page.getByRole('link', { name: 'Pickups' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Store day' })).toHaveCount(0);
});

test('the offline banner shows while the network is down and Retry brings the screen back', async ({ page, context }) => {
  await signIn(page, ASSOCIATE);
  await context.setOffline(true);
  const banner = page.getByRole('alert').filter({ hasText: 'No connection to the service' });
  await expect(banner).toBeVisible();
  await screenshot(page, 'offline');
  // Retry while still offline: the queue cannot be read, the banner stays.
  await banner.getByRole('button', { name: 'Retry' }).click();
  await expect(banner).toBeVisible();
  // Back online: the screen reads again by itself and the banner goes.
  await context.setOffline(false);
  await expect(banner).toHaveCount(0);
  await expect(page.getByRole('heading', { name: "Today's pickups" })).toBeVisible();
});

test.describe('in French, in portrait', () => {
  test.use({ locale: 'fr-FR', viewport: { width: 820, height: 1180 } });
  test('the queue in the browser’s language, switchable to English', async ({ page }) => {
    await page.goto('/staff/');
    await expect(page.getByRole('heading', { name: 'Connexion' })).toBeVisible();
    await page.getByLabel('E-mail professionnel').fill(ASSOCIATE);
    await page.getByLabel('Mot de passe').fill('demo-password-1');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect(page.getByRole('heading', { name: 'Retraits du jour' })).toBeVisible();
    await checkScreen(page, 'pickups-queue-fr-portrait');
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { name: "Today's pickups" })).toBeVisible();
  });
});

test('an aisle order whose answer is lost on the way is placed once: Retry sends the same idempotency key', async ({ page }) => {
  const associate = await staffToken(ASSOCIATE);
  const [item] = await sellableAt(associate.locationId, associate.token, 1);
  const email = `lost-answer.${Date.now()}@example.com`;
  // The first order request reaches the API (which places the order), then the connection drops before the answer.
  let dropped = false;
  await page.route('**/graphql', async (route) => {
    const body = route.request().postDataJSON() as { operationName?: string } | null;
    if (!dropped && body?.operationName === 'AssistedOrderCreate') {
      dropped = true;
      await route.fetch();
      return route.abort('connectionreset');
    }
    return route.continue();
  });

  await signIn(page, ASSOCIATE);
  await page.getByRole('link', { name: 'Endless aisle' }).click();
  await page.getByLabel('Search or scan a barcode').fill(item.sku);
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: `${item.productName} · ${item.size}` }).click();
  await page.getByLabel('Customer email').fill(email);
  await page.getByRole('button', { name: 'Place the order' }).click();
  await expect(page.getByText('The tablet cannot reach the service.')).toBeVisible();
  const banner = page.getByRole('alert').filter({ hasText: 'No connection to the service' });
  await banner.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByRole('status')).toHaveText(/^Order \S+ placed\.$/);

  const orders = await gql(
    `query { orders(first: 100, filter: { channel: STORE }) { edges { node { number contactEmail } } } }`,
    {},
    associate.token,
  );
  const mine = orders.orders.edges.filter((e: { node: { contactEmail: string } }) => e.node.contactEmail === email);
  expect(mine).toHaveLength(1);
  expect(dropped).toBe(true);
});

test('the endless aisle sends a size to the customer’s home', async ({ page }) => {
  const associate = await staffToken(ASSOCIATE);
  const [item] = await sellableAt(associate.locationId, associate.token, 1);
  await signIn(page, ASSOCIATE);
  await page.getByRole('link', { name: 'Endless aisle' }).click();
  await page.getByLabel('Search or scan a barcode').fill(item.sku);
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: `${item.productName} · ${item.size}` }).click();
  await page.getByLabel('Customer email').fill('home@example.com');
  await page.getByLabel('Home delivery').check();
  await page.getByLabel('Street and number').fill('12 rue des Rosiers');
  await page.getByLabel('Postal code').fill('75004');
  await page.getByLabel('City').fill('Paris');
  await page.getByRole('button', { name: 'Place the order' }).click();
  const placed = page.getByRole('status');
  await expect(placed).toHaveText(/^Order \S+ placed\.$/);
  const number = (await placed.textContent())!.split(' ')[1];
  const order = await gql(`query ($n: String!) { orderByNumber(number: $n) { fulfillments { type } } }`, { n: number }, associate.token);
  expect(order.orderByNumber.fulfillments.map((f: { type: string }) => f.type)).toEqual(['DELIVERY']);
});

test('a keyboard-wedge scanner reads an EAN barcode: the endless aisle finds that size', async ({ page }) => {
  const manager = await staffToken(MANAGER);
  const [item] = await sellableAt(manager.locationId, manager.token, 1);
  const ean = `20${String(Date.now()).slice(-11)}`;
  const set = await gql(
    `mutation ($i: VariantUpdateInput!) { variantUpdate(input: $i) { userErrors { code } } }`,
    { i: { sku: item.sku, barcode: ean } },
    await adminToken(),
  );
  expect(set.variantUpdate.userErrors).toEqual([]);
  await signIn(page, ASSOCIATE);
  await page.getByRole('link', { name: 'Endless aisle' }).click();
  await page.getByLabel('Search or scan a barcode').pressSequentially(ean);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: new RegExp(`^${escape(item.productName)} · ${escape(item.size)} · `) })).toBeVisible();
});

/** Text as a regular expression that matches it literally. */
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
