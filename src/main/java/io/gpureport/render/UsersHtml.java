package io.gpureport.render;

import io.gpureport.aggregate.UserRow;
import io.gpureport.aggregate.UsersTable;
import io.gpureport.classify.DeviceModels;
import io.gpureport.load.Timestamps;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code gpureport users} as an HTML page (README, "users"): the classes' claimed GPU-hours, one
 * table of users per class and the definitions as a footnote, in the report's page frame ({@code
 * templates/page.ftlh}), laid out by the auto-escaping template {@code users.html.ftlh}.
 */
public final class UsersHtml {
  static final String TEMPLATE = "users.html.ftlh";

  private UsersHtml() {}

  /**
   * The page: the title band, the buckets line, the class totals, a section of users per class (a
   * device column with {@code byDevice}), the footnote and the footer.
   */
  public record Page(
      String title,
      String heading,
      String period,
      String rules,
      String buckets,
      List<ClassLine> classes,
      boolean byDevice,
      List<Section> sections,
      String definitions,
      String dataPeriod,
      String runtime,
      String generated) {
    public Page {
      classes = List.copyOf(classes);
      sections = List.copyOf(sections);
    }
  }

  /** A class's claimed GPU-hours and its peak of claimed GPUs, formatted. */
  public record ClassLine(String poolClass, String gpuHours, String peakGpus, String peakAt) {}

  /** A class and its user rows, in the table's order. */
  public record Section(String poolClass, List<UserLine> users) {
    public Section {
      users = List.copyOf(users);
    }
  }

  /** One user row formatted as the text output ({@code device} empty without --by-device). */
  public record UserLine(
      String user,
      String device,
      String peakGpus,
      String peakAt,
      String meanGpus,
      String gpuHours,
      String share,
      String jobs) {}

  /** The HTML page. */
  public static String render(UsersText.Header h, UsersTable t, PageRun run) {
    return HtmlReport.process(TEMPLATE, model(h, t, run));
  }

  static Page model(UsersText.Header h, UsersTable t, PageRun run) {
    List<ClassLine> classes = new ArrayList<>();
    List<Section> sections = new ArrayList<>();
    for (UsersTable.ClassTotal c : t.totals()) {
      classes.add(
          new ClassLine(
              c.poolClass().key(),
              Numbers.f1(c.gpuHours()),
              Integer.toString(c.peakGpus()),
              Timestamps.formatSeconds(c.peakAt())));
      List<UserLine> users = new ArrayList<>();
      for (UserRow r : t.rows()) {
        if (r.poolClass() == c.poolClass()) {
          users.add(line(r));
        }
      }
      sections.add(new Section(c.poolClass().key(), users));
    }
    String window =
        Timestamps.formatSeconds(h.start()) + " to " + Timestamps.formatSeconds(h.end());
    return new Page(
        "CHTC GPU Users Report",
        "GPU USERS: CONCURRENT GPUS PER USER",
        TextReport.period(h.hoursBack()),
        h.rules(),
        t.buckets().size() + " buckets of " + t.bucketMinutes() + " minutes with data",
        classes,
        h.byDevice(),
        sections,
        UsersText.DEFINITIONS_LINE,
        window,
        run.runtime(),
        run.generatedText());
  }

  private static UserLine line(UserRow r) {
    return new UserLine(
        r.user(),
        DeviceModels.displayName(r.device()),
        Integer.toString(r.peakGpus()),
        Timestamps.formatSeconds(r.peakAt()).substring(0, 16),
        Numbers.f1(r.meanGpus()),
        Numbers.f1(r.gpuHours()),
        Numbers.f1(r.sharePercent()) + "%",
        Long.toString(r.jobs()));
  }
}
