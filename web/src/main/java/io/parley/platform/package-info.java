/**
 * The HTTP surface every component shares: the JAX-RS application under {@code /api}, JSON mapping,
 * readiness and liveness checks for MicroProfile Health (here rather than in the EJB module so that
 * they are discovered in the war on Payara Micro and in the ear on Payara Server alike),
 * errors as {@code application/problem+json}, never a stack trace, and the hardened HTTP surface every request
 * passes first: trusted proxies, security headers, TLS, the origins that may call, body limits (docs/security.md).
 */
package io.parley.platform;
