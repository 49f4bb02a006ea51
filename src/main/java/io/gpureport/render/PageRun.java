package io.gpureport.render;

import java.time.Clock;
import java.time.LocalDateTime;

/**
 * When an HTML page of {@code hosts}, {@code users} or {@code trend} was made, as its footer says
 * ({@code templates/page.ftlh}): the run's length in seconds and its local start.
 */
public record PageRun(double seconds, LocalDateTime generated) {
  /** The run that started at {@code startedMillis} of {@code clock}, as of now. */
  public static PageRun since(Clock clock, long startedMillis) {
    return new PageRun(
        (clock.millis() - startedMillis) / 1000.0, LocalDateTime.now(clock).withNano(0));
  }

  /** The footer's runtime text ({@link HtmlReport#runtime}). */
  String runtime() {
    return HtmlReport.runtime(seconds);
  }

  /** The footer's generated text ({@link HtmlReport#generated}). */
  String generatedText() {
    return HtmlReport.generated(generated);
  }
}
