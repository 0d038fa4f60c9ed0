/**
 * The HTTP surface every component shares: the JAX-RS application under {@code /api}, JSON mapping,
 * and errors as {@code application/problem+json}, never a stack trace.
 */
package io.parley.platform;
