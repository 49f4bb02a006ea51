package io.gpureport.aggregate;

import io.gpureport.classify.ReportingClass;
import java.util.List;

/**
 * GPU-hours by slot type and user (docs/metrics.md, "H200 and Backfill usage by slot type and
 * user"), classes and users in table order.
 */
public record UserTable(List<ClassHours> classes, double grandTotal) {
  /** One class with its users. */
  public record ClassHours(ReportingClass slotClass, double gpuHours, List<UserHours> users) {
    public double percentOfTotal(double grand) {
      return (gpuHours / grand) * 100;
    }
  }

  /** One user's hours in a class. */
  public record UserHours(String user, double gpuHours) {
    public double percentOfTotal(double grand) {
      return (gpuHours / grand) * 100;
    }
  }

  public boolean isEmpty() {
    return classes.isEmpty();
  }
}
