package io.gpureport.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The file names of the host pages: host names as they are, anything else made safe. */
class SiteJobTest {
  @ParameterizedTest
  @ValueSource(strings = {"gpu2000.chtc.wisc.edu", "e4-gpu_01.example.org", "HOST-7"})
  void aHostNameIsItsOwnPageName(String host) {
    assertEquals(host, SiteJob.slug(host));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"<script>alert(1)</script>", "../../etc/passwd", "a b", ".hidden", "", "é.org"})
  void otherNamesAreMadeSafeAndStayApart(String host) {
    String slug = SiteJob.slug(host);
    assertTrue(slug.matches("_[A-Za-z0-9._-]*-[0-9a-f]+"), slug);
    assertNotEquals(SiteJob.slug(host + "x"), slug);
  }

  @ParameterizedTest
  @CsvSource({"a b, a_b", "a_b, a_b"})
  void twoNamesThatLookAlikeGetTwoPages(String a, String b) {
    assertNotEquals(SiteJob.slug(a), SiteJob.slug(b + "?"));
    assertNotEquals(SiteJob.slug(a), "a_b".equals(a) ? "" : SiteJob.slug(b));
  }
}
