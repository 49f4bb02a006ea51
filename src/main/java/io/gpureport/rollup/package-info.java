/**
 * The rollup cache (docs/decisions/0005-rollups.md): per-day parts of a report's fold, stored
 * outside the data directory and reused while the files they came from are unchanged.
 */
package io.gpureport.rollup;
