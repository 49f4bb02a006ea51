package io.gpureport.sample;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/** The simulated pool: its machines, their GPUs and ownership, fixed for the whole sample. */
final class PoolModel {
  /** The CHTC-owned machines of the shipped chtc_owned_hosts.txt. */
  static final List<String> CHTC_OWNED =
      List.of(
          "blengerichgpu4000.chtc.wisc.edu",
          "ssilwalgpu4000.chtc.wisc.edu",
          "amuraligpu4000.chtc.wisc.edu",
          "btellman-jsullivangpu4000.chtc.wisc.edu",
          "mkhodakgpu4000.chtc.wisc.edu",
          "txie-dsigpu4000.chtc.wisc.edu",
          "cxiaogpu4000.chtc.wisc.edu");

  /** Model, GPU count and PrioritizedProjects of each CHTC-owned machine, in list order. */
  private static final Object[][] CHTC_LAYOUT = {
    {GpuModel.A100_80GB, 8, "Lengerich_Group"},
    {GpuModel.L40S, 8, "Silwal_Lab"},
    {GpuModel.H100, 8, "Murali_ML"},
    {GpuModel.A100_40GB, 4, ""},
    {GpuModel.H200, 8, "Khodak_Lab"},
    {GpuModel.L40, 4, ""},
    {GpuModel.H200, 8, "CXiao_Group"}
  };

  /** Machines on the shipped exclusion list (masked_hosts.yaml). */
  static final String VOYLES = "voyles2000.chtc.wisc.edu";

  static final String GPULAB = "gpulab2003.chtc.wisc.edu";

  private static final String DOMAIN = ".chtc.wisc.edu";
  private static final String[] PRINCIPAL_INVESTIGATORS = {
    "aalder",
    "bbirch",
    "ccedar",
    "ddogwood",
    "eelm",
    "ffir",
    "ggingko",
    "hhazel",
    "iivy",
    "jjuniper",
    "kkapok",
    "llarch",
    "mmaple",
    "nnutmeg",
    "ooak",
    "ppine",
    "qquince",
    "rrowan",
    "sspruce",
    "ttamarack",
    "uulmus",
    "vviburnum",
    "wwillow",
    "xxylo",
    "yyew",
    "zzelkova",
    "aaspen",
    "bbeech",
    "ccypress",
    "ddate",
    "eebony",
    "ffig",
    "ggum",
    "hholly",
    "iilex",
    "jjacaranda",
    "kkatsura",
    "llinden",
    "mmagnolia",
    "nneem"
  };
  private static final String[] GROUP_WORDS = {"Lab", "Group", "ML", "Bio", "Vision", "NLP"};

  private static final double CHTC_DEMAND = 0.22;
  private static final double RESEARCHER_DEMAND = 0.07;
  private static final double OPEN_DEMAND = 0.13;
  private static final double UNADVERTISED_DEMAND = 0.05;
  private static final double GROUP_SHARE = 0.75;
  private static final double NO_BACKFILL_SHARE = 0.03;

  private final List<Host> hosts;

  private PoolModel(List<Host> hosts) {
    this.hosts = List.copyOf(hosts);
  }

  /** The machines in {@code Machine} order. */
  List<Host> hosts() {
    return hosts;
  }

  int gpuCount() {
    return hosts.stream().mapToInt(Host::gpuCount).sum();
  }

  /** Builds a pool of {@code hostCount} machines (at least {@link SampleSpec#MIN_HOSTS}). */
  static PoolModel build(int hostCount, Random rng, UserDirectory users) {
    Set<String> usedIds = new HashSet<>();
    List<Host> hosts = new ArrayList<>();
    for (int i = 0; i < CHTC_OWNED.size(); i++) {
      Object[] layout = CHTC_LAYOUT[i];
      GpuModel model = (GpuModel) layout[0];
      String pp = (String) layout[2];
      hosts.add(
          new Host.Builder(CHTC_OWNED.get(i), Ownership.CHTC, model)
              .gpus(gpuIds((Integer) layout[1], rng, usedIds))
              .projects(pp)
              .demand(CHTC_DEMAND * modelFactor(model) * jitter(rng))
              .members(pp.isEmpty() ? new int[0] : users.pickDistinct(3, rng), GROUP_SHARE)
              .build());
    }
    hosts.add(
        new Host.Builder(VOYLES, Ownership.OPEN, GpuModel.L40S)
            .gpus(gpuIds(8, rng, usedIds))
            .projects("")
            .demand(0.10)
            .members(users.pickDistinct(2, rng), 1.0)
            .build());
    hosts.add(
        new Host.Builder(GPULAB, Ownership.OPEN, GpuModel.RTX_2080_TI)
            .gpus(gpuIds(4, rng, usedIds))
            .projects("")
            .backfill(false)
            .ownerOnly(true)
            .build());
    addGeneralHosts(hostCount - hosts.size(), rng, users, usedIds, hosts);
    hosts.sort(Comparator.comparing(Host::machine));
    return new PoolModel(hosts);
  }

