package io.gpureport.cli;

/** The analyses of {@code --analysis-type}; the request holds each with its own options. */
enum AnalysisType {
  ALLOCATION,
  TIMESERIES,
  MONTHLY,
  GPU_MODEL_SNAPSHOT
}
