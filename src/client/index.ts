// The browser side of the server: the API client, the offline outbox and the remembered player.
// The game imports from here only.
export { createApiClient, periodStart, ApiError, type ApiClient, type ApiClientOptions, type TrainerApi } from './api.js';
export { Outbox, newIdempotencyKey, type OutboxItem, type OutboxOptions, type OutboxSnapshot, type OutboxStatus, type OutboxStorage, type OutboxListener, type OutboxSend } from './outbox.js';
export { loadIdentity, saveIdentity, clearIdentity } from './identity.js';
export type * from './types.js';
export type * from './historyTypes.js';
