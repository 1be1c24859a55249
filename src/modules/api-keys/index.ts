export { ApiKeyError } from './api-keys.errors.js';
export { createApiKey, listApiKeys, revokeApiKey, findActiveKey, hashApiKey, type ApiKeyView } from './api-keys.service.js';
export { ApiKeyGate, type GateAnswer } from './api-key-gate.js';