  private static void addGeneralHosts(
      int count, Random rng, UserDirectory users, Set<String> usedIds, List<Host> out) {
    int unadvertised = Math.max(1, Math.round(count / 37f));
    int open = Math.max(1, Math.round(count * 0.32f));
    List<Ownership> kinds = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      kinds.add(
          i < unadvertised
              ? Ownership.UNADVERTISED
              : i < unadvertised + open ? Ownership.OPEN : Ownership.RESEARCHER);
    }
    Collections.shuffle(kinds, rng);
    List<GpuModel> everyModel = new ArrayList<>(List.of(GpuModel.values()));
    Collections.shuffle(everyModel, rng);
    int researcher = 0;
    int openIndex = 0;
    int unadvertisedIndex = 0;
    for (int i = 0; i < count; i++) {
      GpuModel model = i < everyModel.size() ? everyModel.get(i) : GpuModel.pick(rng);
      Ownership kind = kinds.get(i);
      Host.Builder b;
      switch (kind) {
        case RESEARCHER -> {
          b = researcherHost(researcher++, model, rng, users);
        }
        case OPEN -> {
          b = new Host.Builder("gpu" + (2001 + openIndex++) + DOMAIN, kind, model).projects("");
          b.demand(OPEN_DEMAND * modelFactor(model) * jitter(rng));
        }
        default -> {
          b = new Host.Builder("gpu" + (1001 + unadvertisedIndex++) + DOMAIN, kind, model);
          b.projects(null).demand(UNADVERTISED_DEMAND * modelFactor(model) * jitter(rng));
        }
      }
      b.gpus(gpuIds(model.hostSize(rng), rng, usedIds));
      out.add(b.backfill(rng.nextDouble() >= NO_BACKFILL_SHARE).build());
    }
  }

  private static Host.Builder researcherHost(
      int n, GpuModel model, Random rng, UserDirectory users) {
    int piCount = PRINCIPAL_INVESTIGATORS.length;
    String pi = PRINCIPAL_INVESTIGATORS[n % piCount];
    String machine = pi + "gpu" + (4000 + n / piCount) + DOMAIN;
    String project = project(pi, n);
    if (n % 13 == 5) {
      project = project + "," + project(PRINCIPAL_INVESTIGATORS[(n + 1) % piCount], n + 1);
    }
    Host.Builder b =
        new Host.Builder(machine, Ownership.RESEARCHER, model)
            .projects(project)
            .demand(RESEARCHER_DEMAND * modelFactor(model) * jitter(rng))
            .members(users.pickDistinct(2 + rng.nextInt(3), rng), GROUP_SHARE);
    if (n == 3) {
      b.backfillProjects("");
    }
    return b;
  }

  private static String project(String pi, int n) {
    String name = pi.substring(1);
    return Character.toUpperCase(name.charAt(0))
        + name.substring(1)
        + "_"
        + GROUP_WORDS[n % GROUP_WORDS.length];
  }

  private static double modelFactor(GpuModel model) {
    if (model.old()) {
      return 0.4;
    }
    return model == GpuModel.H100 || model == GpuModel.H200 ? 1.4 : 1.0;
  }

  private static double jitter(Random rng) {
    return 0.6 + 0.8 * rng.nextDouble();
  }

  private static List<String> gpuIds(int count, Random rng, Set<String> used) {
    List<String> ids = new ArrayList<>(count);
    while (ids.size() < count) {
      String id = String.format(Locale.ROOT, "GPU-%08x", rng.nextInt());
      if (used.add(id)) {
        ids.add(id);
      }
    }
    return ids;
  }
}
