/**
 * The header through which the auth library learns the client address. The hub's edge sets it on
 * every request from SvelteKit's own `getClientAddress()` (the socket, or the proxy header named by
 * `ADDRESS_HEADER` at the depth `XFF_DEPTH`), overwriting whatever the client sent, so a made-up
 * `X-Forwarded-For` cannot give each guess a fresh address.
 */
export const CLIENT_ADDRESS_HEADER = 'x-support-hub-client-address';
