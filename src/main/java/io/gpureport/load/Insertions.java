package io.gpureport.load;

/**
 * What a segment's insertion order tells without a scan: at most how many rows it holds, and the
 * microseconds between its first and last inserted rows (-1 if unknown). Both lie within the
 * segment's time span, so {@code rows / micros} is never below its true rate.
 */
public record Insertions(long rows, long micros) {}
