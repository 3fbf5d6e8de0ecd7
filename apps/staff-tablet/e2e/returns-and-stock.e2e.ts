// Returns and exchanges at the counter, stock states, transfers and counts (issues 24 and 25), then the
// manager's day with the returns just made. Data is made through the API as customers and other stores would.
import { expect, test, type Page } from '@playwright/test';
import { ASSOCIATE, MANAGER, adminToken, collectedOrder, gql, sellableAt, skuAlsoNearby, staffToken, stockOf, twoSizesAt } from './api';
import { checkScreen, signIn } from './support';

async function findOrder(page: Page, number: string) {
  await page.getByRole('link', { name: 'Returns' }).click();
  const search = page.getByRole('search', { name: 'Find the order' });
  await search.getByLabel('Order number').fill(number);
  await search.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByRole('heading', { name: `Order ${number}` })).toBeVisible();
}

test('a return with an exchange: a size too small swapped for another at the counter, refund and exchange order shown', async ({
  page,
}) => {
  const associate = await staffToken(ASSOCIATE);
  const [bought, wanted] = await twoSizesAt(associate.locationId, associate.token);
  const order = await collectedOrder(associate.locationId, [bought], associate.token);
  const wantedBefore = await stockOf(associate.locationId, wanted.sku, associate.token);

  await signIn(page, ASSOCIATE);
  await findOrder(page, order.number);
  await page.getByRole('button', { name: `Brought back ${bought.sku} +1` }).click();
  const line = page.getByRole('group', { name: new RegExp(bought.sku) }).first();
  await line.getByLabel('Reason').selectOption('SIZE_TOO_SMALL');
  await line.getByLabel('Goes to').selectOption('RESTOCK');
  await line.getByLabel('Exchange for').selectOption({ label: `Size ${wanted.size}` });
  await checkScreen(page, 'returns');
  await page.getByRole('button', { name: 'Take back 1 item(s) and exchange' }).click();
  const made = page.getByTestId('return-made');
  await expect(made).toContainText(/Return \S+ taken back\./);
  await expect(made).toContainText('Refund:');
  const exchange = page.getByTestId('exchange-order');
  await expect(exchange).toBeVisible();
  const exchangeNumber = (await exchange.textContent())!.trim();
  await checkScreen(page, 'return-exchange');

  const d = await gql(
    `query ($n: String!) { orderByNumber(number: $n) { returns { status exchangeOrder { number } lines { quantity exchanged disposition reason variant { sku } } } } }`,
    { n: order.number },
    associate.token,
  );
  const [ret] = d.orderByNumber.returns;
  expect(ret.exchangeOrder.number).toBe(exchangeNumber);
  expect(ret.lines).toEqual([
    { quantity: 1, exchanged: 1, disposition: 'RESTOCK', reason: 'SIZE_TOO_SMALL', variant: { sku: bought.sku } },
  ]);
  // The swapped size left this shelf for the customer (held or handed over): it is no longer free here.
  expect((await stockOf(associate.locationId, wanted.sku, associate.token)).available).toBe(wantedBefore.available - 1);

  await exchange.click();
  await expect(page.getByRole('heading', { name: `Order ${exchangeNumber}` })).toBeVisible();
});

test('a return the customer requested is received at the counter and refunded', async ({ page }) => {
  const associate = await staffToken(ASSOCIATE);
  const [item] = await sellableAt(associate.locationId, associate.token, 1);
  const order = await collectedOrder(associate.locationId, [item], associate.token);
  const requested = await gql(
    `mutation ($input: ReturnRequestInput!) { returnRequest(input: $input) { return { number status } userErrors { code } } }`,
    { input: { orderId: order.orderId, lines: [{ variantId: item.variantId, quantity: 1, reason: 'CHANGED_MIND' }] } },
    associate.token,
  );
  expect(requested.returnRequest.userErrors).toEqual([]);
  const number = requested.returnRequest.return.number as string;

  await signIn(page, ASSOCIATE);
  await page.getByRole('link', { name: 'Returns' }).click();
  const search = page.getByRole('search', { name: 'Receive a requested return' });
  await search.getByLabel('Return number').fill(number);
  await search.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByTestId('return-status')).toHaveText('Requested');
  await checkScreen(page, 'return-receive');
  await page.getByRole('button', { name: 'Receive the return' }).click();
  await expect(page.getByTestId('return-status')).toHaveText('Received');
  await expect(page.getByText(/^Refund: /)).toBeVisible();
});

