package io.gpureport.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpureport.errors.UsageException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigFilesTest {
  @Test
  void flatFormKeepsDocumentOrderAndExcludes() {
    ExclusionMap m = ExclusionLoader.parse("voyles2000: A\ngpulab2003: B\n", "t");
    assertEquals(
        List.of(
            new ExclusionMap.Entry("voyles2000", "A"), new ExclusionMap.Entry("gpulab2003", "B")),
        m.entries());
    assertTrue(m.excludes("VOYLES2000.chtc.wisc.edu"));
    assertFalse(m.excludes("voyles2001.chtc.wisc.edu"));
    assertFalse(m.excludes(null));
  }

  @Test
  void nestedFormAndNullReason() {
    ExclusionMap m = ExclusionLoader.parse("excluded_hosts:\n  gpu4000: \nother: 1\n", "t");
    assertEquals(List.of(new ExclusionMap.Entry("gpu4000", "")), m.entries());
    assertTrue(m.excludes("cxiaogpu4000.chtc.wisc.edu"));
  }

  @ParameterizedTest(name = "no exclusions: ''{0}''")
  @ValueSource(strings = {"", "{}", "excluded_hosts:", "# only a comment\n"})
  void emptyDocuments(String doc) {
    assertTrue(ExclusionLoader.parse(doc, "t").isEmpty());
  }

  @ParameterizedTest(name = "usage error: ''{0}''")
  @ValueSource(
      strings = {
        "- a\n- b",
        "just a scalar",
        "a: [1, 2]",
        "a: {b: c}",
        "a: b: c: :",
        "'(': bad regex",
        "excluded_hosts: [x]"
      })
  void malformedDocuments(String doc) {
    assertThrows(UsageException.class, () -> ExclusionLoader.parse(doc, "t"));
  }

  @Test
  void yamlSyntaxErrorsNameLineColumnAndProblem() {
    UsageException e =
        assertThrows(
            UsageException.class,
            () -> ExclusionLoader.parse("a: b\nc: d\ne: \"open\n", "badyaml.yaml"));
    assertEquals(
        "cannot parse exclusions in badyaml.yaml at line 4, column 1: found unexpected"
            + " end of stream (while scanning a quoted scalar at line 3, column 4)",
        e.getMessage());
    e =
        assertThrows(
            UsageException.class, () -> ExclusionLoader.parse("a: b\n  c: d\n", "--exclude-hosts"));
    assertEquals(
        "cannot parse exclusions in --exclude-hosts at line 2, column 4: mapping values"
            + " are not allowed here",
        e.getMessage());
  }

  @Test
  void jsonIsAccepted() {
    assertEquals(1, ExclusionLoader.parse("{\"x\": \"y\"}", "t").entries().size());
  }

  @Test
  void chtcListSkipsBlanksAndComments() {
    ChtcOwnedHosts h = ChtcOwnedHosts.parse("# comment\n\n  a.wisc.edu  \r\nb.wisc.edu\n");
    assertEquals(List.of("a.wisc.edu", "b.wisc.edu"), h.hosts());
    assertTrue(h.contains("a.wisc.edu"));
    assertFalse(h.contains("A.wisc.edu"));
    assertFalse(h.contains(null));
  }

  @Test
  void missingDefaultChtcListWarnsAndMissingExplicitFails(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
    java.nio.file.Path missing = dir.resolve("chtc_owned_hosts.txt");
    ChtcOwnedHosts h = ChtcOwnedHosts.fromFile(missing, false, new java.io.PrintStream(buf, true));
    assertTrue(h.hosts().isEmpty());
    assertEquals(
        "Warning: CHTC-owned host list "
            + missing
            + " not found; no machine is treated as CHTC-owned",
        buf.toString().strip());
    assertThrows(UsageException.class, () -> ChtcOwnedHosts.fromFile(missing, true, System.err));
  }
}
