package io.gpureport.load;

/**
 * The newest non-empty segment and the timestamp of its last inserted row (docs/metrics.md, "End
 * time").
 */
public record NewestRow(Segment segment, long timestamp) {}
