package org.aftersales.api;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * JSON as {@code /api} reads it: exactly the fields of the request, each in its own type, no
 * control characters. Only Spring MVC's converter gets this mapper, and Spring MVC serves only
 * {@code /api}: the engine REST API, the webapps and the Cockpit plugin resources are JAX-RS
 * with Camunda's own mappers, and the application's ObjectMapper bean (outbox payloads) stays as it is.
 */
@Configuration
public class StrictJson implements WebMvcConfigurer {

  @Override
  public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
    for (HttpMessageConverter<?> converter : converters) {
      if (converter instanceof MappingJackson2HttpMessageConverter jackson) {
        jackson.setObjectMapper(strict(jackson.getObjectMapper()));
      }
    }
  }

  /** A copy of the given mapper that refuses what a lenient one would guess at. */
  public static ObjectMapper strict(ObjectMapper lenient) {
    ObjectMapper mapper = lenient.copy()
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    // 1.5 is no whole number, 2 and "yes" are not booleans, 7 is no text, "" is no number.
    for (LogicalType type : List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean,
        LogicalType.Textual, LogicalType.DateTime)) {
      mapper.coercionConfigFor(type)
          .setAcceptBlankAsEmpty(false)
          .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
    }
    mapper.coercionConfigFor(LogicalType.Integer)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
    mapper.coercionConfigFor(LogicalType.Float)
        .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
    mapper.coercionConfigFor(LogicalType.Boolean)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
    mapper.coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    // Dates only as ISO text, not as numbers or arrays.
    mapper.configOverride(LocalDate.class).setFormat(JsonFormat.Value.forLeniency(false));
    mapper.registerModule(new SimpleModule("aftersales-strict-json")
        .addDeserializer(String.class, new PlainText())
        .addDeserializer(Instant.class, new IsoInstant()));
    return mapper;
  }

  /**
   * Text without control characters: PostgreSQL refuses U+0000 with a 500 after the fact, and
   * other controls only hide text. Tab, line feed and carriage return stay allowed in free text.
   */
  static final class PlainText extends StdScalarDeserializer<String> {

    PlainText() {
      super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      String text = StringDeserializer.instance.deserialize(parser, context);
      int bad = firstControl(text);
      if (bad >= 0) {
        throw new NotPlainText(parser, String.format("must not contain control characters or broken Unicode (U+%04X at position %d)",
            (int) text.charAt(bad), bad));
      }
      return text;
    }

    @Override
    public LogicalType logicalType() {
      return LogicalType.Textual;
    }
  }

  /** An instant only as ISO text: a bare number could be seconds or milliseconds. */
  static final class IsoInstant extends StdScalarDeserializer<Instant> {

    IsoInstant() {
      super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      if (!parser.hasToken(JsonToken.VALUE_STRING)) {
        return (Instant) context.handleUnexpectedToken(Instant.class, parser);
      }
      return InstantDeserializer.INSTANT.deserialize(parser, context);
    }

    @Override
    public LogicalType logicalType() {
      return LogicalType.DateTime;
    }
  }

  /**
   * The index of the first character that is no plain text: a control character other than tab,
   * line feed and carriage return, or half of a surrogate pair (not UTF-8 encodable); -1 if none.
   */
  public static int firstControl(String text) {
    if (text == null) {
      return -1;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c) || (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
          || (c >= 0x7F && c <= 0x9F)) {
        return i;
      }
    }
    return -1;
  }

  /** A text refused for its characters; the message says which, without echoing the text. */
  static final class NotPlainText extends MismatchedInputException {

    NotPlainText(JsonParser parser, String message) {
      super(parser, message, String.class);
    }
  }
}
