package org.aftersales.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.stream.Collectors;
import org.aftersales.integration.logistics.LogisticsEvent;
import org.aftersales.servicecase.NewCaseRequest;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/** The /api mapper refuses what Spring's default mapper would guess at, naming the field. */
class StrictJsonTest {

  private final ObjectMapper strict = StrictJson.strict(Jackson2ObjectMapperBuilder.json().build());

  private static String withCustomer(String customer) {
    return """
        { "customer": %s,
          "product": { "sku": "OA-SUITE", "purchaseDate": "2026-03-01" },
          "channel": "hotline", "description": "stops" }
        """.formatted(customer);
  }

  private String refusedField(String json, Class<?> type) {
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> strict.readValue(json, type));
    assertThat(thrown).as(json).isInstanceOf(JsonMappingException.class);
    return ((JsonMappingException) thrown).getPath().stream()
        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining("."));
  }

  @Test
  void readsAWellFormedCase() throws Exception {
    NewCaseRequest request = strict.readValue(withCustomer(
        "{\"id\":\"C-1\",\"name\":\"Tab\\tand\\nnewline\",\"cityTier\":1}"), NewCaseRequest.class);
    assertThat(request.customer().cityTier()).isEqualTo(1);
    assertThat(request.customer().name()).isEqualTo("Tab\tand\nnewline");
  }

  @Test
  void refusesWhatTheLenientMapperTakes() throws Exception {
    ObjectMapper lenient = Jackson2ObjectMapperBuilder.json().build();
    String tier = withCustomer("{\"id\":\"C-1\",\"name\":\"N\",\"cityTier\":1.5}");
    // Finding 5 of issue 20: these were taken as cityTier 1, complaint true, customer id "42".
    assertThat(lenient.readValue(tier, NewCaseRequest.class).customer().cityTier()).isEqualTo(1);
    assertThat(refusedField(tier, NewCaseRequest.class)).isEqualTo("customer.cityTier");
    assertThat(refusedField(withCustomer("{\"id\":42,\"name\":\"N\"}"), NewCaseRequest.class))
        .isEqualTo("customer.id");
    assertThat(refusedField(withCustomer("{\"id\":\"C\",\"name\":\"N\",\"cityTier\":\"2\"}"), NewCaseRequest.class))
        .isEqualTo("customer.cityTier");
    String complaint = "{\"customer\":{\"id\":\"C\",\"name\":\"N\"},\"complaint\":%s}";
    assertThat(refusedField(complaint.formatted("2"), NewCaseRequest.class)).isEqualTo("complaint");
    assertThat(refusedField(complaint.formatted("\"yes\""), NewCaseRequest.class)).isEqualTo("complaint");
    assertThat(refusedField("{\"product\":{\"sku\":\"S\",\"purchaseDate\":20260301}}", NewCaseRequest.class))
        .isEqualTo("product.purchaseDate");
    assertThat(refusedField("{\"customer\":{\"id\":\"C\",\"name\":\"N\",\"cityTier\":99999999999}}",
        NewCaseRequest.class)).isEqualTo("customer.cityTier");
  }

  @Test
  void refusesUnknownFieldsByTheirPath() {
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> strict.readValue(
        "{\"product\":{\"sku\":\"S\",\"line\":\"x\"}}", NewCaseRequest.class));
    assertThat(thrown).isInstanceOf(UnrecognizedPropertyException.class);
    assertThat(refusedField("{\"product\":{\"sku\":\"S\",\"line\":\"x\"}}", NewCaseRequest.class))
        .isEqualTo("product.line");
  }

  @Test
  void refusesControlCharactersInAnyText() {
    assertThat(refusedField(withCustomer("{\"id\":\"C\",\"name\":\"N\\u0000X\"}"), NewCaseRequest.class))
        .isEqualTo("customer.name");
    assertThatThrownBy(() -> strict.readValue(withCustomer("{\"id\":\"C\",\"name\":\"N\\u0007\"}"),
        NewCaseRequest.class)).isInstanceOf(StrictJson.NotPlainText.class).hasMessageContaining("U+0007");
    assertThat(refusedField("{\"trackingNumber\":\"T\\uD800\"}", LogisticsEvent.class)).isEqualTo("trackingNumber");
    assertThat(StrictJson.firstControl("中文 😀\ttext\r\n")).isEqualTo(-1);
    assertThat(StrictJson.firstControl("a\u0085")).isEqualTo(1);
  }

  @Test
  void takesTimesOnlyAsIsoText() throws Exception {
    assertThat(strict.readValue("{\"occurredAt\":\"2026-12-03T09:30:00Z\"}", LogisticsEvent.class).occurredAt())
        .isNotNull();
    assertThat(refusedField("{\"occurredAt\":1764754200}", LogisticsEvent.class)).isEqualTo("occurredAt");
  }

  @Test
  void aHugeAmountIsRefusedBeforeAnyArithmetic() throws Exception {
    // toPlainString() of 1e999999999 would build a billion digits for the error message.
    var event = strict.readValue("{\"reference\":\"R-1\",\"status\":\"settled\",\"amount\":1e999999999}",
        org.aftersales.integration.finance.FinanceEvent.class);
    try (var validators = jakarta.validation.Validation.buildDefaultValidatorFactory()) {
      assertThat(FieldChecks.problems(validators.getValidator(), event)).extracting(FieldProblem::field)
          .containsExactly("amount");
      var normal = strict.readValue("{\"reference\":\"R-1\",\"status\":\"settled\",\"amount\":120.5}",
          org.aftersales.integration.finance.FinanceEvent.class);
      assertThat(FieldChecks.problems(validators.getValidator(), normal)).isEmpty();
    }
  }
}
