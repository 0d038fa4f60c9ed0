/**
 * The HTTP surface every component shares: the JAX-RS application under {@code /api}, JSON mapping,
 * readiness and liveness checks for MicroProfile Health (here rather than in the EJB module so that
 * they are discovered in the war on Payara Micro and in the ear on Payara Server alike),
 * and errors as {@code application/problem+json}, never a stack trace.
 */
package io.parley.platform;