test('a transfer received: asked of a nearby store on the tablet, shipped there, received here with what arrived', async ({ page }) => {
  const manager = await staffToken(MANAGER);
  const { item, from } = await skuAlsoNearby(manager);
  const before = await stockOf(manager.locationId, item.sku, manager.token);

  await signIn(page, ASSOCIATE);
  await page.getByRole('link', { name: 'Transfers' }).click();
  await page.getByLabel('From').selectOption({ label: from.name });
  await page.getByLabel('SKU').fill(item.sku);
  await page.getByRole('button', { name: 'Quantity +1' }).click();
  await page.getByRole('button', { name: 'Request', exact: true }).click();
  const requested = page.getByRole('status');
  await expect(requested).toHaveText(/^Transfer \S+ requested\.$/);
  const number = (await requested.textContent())!.split(' ')[1];
  const card = page.getByTestId(`transfer-${number}`);
  await expect(card.getByTestId('transfer-status')).toHaveText('Requested');

  // The other store sends it (an admin here, as its staff would).
  const admin = await adminToken();
  const list = await gql(`query ($l: ID!) { transfers(locationId: $l, status: REQUESTED) { id number } }`, { l: from.id }, admin);
  const id = list.transfers.find((t: { number: string }) => t.number === number).id as string;
  const shipped = await gql(`mutation ($id: ID!) { transferShip(id: $id) { transfer { status } userErrors { code } } }`, { id }, admin);
  expect(shipped.transferShip.transfer.status).toBe('IN_TRANSIT');
  expect((await stockOf(manager.locationId, item.sku, manager.token)).incoming).toBe(before.incoming + 2);

  await page.reload();
  await expect(card.getByTestId('transfer-status')).toHaveText('On its way');
  // Two were sent, one arrived.
  await card.getByRole('button', { name: `Arrived ${item.sku} −1` }).click();
  await checkScreen(page, 'transfers');
  await card.getByRole('button', { name: 'Receive' }).click();
  await expect(card.getByTestId('transfer-status')).toHaveText('Received');
  await expect(card.getByText('1 received')).toBeVisible();
  const after = await stockOf(manager.locationId, item.sku, manager.token);
  expect([after.onHand, after.incoming]).toEqual([before.onHand + 1, before.incoming]);
});

test('stock states: a damaged unit stays on hand as unsellable, shows in the manager’s list, and goes back on sale', async ({ page }) => {
  const manager = await staffToken(MANAGER);
  const [item] = await sellableAt(manager.locationId, manager.token, 1, 2);
  const before = await stockOf(manager.locationId, item.sku, manager.token);
  await signIn(page, MANAGER);
  await page.getByRole('link', { name: 'Stock' }).click();
  await page.getByRole('search').getByLabel('SKU').fill(item.sku);
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page.getByTestId('available')).toHaveText(String(before.available));
  await page.getByRole('button', { name: 'Mark damaged' }).click();
  await expect(page.getByText('Marked damaged: 1.')).toBeVisible();
  await expect(page.getByTestId('available')).toHaveText(String(before.available - 1));
  await expect(page.getByTestId('unsellable')).toHaveText(String(before.unsellable + 1));
  await expect(page.getByTestId('on-hand')).toHaveText(String(before.onHand));

  await page.getByLabel('SKU begins with').fill(item.sku);
  await page.getByLabel('With unsellable units').check();
  await expect(page.getByTestId('levels').getByRole('button', { name: item.sku })).toBeVisible();
  await checkScreen(page, 'stock');

  await page.getByRole('button', { name: 'Back on sale' }).click();
  await expect(page.getByText('Back on sale: 1.')).toBeVisible();
  await expect(page.getByTestId('available')).toHaveText(String(before.available));
  await expect(page.getByTestId('unsellable')).toHaveText(String(before.unsellable));
});

test('a count of one SKU: a unit missing from the shelf is recorded, shown as a difference, and applied', async ({ page }) => {
  const associate = await staffToken(ASSOCIATE);
  const [item] = await sellableAt(associate.locationId, associate.token, 1, 2);
  const before = await stockOf(associate.locationId, item.sku, associate.token);
  await signIn(page, ASSOCIATE);
  await page.getByRole('link', { name: 'Counts' }).click();
  await page.getByLabel('SKUs (type or scan, one per line)').fill(item.sku.toLowerCase());
  await page.getByRole('button', { name: 'Start the count' }).click();
  await expect(page.getByTestId('count-status')).toHaveText('Open');
  await page.getByRole('spinbutton', { name: `Counted ${item.sku}` }).fill(String(before.onHand - 1));
  await page.getByRole('button', { name: 'Record the counts' }).click();
  await expect(page.getByText('Counts recorded.')).toBeVisible();
  await expect(page.getByTestId(`variance-${item.sku}`)).toHaveText('-1');
  await checkScreen(page, 'count');
  await page.getByRole('button', { name: 'Apply the count' }).click();
  await expect(page.getByTestId('count-status')).toHaveText('Applied');
  expect((await stockOf(associate.locationId, item.sku, associate.token)).onHand).toBe(before.onHand - 1);
});

test("a manager sees the store's day as charts, returns included", async ({ page }) => {
  await signIn(page, MANAGER);
  await page.getByRole('link', { name: 'Store day' }).click();
  await expect(page.getByRole('heading', { name: /The store’s day/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /Not collected/ })).toBeVisible();
  // The returns made by the tests above: web sales taken back at this store.
  await expect(page.getByRole('img', { name: /Returned units by channel of sale: WEB/ })).toBeVisible();
  await expect(page.getByTestId('day-returns')).toContainText(/Taken back at this store: [1-9]\d* returns/);
  await checkScreen(page, 'store-day');
});

test.describe('in portrait', () => {
  test.use({ viewport: { width: 820, height: 1180 } });
  test('the transfers and counts screens fit a portrait tablet', async ({ page }) => {
    await signIn(page, MANAGER);
    await page.getByRole('link', { name: 'Transfers' }).click();
    await expect(page.getByRole('heading', { name: 'To receive' })).toBeVisible();
    await checkScreen(page, 'transfers-portrait');
    await page.getByRole('link', { name: 'Counts' }).click();
    await checkScreen(page, 'counts-portrait');
  });
});
