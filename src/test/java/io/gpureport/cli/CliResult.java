package io.gpureport.cli;

/** The exit code, stdout and stderr of one command-line run of {@link Cli}. */
public record CliResult(int exitCode, String out, String err) {}
