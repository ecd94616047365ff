export * from './errors.js';
export * from './roles.js';
export * from './text.js';
export * from './tckn.js';
export * from './phone.js';
export * from './templates.js';
