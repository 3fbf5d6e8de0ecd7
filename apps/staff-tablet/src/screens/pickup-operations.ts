// The pickup queue's operations: one fragment, so the live event and the query carry the same fields.
import { graphql } from '../gql';

export const QueueFulfillmentFields = graphql(`
  fragment QueueFulfillmentFields on Fulfillment {
    id
    type
    status
    pickupLocked
    expiresAt
    readyBy
    createdAt
    sourceLocation {
      id
      name
    }
    order {
      id
      number
      contactEmail
    }
    lines {
      sku
      quantity
      collected
      variant {
        id
        size
        colour
        product {
          name
        }
      }
    }
  }
`);

export const PickupQueueQuery = graphql(`
  query PickupQueue($locationId: ID!) {
    pickupQueue(locationId: $locationId) {
      ...QueueFulfillmentFields
    }
  }
`);

export const PickupQueueChanged = graphql(`
  subscription PickupQueueChanged($locationId: ID!) {
    pickupQueueChanged(locationId: $locationId) {
      ...QueueFulfillmentFields
    }
  }
`);

export const PickListQuery = graphql(`
  query PickList($locationId: ID!) {
    pickList(locationId: $locationId) {
      quantity
      oldestOrderAt
      variant {
        sku
        size
        colour
        product {
          name
        }
      }
    }
  }
`);

export const MarkReady = graphql(`
  mutation MarkReady($id: ID!) {
    fulfillmentMarkReady(id: $id) {
      fulfillment {
        ...QueueFulfillmentFields
      }
      userErrors {
        code
      }
    }
  }
`);

export const Receive = graphql(`
  mutation Receive($id: ID!) {
    fulfillmentReceive(id: $id) {
      fulfillment {
        ...QueueFulfillmentFields
      }
      userErrors {
        code
      }
    }
  }
`);

export const Collect = graphql(`
  mutation Collect($id: ID!, $pickupCode: String!) {
    fulfillmentCollect(id: $id, pickupCode: $pickupCode) {
      fulfillment {
        ...QueueFulfillmentFields
      }
      userErrors {
        code
      }
    }
  }
`);

export const CollectPartial = graphql(`
  mutation CollectPartial($id: ID!, $pickupCode: String!, $lines: [CollectLineInput!]!) {
    fulfillmentCollectPartial(id: $id, pickupCode: $pickupCode, lines: $lines) {
      fulfillment {
        ...QueueFulfillmentFields
      }
      userErrors {
        code
      }
    }
  }
`);

export const ReportShortage = graphql(`
  mutation ReportShortage($id: ID!, $lines: [ShortageLineInput!]!) {
    fulfillmentReportShortage(id: $id, lines: $lines) {
      order {
        id
        number
        status
      }
      userErrors {
        code
      }
    }
  }
`);

export const Unlock = graphql(`
  mutation Unlock($id: ID!) {
    pickupUnlock(id: $id) {
      fulfillment {
        ...QueueFulfillmentFields
      }
      userErrors {
        code
      }
    }
  }
`);
