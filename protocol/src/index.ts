/**
 * @parley/protocol — Parley's wire catalogue: every frame of `/ws/chat` (visitors) and `/ws/agent` (agents and
 * admins), the shapes they carry, and the visitor's HTTP routes. Imported by the widget (widget-ui) and the console
 * (admin-ui) straight from this TypeScript source; docs/protocol.md is the contract, and web's WireCatalogueTest checks
 * the lists of frame names against the server's sources.
 *
 * Only types and small constants live here, no runtime dependencies: types vanish at build, and a bundle keeps only
 * the constants it uses.
 */
export * from './envelope';
export * from './shapes';
export * from './chat';
export * from './agent';
export * from './http';
