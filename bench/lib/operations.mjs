// Every GraphQL document the bench sends, written to the shapes of shared/acceptance/contract.graphql.
// run.mjs validates them against that schema when the file is there (../shared/acceptance).

const variantFields = 'id sku size colour price { amount currency } availableOnline';

export const CATALOGUE = `query Catalogue($first: Int!, $after: String, $filter: ProductFilter) {
  products(first: $first, after: $after, filter: $filter) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id slug name variants { ${variantFields} } } }
  }
}`;

export const PRODUCT_PAGE = `query ProductPage($slug: String!) {
  product(slug: $slug) { id slug name variants { ${variantFields} } }
}`;

export const STORES_NEAR = `query StoresNear($near: GeoPointInput!, $radiusKm: Float!, $sku: String!) {
  storesNear(near: $near, radiusKm: $radiusKm, sku: $sku) { distanceKm available location { id code name } }
}`;

export const VARIANT_ID = `query VariantId($sku: String!) { variant(sku: $sku) { id sku } }`;

export const STAFF_LOGIN = `mutation StaffLogin($input: StaffLoginInput!) {
  staffLogin(input: $input) { token userErrors { code message } }
}`;

export const PRODUCT_CREATE = `mutation ProductCreate($input: ProductCreateInput!) {
  productCreate(input: $input) { product { id slug variants { id sku } } userErrors { code field message } }
}`;

export const STOCK_ADJUST = `mutation StockAdjust($input: StockAdjustInput!) {
  stockAdjust(input: $input) { stockLevel { onHand reserved available } userErrors { code field message } }
}`;

export const STOCK_LEVEL = `query StockLevel($locationId: ID!, $sku: String!) {
  stockLevel(locationId: $locationId, sku: $sku) { onHand reserved available }
}`;

export const CART_CREATE = `mutation CartCreate { cartCreate { cart { id } userErrors { code field message } } }`;

export const CART_LINES_ADD = `mutation CartLinesAdd($cartId: ID!, $lines: [CartLineInput!]!) {
  cartLinesAdd(cartId: $cartId, lines: $lines) {
    cart { id lines { id quantity } cost { total { amount currency } } }
    userErrors { code field message }
  }
}`;

export const CHECKOUT = `mutation Checkout($input: CheckoutInput!) {
  checkout(input: $input) { order { id number status } userErrors { code field message } }
}`;

/**
 * Not in contract.graphql: a shop's browsing, filters (version 2 of the contract) and the project's sorts,
 * the same page as CATALOGUE otherwise.
 */
export const BROWSE = `query Browse($first: Int!, $after: String, $filter: ProductFilter, $sort: ProductSort) {
  products(first: $first, after: $after, filter: $filter, sort: $sort) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id slug name variants { ${variantFields} } } }
  }
}`;

/** Not in the contract: the project's own list of locations, used only to turn store codes into ids. */
export const LOCATIONS = `query Locations { locations(type: STORE) { id code pickupEnabled } }`;

export const CONTRACT_OPERATIONS = {
  CATALOGUE,
  PRODUCT_PAGE,
  STORES_NEAR,
  VARIANT_ID,
  STAFF_LOGIN,
  PRODUCT_CREATE,
  STOCK_ADJUST,
  STOCK_LEVEL,
  CART_CREATE,
  CART_LINES_ADD,
  CHECKOUT,
};
