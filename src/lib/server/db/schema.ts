// Every capability's tables, gathered for Drizzle and drizzle-kit. A new capability adds one line.
export * from '../identity/schema.ts';
export * from '../activity/schema.ts';
export * from '../mail/schema.ts';
export * from '../directory/schema.ts';
export * from '../engagement/schema.ts';
export * from '../events/schema.ts';
export * from '../jobs/schema.ts';
export * from '../toolkit/schema.ts';
export * from '../grants/schema.ts';
export * from '../insight/schema.ts';
export * from '../country-context/schema.ts';
export * from '../privacy/schema.ts';
export * from '../notifications/schema.ts';
export * from '../uploads/schema.ts';
export * from '../contact/schema.ts';
export * from '../grants/message-schema.ts';
