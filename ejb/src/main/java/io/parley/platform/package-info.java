/**
 * What every component stands on: the database schema (Flyway migrations applied at start-up)
 * and the time source.
 */
package io.parley.platform;
