/**
 * What every component stands on: the database schema (Flyway migrations applied at start-up),
 * readiness and liveness checks, and the time source.
 */
package io.parley.platform;
