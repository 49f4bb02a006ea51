package io.gpureport.cli;

import picocli.CommandLine.IVersionProvider;

/** Reads the version from the jar manifest (no Tablesaw on this path). */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = GpuReportCommand.class.getPackage().getImplementationVersion();
    return new String[] {"gpureport " + (v == null ? "dev" : v)};
  }
}
