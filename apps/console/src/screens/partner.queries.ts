import { graphql } from '../gql';

/** The partners the caller may see: every one for an admin, its own company's for a partner token (the API decides). */
export const PARTNERS = graphql(`
  query ConsolePartners {
    partners {
      partnerId
      companyId
      name
      contact
      status
      suspendedReason
    }
  }
`);

export const ENDPOINTS = graphql(`
  query ConsoleWebhookEndpoints($partnerId: ID!) {
    webhookEndpoints(partnerId: $partnerId) {
      partnerId
      endpointId
      url
      description
      eventTypes
      status
      disabledReason
      rotationOverlapUntil
    }
  }
`);

export const ADD_ENDPOINT = graphql(`
  mutation ConsoleAddWebhookEndpoint($input: AddWebhookEndpointInput!) {
    addWebhookEndpoint(input: $input) {
      secret
      endpoint {
        endpointId
      }
    }
  }
`);

export const ROTATE_SECRET = graphql(`
  mutation ConsoleRotateWebhookSecret($input: RotateWebhookSecretInput!) {
    rotateWebhookSecret(input: $input) {
      secret
      previousSecretValidUntil
    }
  }
`);

export const DISABLE_ENDPOINT = graphql(`
  mutation ConsoleDisableWebhookEndpoint($input: DisableWebhookEndpointInput!) {
    disableWebhookEndpoint(input: $input) {
      position
    }
  }
`);

export const ENABLE_ENDPOINT = graphql(`
  mutation ConsoleEnableWebhookEndpoint($input: EnableWebhookEndpointInput!) {
    enableWebhookEndpoint(input: $input) {
      position
    }
  }
`);

export const REMOVE_ENDPOINT = graphql(`
  mutation ConsoleRemoveWebhookEndpoint($input: RemoveWebhookEndpointInput!) {
    removeWebhookEndpoint(input: $input) {
      position
    }
  }
`);

/** One page of an endpoint's log, newest first, each message with every try. */
export const DELIVERIES = graphql(`
  query ConsoleWebhookDeliveries($partnerId: ID!, $endpointId: ID!, $status: String, $after: String) {
    webhookDeliveries(partnerId: $partnerId, endpointId: $endpointId, status: $status, after: $after, first: 50) {
      nodes {
        eventId
        position
        type
        cohortId
        generation
        status
        nextAttemptAt
        deliveredAt
        attempts {
          attempt
          at
          statusCode
          error
          latencyMs
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const REPLAY = graphql(`
  mutation ConsoleReplayWebhookDeliveries($input: ReplayWebhookDeliveriesInput!) {
    replayWebhookDeliveries(input: $input) {
      replay {
        replayId
        fromPosition
      }
    }
  }
`);
