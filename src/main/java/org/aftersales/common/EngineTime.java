package org.aftersales.common;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Business time as the engine sees it. Timers fire on the engine's clock, so SLA
 * deadlines, acknowledgement times and breaches must be read from the same clock
 * (tests move it to make timers due).
 */
public final class EngineTime {

  private EngineTime() {
  }

  public static Instant now() {
    return ClockUtil.now().toInstant();
  }

  public static Date toDate(Instant instant) {
    return instant == null ? null : Date.from(instant);
  }
}
