/**
 * The plugin's tables: their Flyway migrations under a history table of their own, and which database they are in.
 * Uses Spring's JDBC and Flyway only; every feature that keeps tables may use it.
 */
package dev.camundahil.schema;
