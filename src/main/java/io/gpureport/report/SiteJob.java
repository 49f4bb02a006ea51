package io.gpureport.report;

import io.gpureport.aggregate.HostRow;
import io.gpureport.aggregate.HostsTable;
import io.gpureport.aggregate.Timeline;
import io.gpureport.deliver.OutputTarget;
import io.gpureport.errors.GpuReportException;
import io.gpureport.errors.IoReason;
import io.gpureport.errors.NoDataException;
import io.gpureport.load.SlotSource;
import io.gpureport.load.Timestamps;
import io.gpureport.render.HostsHtml;
import io.gpureport.render.HostsText;
import io.gpureport.render.PageRun;
import io.gpureport.render.SiteHost;
import io.gpureport.render.SiteIndex;
import io.gpureport.render.SiteIndex.Link;
import io.gpureport.render.SiteIndex.Section;
import io.gpureport.render.TimelineHtml;
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
 * atomically; pages of earlier periods are kept, not regenerated; the pool's pages (timelines,
 * hosts, one page per host) are written again; the front page, written last, links every page.
 */
public final class SiteJob {
  static final String TIMELINE_DAY = "timeline-24h.html";
  static final String TIMELINE_WEEK = "timeline-7d.html";
  static final String HOSTS = "hosts.html";

  /** The timelines' bucket: the report's 15 minutes (timeline's default). */
  private static final int TIMELINE_BUCKET_MINUTES = 15;

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
    List<Link> pool = poolPages(req, now);
    OutputTarget.write(
        SiteIndex.render(index(req, now, pool)), req.out().resolve("index.html"), out);
  }

  /**
   * The pages of the pool as it is now, written again by every run: the timelines of the last 24
   * hours and 7 days, the {@code hosts} table of the last 7 days and one page per host (its row and
   * its timeline). Returns the links to the host pages, in host name order.
   */
  private List<Link> poolPages(SiteRequest req, long now) {
    TimelineJob timelines = new TimelineJob(clock, out, err, loadThreads, false);
    TimelineJob.Result day = timelines.timeline(timeline(req, 24, now));
    write(req.out().resolve(TIMELINE_DAY), TimelineHtml.render(day.header(), day.timeline()));
    TimelineJob.Result week = timelines.timeline(timeline(req, 7 * 24, now));
    write(req.out().resolve(TIMELINE_WEEK), TimelineHtml.render(week.header(), week.timeline()));

    long started = clock.millis();
    HostsJob hostsJob = new HostsJob(clock, out, err, null, loadThreads, false);
    HostsJob.Result hosts = hostsJob.table(hosts(req, 7 * 24, now));
    PageRun run = PageRun.since(clock, started);
    HostsText.Header h = hosts.header();
    // the pool's table without the idle stretches (they are on the host pages): a few MB less
    HostsText.Header withoutGaps =
        new HostsText.Header(h.rules(), h.start(), h.end(), h.hoursBack(), h.minIdleHours(), false);
    write(req.out().resolve(HOSTS), HostsHtml.render(withoutGaps, hosts.table(), run));
    directory(req.out().resolve("hosts"));
    List<Link> links = new ArrayList<>();
    for (String host : hosts.table().hosts().stream().map(HostRow::host).sorted().toList()) {
      String href = "hosts/" + slug(host) + ".html";
      write(
          req.out().resolve(href),
          SiteHost.render(
              host,
              "../index.html",
              hosts.header(),
              hosts.table(),
              run,
              week.header(),
              week.timeline()));
      links.add(new Link(href, host));
    }
    return links;
  }

  private static TimelineRequest timeline(SiteRequest req, int hoursBack, long now) {
    return new TimelineRequest(
        req.source(),
        new ReportRequest.Window(hoursBack, now),
        req.filters(),
        req.host(),
        TIMELINE_BUCKET_MINUTES,
        Timeline.Selection.all(),
        TimelineRequest.Format.HTML,
        null,
        false);
  }

  private static HostsRequest hosts(SiteRequest req, int hoursBack, long now) {
    return new HostsRequest(
        req.source(),
        new ReportRequest.Window(hoursBack, now),
        req.filters(),
        req.host(),
        HostsTable.Selection.all(),
        true,
        HostsRequest.Format.HTML,
        null,
        new ReportRequest.NoEmail(),
        false);
  }

  /**
   * A file name for a host's page: the name itself when it is made of letters, digits, dots,
   * hyphens and underscores only (as host names are), else those characters with the others
   * replaced and a hash of the name, so that two names never share a page.
   */
  static String slug(String host) {
    String safe = host.replaceAll("[^A-Za-z0-9._-]", "_");
    if (safe.equals(host) && !host.isEmpty() && !host.startsWith(".")) {
      return host;
    }
    return "_" + safe + "-" + Integer.toHexString(host.hashCode());
  }

  private void write(Path file, String html) {
    OutputTarget.write(html, file, out);
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

  private SiteIndex.Page index(SiteRequest req, long now, List<Link> hostPages) {
    Section daily = section(req.out(), Kind.DAILY, "Daily reports", "No complete day yet.");
    List<Link> pool = new ArrayList<>();
    pool.add(new Link(TIMELINE_DAY, "Timeline, last 24 hours"));
    pool.add(new Link(TIMELINE_WEEK, "Timeline, last 7 days"));
    pool.add(new Link(HOSTS, "Hosts, last 7 days"));
    List<Section> sections =
        List.of(
            new Section("The pool now", pool, ""),
            daily,
            section(req.out(), Kind.WEEKLY, "Weekly reports", "No complete week yet."),
            section(req.out(), Kind.MONTHLY, "Monthly reports", "No complete month yet."),
            new Section("Hosts", hostPages, "No hosts."));
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
