package io.gpureport.render;

import java.util.List;
import java.util.Objects;

/**
 * The front page of {@code gpureport site} ({@code templates/site-index.html.ftlh}): links to every
 * page the site holds, newest first, and the latest daily report framed below them.
 */
public final class SiteIndex {
  static final String TEMPLATE = "site-index.html.ftlh";

  private SiteIndex() {}

  /** A relative link and its text. */
  public record Link(String href, String label) {
    public Link {
      Objects.requireNonNull(href, "href");
      Objects.requireNonNull(label, "label");
    }
  }

  /** A list of links under a heading, or the {@code none} sentence when it has none. */
  public record Section(String heading, List<Link> links, String none) {
    public Section {
      Objects.requireNonNull(heading, "heading");
      links = List.copyOf(links);
      Objects.requireNonNull(none, "none");
    }
  }

  /**
   * The page: when it was made and from data up to when, the rule set, the latest daily report
   * (none or one link), and the sections.
   */
  public record Page(
      String updated, String dataUpTo, String rules, List<Link> latest, List<Section> sections) {
    public Page {
      Objects.requireNonNull(updated, "updated");
      Objects.requireNonNull(dataUpTo, "dataUpTo");
      Objects.requireNonNull(rules, "rules");
      latest = List.copyOf(latest);
      sections = List.copyOf(sections);
    }
  }

  /** The page as HTML5, every value escaped. */
  public static String render(Page page) {
    return HtmlReport.process(TEMPLATE, page);
  }
}
