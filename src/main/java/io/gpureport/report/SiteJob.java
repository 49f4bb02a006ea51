package io.gpureport.report;

import io.gpureport.deliver.OutputTarget;
import io.gpureport.errors.GpuReportException;
import io.gpureport.errors.IoReason;
import io.gpureport.errors.NoDataException;
import io.gpureport.load.SlotSource;
import io.gpureport.load.Timestamps;
import io.gpureport.render.SiteIndex;
import io.gpureport.render.SiteIndex.Link;
import io.gpureport.render.SiteIndex.Section;
import io.gpureport.report.SitePlan.Kind;
import io.gpureport.report.SitePlan.Period;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code gpureport site}: updates a static web site in {@code --out} (docs/metrics.md, "Site"). The
 * report of each period of the {@link SitePlan} that has no page yet is written, each page
 * atomically; pages of earlier periods are kept, not regenerated; the front page, written last,
 * links every page the site holds.
 */
public final class SiteJob {
  private static final DateTimeFormatter UPDATED =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT);

  private final Clock clock;
  private final PrintStream out;
  private final PrintStream err;
  private final int loadThreads;

  /** Reports read the data with up to {@code loadThreads} threads. */
  public SiteJob(Clock clock, PrintStream out, PrintStream err, int loadThreads) {
    this.clock = clock;
    this.out = out;
    this.err = err;
    this.loadThreads = loadThreads;
  }

  /** Runs a validated request; failures are thrown as GpuReportException. */
  public void run(SiteRequest req) {
    long now = req.endTime() != null ? req.endTime() : newest(req.source());
    SitePlan plan = SitePlan.at(now);
    directory(req.out());
    for (Period p : plan.periods()) {
      reportPage(req, p);
    }
    OutputTarget.write(SiteIndex.render(index(req, now)), req.out().resolve("index.html"), out);
  }

  private long newest(ReportRequest.Source source) {
    SlotSource slots = source.open(loadThreads);
    return slots
        .defaultEndTime()
        .orElseThrow(() -> new NoDataException("No data found in the specified time range."));
  }

  /** The report of a finished period, unless the site has it already or it has no data. */
  private void reportPage(SiteRequest req, Period p) {
    Path file = req.out().resolve(p.path());
    if (Files.exists(file)) {
      return;
    }
    directory(file.getParent());
    ReportRequest.Analysis analysis =
        p.kind() == Kind.MONTHLY
            ? new ReportRequest.Monthly(false, req.host())
            : new ReportRequest.Allocation(true, false, req.host());
    ReportRequest report =
        new ReportRequest(
            req.source(),
            new ReportRequest.Window(p.hoursBack(), p.end()),
            analysis,
            req.filters(),
            new ReportRequest.Output(ReportRequest.OutputFormat.HTML, file, req.charts()),
            new ReportRequest.NoEmail(),
            req.verbose());
    try {
      new ReportJob(clock, out, err, null, loadThreads, false).run(report);
    } catch (NoDataException e) {
      // no page: the front page says that the site has none of this kind yet
    }
  }

  private SiteIndex.Page index(SiteRequest req, long now) {
    Section daily = section(req.out(), Kind.DAILY, "Daily reports", "No complete day yet.");
    List<Section> sections =
        List.of(
            daily,
            section(req.out(), Kind.WEEKLY, "Weekly reports", "No complete week yet."),
            section(req.out(), Kind.MONTHLY, "Monthly reports", "No complete month yet."));
    return new SiteIndex.Page(
        UPDATED.format(LocalDateTime.now(clock)),
        Timestamps.formatSeconds(now),
        req.filters().rules().name(),
        daily.links().stream().limit(1).toList(),
        sections);
  }

  /** The pages of one kind that the site holds, newest first. */
  private static Section section(Path site, Kind kind, String heading, String none) {
    Path folder = site.resolve(kind.folder());
    List<Link> links = new ArrayList<>();
    if (Files.isDirectory(folder)) {
      try (Stream<Path> files = Files.list(folder)) {
        for (Path f : files.toList()) {
          String file = f.getFileName().toString();
          String name = file.endsWith(".html") ? file.substring(0, file.length() - 5) : "";
          String label = SitePlan.label(kind, name);
          if (label != null && Files.isRegularFile(f)) {
            links.add(new Link(kind.folder() + "/" + file, label));
          }
        }
      } catch (IOException e) {
        throw new GpuReportException("cannot list " + folder + ": " + IoReason.of(e), e);
      }
    }
    links.sort(Comparator.comparing(Link::href).reversed());
    return new Section(heading, links, none);
  }

  private static void directory(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new GpuReportException("cannot create directory " + dir + ": " + IoReason.of(e), e);
    }
  }
}
