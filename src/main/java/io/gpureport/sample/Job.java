package io.gpureport.sample;

/** One running job on one GPU: who runs it, its GlobalJobId, when it ends and how busy it is. */
record Job(String owner, String globalJobId, int endStep, double baseUsage) {
  /** The same job, ending no later than {@code step}. */
  Job endingBy(int step) {
    return step >= endStep ? this : new Job(owner, globalJobId, step, baseUsage);
  }
}
