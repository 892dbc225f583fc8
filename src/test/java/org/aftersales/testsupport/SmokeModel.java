package org.aftersales.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The Modeler-style fixture: a BPMN with an async service task, a DMN and a form. */
public final class SmokeModel {

  public static final String PROCESS_KEY = "modeler-smoke";
  public static final String REVIEW_TASK = "ReviewSmoke";
  public static final String[] RESOURCES = {
      "modeler/modeler-smoke.bpmn", "modeler/modeler-smoke-route.dmn", "modeler/modeler-smoke-review.form"};

  private SmokeModel() {
  }

  /** File name to content, as Modeler attaches them to a deployment. */
  public static Map<String, byte[]> files() {
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (String resource : RESOURCES) {
      try (InputStream in = SmokeModel.class.getClassLoader().getResourceAsStream(resource)) {
        files.put(resource.substring(resource.indexOf('/') + 1), in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return files;
  }
}
