package org.aftersales.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EngineRequestGuardTest {

  private static com.fasterxml.jackson.databind.JsonNode json(String text) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static java.util.Optional<String> find(String json) {
    return EngineRequestGuard.expressionInJson(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void findsExpressionsAtAnyDepth() {
    assertThat(find("{\"assigneeExpression\":\"${currentUser()}\"}")).contains("$.assigneeExpression");
    assertThat(find("{\"orQueries\":[{\"name\":\"a\"},{\"dueDateExpression\":\"#{x}\"}]}"))
        .contains("$.orQueries[1].dueDateExpression");
    assertThat(find("{\"query\":{\"orQueries\":[{\"candidateGroupsExpression\":\"${groups}\"}]}}"))
        .contains("$.query.orQueries[0].candidateGroupsExpression");
    assertThat(find("{\"${key}\":1}")).contains("$.${key}");
  }

  @Test
  void passesPlainQueriesAndVariableValues() {
    assertThat(find("{\"assignee\":\"demo\",\"orQueries\":[{\"name\":\"x\"}]}")).isEmpty();
    assertThat(find("{\"variables\":{\"note\":{\"value\":\"${typed by a customer}\",\"type\":\"String\"}}}")).isEmpty();
    assertThat(find("")).isEmpty();
    assertThat(find("not json")).isEmpty();
  }

  @Test
  void recognisesJavaSerializedVariables() {
    assertThat(EngineRequestGuard.declaresJavaSerialization(json("{\"variables\":{\"x\":{\"value\":\"rO0\",\"type\":\"Object\","
        + "\"valueInfo\":{\"serializationDataFormat\":\"application/x-java-serialized-object\"}}}}"))).isTrue();
    assertThat(EngineRequestGuard.declaresJavaSerialization(json("{\"value\":\"{}\",\"type\":\"Object\","
        + "\"valueInfo\":{\"serializationDataFormat\":\"application/json\"}}"))).isFalse();
    assertThat(EngineRequestGuard.declaresJavaSerialization(null)).isFalse();
  }

  @Test
  void decodesCredentials() {
    String header = "Basic " + java.util.Base64.getEncoder().encodeToString("anna:pa:ss".getBytes(StandardCharsets.UTF_8));
    assertThat(BasicAuthenticationFilter.credentials(header)).containsExactly("anna", "pa:ss");
    assertThat(BasicAuthenticationFilter.credentials("Bearer x")).isNull();
    assertThat(BasicAuthenticationFilter.credentials("Basic %%%")).isNull();
    assertThat(BasicAuthenticationFilter.credentials(null)).isNull();
  }
}
