import { graphql } from '../gql';

export const AisleSearchQuery = graphql(`
  query AisleSearch($search: String!, $sku: String!) {
    products(first: 10, filter: { search: $search }) {
      edges {
        node {
          id
          name
          variants {
            id
            sku
            size
            colour
            price {
              amount
              currency
            }
          }
        }
      }
    }
    variant(sku: $sku) {
      id
      sku
      size
      colour
      archived
      price {
        amount
        currency
      }
      product {
        id
        name
      }
    }
    byBarcode: variantByBarcode(barcode: $search) {
      id
      sku
      size
      colour
      archived
      price {
        amount
        currency
      }
      product {
        id
        name
      }
    }
  }
`);

export const AisleAvailabilityQuery = graphql(`
  query AisleAvailability($locationId: ID!, $sku: String!, $near: GeoPointInput!) {
    stockLevel(locationId: $locationId, sku: $sku) {
      available
    }
    pickupPromise(locationId: $locationId, sku: $sku)
    storesNear(near: $near, radiusKm: 50, sku: $sku) {
      available
      distanceKm
      readyBy
      location {
        id
        name
      }
    }
  }
`);

export const AssistedOrderCreate = graphql(`
  mutation AssistedOrderCreate($input: AssistedOrderInput!) {
    assistedOrderCreate(input: $input) {
      order {
        id
        number
        fulfillments {
          type
          status
          sourceLocation {
            name
          }
        }
      }
      userErrors {
        code
        field
      }
    }
  }
`);
