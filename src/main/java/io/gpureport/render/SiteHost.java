package io.gpureport.render;

import io.gpureport.aggregate.HostsTable;
import io.gpureport.aggregate.Timeline;
import java.util.Objects;

/**
 * One host's page of {@code gpureport site} ({@code templates/site-host.html.ftlh}): the host's row
 * and idle stretches as {@code gpureport hosts} shows them, and its GPUs' timeline, with a link
 * back to the front page.
 */
public final class SiteHost {
  static final String TEMPLATE = "site-host.html.ftlh";

  private SiteHost() {}

  /** The page: the host, the link back, its {@code hosts} view and its timeline. */
  public record Page(
      String host, String back, HostsHtmlModel.Page hosts, TimelineHtml.Page timeline) {
    public Page {
      Objects.requireNonNull(host, "host");
      Objects.requireNonNull(back, "back");
      Objects.requireNonNull(hosts, "hosts");
      Objects.requireNonNull(timeline, "timeline");
    }
  }

  /**
   * The page of {@code host}: {@code table} and {@code timeline} are the whole window's, both
   * restricted to the host here; {@code back} is the relative link to the front page.
   */
  public static String render(
      String host,
      String back,
      HostsText.Header header,
      HostsTable table,
      PageRun run,
      TimelineHeader timelineHeader,
      Timeline timeline) {
    return HtmlReport.process(
        TEMPLATE,
        new Page(
            host,
            back,
            HostsHtml.model(header, table.only(host), run),
            TimelineHtml.model(timelineHeader, timeline.host(host))));
  }
}
