package io.gpureport.load;

/** Which columns a load reads: allocation metrics need nine, the snapshot all but one. */
public enum Projection {
  /** Name, AssignedGPUs, State, device, memory, PP, Machine, RemoteOwner, timestamp. */
  ALLOCATION,
  /** ALLOCATION plus GPUsAverageUsage and GlobalJobId. */
  FULL
}
