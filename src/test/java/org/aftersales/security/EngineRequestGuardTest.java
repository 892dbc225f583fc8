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

  private static java.util.Optional<String> refusedType(String body) {
    return VariableTypes.refusedInJson(json(body), null);
  }

  @Test
  void refusesObjectAndUnknownVariableTypesWhereverVariablesAppear() {
    // Finding 3 of issue 20: accepted with 204, the case was wedged afterwards.
    String wedging = "{\"type\":\"Object\",\"value\":\"not json at all\",\"valueInfo\":{"
        + "\"objectTypeName\":\"java.util.HashMap\",\"serializationDataFormat\":\"application/json\"}}";
    assertThat(refusedType("{\"variables\":{\"extra\":" + wedging + "}}"))
        .hasValueSatisfying(message -> assertThat(message).contains("'extra'", "'Object'"));
    assertThat(refusedType("{\"modifications\":{\"x\":" + wedging + "},\"deletions\":[]}")).isPresent();
    assertThat(refusedType("{\"messageName\":\"m\",\"processVariablesLocal\":{\"x\":" + wedging + "}}"))
        .isPresent();
    assertThat(refusedType("{\"instructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"A\","
        + "\"variables\":{\"x\":{\"type\":\"Json\",\"value\":\"{}\",\"local\":true}}}]}"))
        .hasValueSatisfying(message -> assertThat(message).contains("'x'", "'Json'"));
    assertThat(refusedType("{\"variables\":{\"f\":{\"type\":\"File\",\"value\":\"aGk=\"}}}")).isPresent();
    assertThat(refusedType("{\"variables\":{\"b\":{\"type\":\"Bytes\",\"value\":\"aGk=\"}}}")).isPresent();
    assertThat(refusedType("{\"variables\":{\"u\":{\"type\":\"Whatever\",\"value\":1}}}")).isPresent();
    // A typed value in a member we do not list as a variable map is still checked.
    assertThat(refusedType("{\"someFutureMap\":{\"x\":" + wedging + "}}"))
        .hasValueSatisfying(message -> assertThat(message).contains("'x'"));
    // The whole body is one variable on PUT .../variables/{name}.
    assertThat(VariableTypes.refusedInJson(json("{\"value\":[1,2]}"), "amount"))
        .hasValueSatisfying(message -> assertThat(message).contains("'amount'", "a list"));
  }

  @Test
  void refusesUntypedValuesTheEngineWouldStoreAsObjects() {
    assertThat(refusedType("{\"variables\":{\"tags\":{\"value\":[\"a\",\"b\"]}}}"))
        .hasValueSatisfying(message -> assertThat(message).contains("'tags'", "a list"));
    assertThat(refusedType("{\"variables\":{\"m\":{\"value\":{\"a\":1}}}}")).isPresent();
    assertThat(refusedType("{\"variables\":{\"n\":{\"value\":123456789012345678901234567890}}}")).isPresent();
  }

  @Test
  void passesPrimitiveTypesAndTasklistSubmissions() {
    assertThat(refusedType("{\"variables\":{\"s\":{\"value\":\"x\",\"type\":\"String\"},"
        + "\"b\":{\"value\":true,\"type\":\"Boolean\"},\"i\":{\"value\":1,\"type\":\"Integer\"},"
        + "\"l\":{\"value\":1,\"type\":\"Long\"},\"h\":{\"value\":1,\"type\":\"Short\"},"
        + "\"d\":{\"value\":1.5,\"type\":\"Double\"},\"t\":{\"value\":\"2026-12-04T02:26:29.000+0800\","
        + "\"type\":\"Date\"},\"z\":{\"value\":null,\"type\":\"Null\"},\"lower\":{\"value\":\"x\","
        + "\"type\":\"string\"}}}")).isEmpty();
    // Tasklist posts every field of a Camunda Form as {value} without a type.
    assertThat(refusedType("{\"variables\":{\"note\":{\"value\":\"ok\"},\"count\":{\"value\":3},"
        + "\"big\":{\"value\":12345678901},\"rate\":{\"value\":0.5},\"done\":{\"value\":false},"
        + "\"due\":{\"value\":\"2026-12-04T02:26:29\"},\"empty\":{\"value\":null},"
        + "\"transient\":{\"value\":\"x\",\"valueInfo\":{\"transient\":true}}}}")).isEmpty();
    // Queries filter by variable values and sort by variable types; neither stores a variable.
    assertThat(refusedType("{\"processVariables\":[{\"name\":\"amount\",\"operator\":\"gt\",\"value\":5}],"
        + "\"sorting\":[{\"sortBy\":\"processVariable\",\"parameters\":{\"variable\":\"a\","
        + "\"type\":\"Integer\"}}]}")).isEmpty();
    assertThat(refusedType("{\"type\":1,\"permissions\":[\"READ\"],\"resourceType\":0}")).isEmpty();
    assertThat(VariableTypes.refusedInJson(null, null)).isEmpty();
  }

  @Test
  void knowsTheVariableRoutes() {
    assertThat(VariableTypes.singleVariable("PUT", "/engine-rest/process-instance/1/variables/amount"))
        .contains("amount");
    assertThat(VariableTypes.singleVariable("PUT", "/engine-rest/task/1/localVariables/x")).contains("x");
    assertThat(VariableTypes.singleVariable("GET", "/engine-rest/task/1/variables/x")).isEmpty();
    assertThat(VariableTypes.dataRoute("POST", "/camunda/api/engine/engine/default/execution/1/localVariables/x/data"))
        .contains("x");
    assertThat(VariableTypes.dataRoute("POST", "/engine-rest/deployment/create")).isEmpty();
  }

  private static byte[] multipart(String... namesAndValues) {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      body.append("--XyZ\r\nContent-Disposition: form-data; name=\"").append(namesAndValues[i]).append('"');
      if (namesAndValues[i].equals("data")) {
        body.append("; filename=\"blob\"\r\nContent-Type: application/json");
      } else {
        body.append("\r\nContent-Type: text/plain");
      }
      body.append("\r\n\r\n").append(namesAndValues[i + 1]).append("\r\n");
    }
    return body.append("--XyZ--\r\n").toString().getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void refusesObjectsBytesAndFilesThroughTheMultipartDataRoute() {
    String type = "multipart/form-data; boundary=XyZ";
    // Finding 6 of issue 20: a 'type' part makes the engine instantiate any named class.
    assertThat(VariableTypes.refusedInMultipart("x", multipart("data", "{\"path\":\"/etc\"}", "type", "java.io.File"),
        type)).hasValueSatisfying(message -> assertThat(message).contains("'x'", "java.io.File"));
    assertThat(VariableTypes.refusedInMultipart("x", multipart("data", "rO0AB", "type",
        "application/x-java-serialized-object"), type)).isPresent();
    assertThat(VariableTypes.refusedInMultipart("x", multipart("data", "abc"), type))
        .hasValueSatisfying(message -> assertThat(message).contains("'Bytes'"));
    assertThat(VariableTypes.refusedInMultipart("x", multipart("data", "abc", "valueType", "File"), type))
        .isPresent();
    assertThat(VariableTypes.refusedInMultipart("x", multipart("data", "abc", "valueType", "String"), type))
        .isEmpty();
    assertThat(VariableTypes.refusedInMultipart("x", "garbage".getBytes(StandardCharsets.UTF_8), type)).isPresent();
  }

  private static java.util.Optional<String> parameter(String query) {
    var request = new org.springframework.mock.web.MockHttpServletRequest("GET", "/engine-rest/task");
    request.setQueryString(query);
    return EngineRequestGuard.expressionInParameters(request);
  }

  @Test
  void decodesParametersAsTheEngineDoes() {
    // Finding 7 of issue 20: a malformed escape made our decoder give up and pass the expression.
    String query = "dueAfterExpression=%24%7BcurrentUser()%7D%zz&firstResult=0&maxResults=15";
    assertThat(parameter(query)).contains("dueAfterExpression");
    assertThat(EngineRequestGuard.undecodableParameter(query)).contains("dueAfterExpression");
    assertThat(parameter("assigneeExpression=$%7BcurrentUser()%7D")).contains("assigneeExpression");
    assertThat(parameter("%24%7Bx%7D=1")).contains("${x}");
    assertThat(parameter("name=a+b&maxResults=15")).isEmpty();
    assertThat(parameter(null)).isEmpty();
  }

  @Test
  void refusesParametersThatAreNotPercentEncodedUtf8() {
    assertThat(EngineRequestGuard.undecodableParameter("a=%")).contains("a");
    assertThat(EngineRequestGuard.undecodableParameter("a=1&b=%E4%B8")).contains("b");
    assertThat(EngineRequestGuard.undecodableParameter("x%zz=1")).contains("x%zz");
    assertThat(EngineRequestGuard.undecodableParameter("name=%E5%BC%A0%E4%B8%89&q=a+b%20c")).isEmpty();
    assertThat(EngineRequestGuard.undecodableParameter(null)).isEmpty();
  }
}
