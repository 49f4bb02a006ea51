package io.gpureport.sample;

/** Who owns a machine, which decides its PrioritizedProjects and its job demand. */
enum Ownership {
  /** A research group's machine; PrioritizedProjects names the group's project(s). */
  RESEARCHER,
  /** One of the CHTC-owned machines of the shipped chtc_owned_hosts.txt. */
  CHTC,
  /** Open capacity; PrioritizedProjects is {@code ""}. */
  OPEN,
  /** A machine that does not advertise PrioritizedProjects (NULL). */
  UNADVERTISED
}
