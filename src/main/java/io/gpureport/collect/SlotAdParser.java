package io.gpureport.collect;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.gpureport.errors.GpuReportException;
import io.gpureport.errors.IoReason;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams the slot ads of a {@code condor_status -json} document one at a time, so memory stays
 * bounded by the largest ad (docs/metrics.md, "How collect builds the rows"). Every problem with
 * the document is a {@link GpuReportException} with a one-line message.
 */
final class SlotAdParser implements Closeable {
  private static final JsonFactory JSON = new JsonFactory();

  private final JsonParser parser;
  private final String source;
  private boolean started;
  private boolean finished;
  private long adsRead;

  private SlotAdParser(JsonParser parser, String source) {
    this.parser = parser;
    this.source = source;
  }

  /** A parser over {@code in}, which it closes; {@code source} names the input in messages. */
  static SlotAdParser open(InputStream in, String source) {
    try {
      return new SlotAdParser(JSON.createParser(in), source);
    } catch (IOException e) {
      throw unreadable(source, e);
    }
  }

  /** Reads the whole document and returns the number of ads; the validation pass. */
  static long count(InputStream in, String source) {
    try (SlotAdParser parser = open(in, source)) {
      long n = 0;
      while (parser.next() != null) {
        n++;
      }
      return n;
    }
  }

  /** The next ad, or {@code null} after the last one. Empty or blank input is {@code []}. */
  SlotAd next() {
    try {
      if (!started) {
        started = true;
        JsonToken first = parser.nextToken();
        if (first == null) {
          finished = true;
        } else if (first != JsonToken.START_ARRAY) {
          throw invalid("the document is not a JSON array of slot ads (found " + kind(first) + ")");
        }
      }
      if (finished) {
        return null;
      }
      JsonToken token = parser.nextToken();
      if (token == JsonToken.END_ARRAY) {
        finished = true;
        JsonToken trailing = parser.nextToken();
        if (trailing != null) {
          throw invalid("found " + kind(trailing) + " after the JSON array");
        }
        return null;
      }
      if (token == null) {
        throw invalid("unexpected end of input inside the JSON array");
      }
      if (token != JsonToken.START_OBJECT) {
        throw invalid(
            "element " + (adsRead + 1) + " of the array is " + kind(token) + ", not an object");
      }
      adsRead++;
      return readAd();
    } catch (JsonProcessingException e) {
      throw invalid(ErrorText.jsonProblem(e.getOriginalMessage()), e.getLocation(), e);
    } catch (IOException e) {
      throw unreadable(source, e);
    }
  }

  @Override
  public void close() {
    try {
      parser.close();
    } catch (IOException e) {
      throw unreadable(source, e);
    }
  }

  private SlotAd readAd() throws IOException {
    Object[] values = new Object[SlotAttribute.values().length];
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      SlotAttribute attribute = SlotAttribute.lookup(parser.currentName());
      JsonToken value = parser.nextToken();
      if (attribute == null) {
        parser.skipChildren();
      } else {
        values[attribute.ordinal()] = read(attribute, value);
      }
    }
    return new SlotAd(
        (String) values[SlotAttribute.NAME.ordinal()],
        GpuIdLists.assigned(values[SlotAttribute.ASSIGNED_GPUS.ordinal()]),
        GpuIdLists.available(values[SlotAttribute.AVAILABLE_GPUS.ordinal()]),
        (String) values[SlotAttribute.STATE.ordinal()],
        (String) values[SlotAttribute.DEVICE_NAME.ordinal()],
        values[SlotAttribute.GLOBAL_MEMORY_MB.ordinal()],
        (String) values[SlotAttribute.PRIORITIZED_PROJECTS.ordinal()],
        values[SlotAttribute.AVERAGE_USAGE.ordinal()],
        (String) values[SlotAttribute.MACHINE.ordinal()],
        (String) values[SlotAttribute.REMOTE_OWNER.ordinal()],
        (String) values[SlotAttribute.GLOBAL_JOB_ID.ordinal()],
        (String) values[SlotAttribute.PREVENT_JOBS_REASON.ordinal()],
        values[SlotAttribute.DISK.ordinal()]);
  }

  /**
   * The stored value of one attribute (a string as text, a number or boolean in a text column as
   * its JSON text).
   */
  private Object read(SlotAttribute attribute, JsonToken token) throws IOException {
    return switch (attribute) {
      case GLOBAL_MEMORY_MB, DISK -> token.isNumeric() ? integralOrReal(token) : text(token);
      case AVERAGE_USAGE -> token.isNumeric() ? parser.getDoubleValue() : text(token);
      case ASSIGNED_GPUS, AVAILABLE_GPUS -> token == JsonToken.START_ARRAY ? list() : text(token);
      default -> text(token);
    };
  }

  /** An integer when the number is integral and fits in 64 bits, else a real. */
  private Object integralOrReal(JsonToken token) throws IOException {
    if (token == JsonToken.VALUE_NUMBER_INT) {
      JsonParser.NumberType type = parser.getNumberType();
      if (type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG) {
        return parser.getLongValue();
      }
      return parser.getDoubleValue();
    }
    double d = parser.getDoubleValue();
    if (d == Math.rint(d) && d >= -0x1p63 && d < 0x1p63) {
      return (long) d;
    }
    return d;
  }

  /** Array elements as text; a {@code null} element is the empty element. */
  private List<String> list() throws IOException {
    List<String> elements = new ArrayList<>();
    JsonToken token;
    while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
      if (token == null) {
        throw invalid("unexpected end of input inside a list");
      }
      String element = text(token);
      elements.add(element == null ? "" : element);
    }
    return elements;
  }

  /**
   * Strings as themselves, numbers and booleans as their JSON text, {@code null} as {@code null},
   * and an array or object as its compact JSON text.
   */
  private String text(JsonToken token) throws IOException {
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (token.isScalarValue()) {
      return parser.getText();
    }
    StringWriter json = new StringWriter();
    try (JsonGenerator generator = JSON.createGenerator(json)) {
      generator.copyCurrentStructure(parser);
    }
    return json.toString();
  }

  private GpuReportException invalid(String reason) {
    return invalid(reason, parser.currentLocation(), null);
  }

  private GpuReportException invalid(String reason, JsonLocation at, Throwable cause) {
    String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    return new GpuReportException("invalid JSON in " + source + where + ": " + reason, cause);
  }

  private static GpuReportException unreadable(String source, IOException e) {
    String reason = IoReason.oneLine(e.getMessage());
    return new GpuReportException("cannot read " + source + ": " + reason, e);
  }

  private static String kind(JsonToken token) {
    return switch (token) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> token.asString() == null ? token.name() : "'" + token.asString() + "'";
    };
  }
}
