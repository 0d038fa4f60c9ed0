/**
 * What every component stands on: the database schema (Flyway migrations applied at start-up), readiness once every
 * start-up step ran, the time source and JSON mapping, pages of results, and the one way a component refuses a request
 * ({@code Refusal}).
 */
package io.parley.platform;
