// vitest runs lib code outside React's server environment: the 'server-only' guard is a no-op here.
export {};
