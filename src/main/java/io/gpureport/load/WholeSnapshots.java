package io.gpureport.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tech.tablesaw.api.LongColumn;

/**
 * Turns the tables of consecutive stored-order pieces, each in load order, into tables of whole
 * snapshots in load order (docs/decisions/0002-engine.md, "Stored-order pieces"): the rows of a
 * piece's newest timestamp are held back, since the next piece may hold more of that snapshot, and
 * come first in the next table. A piece with a row older than the held snapshot shows that the rows
 * are not stored in time order.
 */
public final class WholeSnapshots {
  private SlotTable held;
  private long heldTimestamp;
  private SlotTable shape;

  /**
   * The rows of the held snapshot and of {@code piece} that no later piece can add to (possibly
   * none), in load order: {@code piece} itself, rebuilt in place; empty when {@code piece} has a
   * row older than the held snapshot, after which this object must not be used.
   */
  public Optional<SlotTable> next(SlotTable piece) {
    if (shape == null) {
      shape = piece.emptyLike();
    }
    int n = piece.rowCount();
    if (n == 0) {
      return Optional.of(piece);
    }
    LongColumn ts = piece.timestamps(); // read in place: a piece has up to a million rows
    if (held != null && ts.getLong(0) < heldTimestamp) {
      held = null;
      return Optional.empty();
    }
    long newest = ts.getLong(n - 1);
    int cut = n - 1;
    while (cut > 0 && ts.getLong(cut - 1) == newest) {
      cut--;
    }
    if (held != null && newest == heldTimestamp) {
      // the whole piece continues the held snapshot
      held =
          SlotTable.concatRows(
              new ArrayList<>(
                  List.of(
                      new SlotTable.Rows(held, 0, held.rowCount()),
                      new SlotTable.Rows(piece, 0, n))));
      return Optional.of(piece.emptyLike());
    }
    SlotTable tail =
        SlotTable.concatRows(new ArrayList<>(List.of(new SlotTable.Rows(piece, cut, n))));
    piece.keepAfter(held == null ? piece.emptyLike() : held, cut);
    held = tail;
    heldTimestamp = newest;
    return Optional.of(piece);
  }

  /**
   * The held snapshot, after the last piece: no rows when no piece had any, with the columns of the
   * pieces (of {@link Projection#ALLOCATION} when there was no piece).
   */
  public SlotTable rest() {
    SlotTable rest =
        held != null
            ? held
            : shape != null ? shape.emptyLike() : SlotTable.empty(Projection.ALLOCATION);
    held = null;
    return rest;
  }
}
