package org.aftersales.testsupport;

import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Beans that test models and attacks refer to by name. */
@TestConfiguration
public class TestBeans {

  private static final Logger LOG = LoggerFactory.getLogger(TestBeans.class);

  /** The delegate of the Modeler-deployed smoke process's async service task. */
  @Bean
  JavaDelegate modelerSmokeDelegate() {
    return execution -> {
      LOG.info("Preparing smoke case for amount {}", execution.getVariable("amount"));
      execution.setVariable("prepared", true);
    };
  }

  /** Counts calls: an expression that reached evaluation would call it. */
  @Bean
  ExpressionProbe expressionProbe() {
    return new ExpressionProbe();
  }

  public static class ExpressionProbe {
    private final AtomicInteger calls = new AtomicInteger();

    public String touch() {
      calls.incrementAndGet();
      return "probe";
    }

    public int calls() {
      return calls.get();
    }
  }
}
