/**
 * {@code gpureport export}: copies the rows of the SQLite months to monthly Parquet files, in the
 * report's load order and with the values the report's loader reads (issue 15,
 * docs/decisions/0004-parquet.md). A pipeline beside {@code collect}; it reads SQLite through
 * {@code load}'s read-only helpers and never modifies a source file.
 */
package io.gpureport.export;
