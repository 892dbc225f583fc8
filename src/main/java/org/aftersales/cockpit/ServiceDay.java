package org.aftersales.cockpit;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.aftersales.common.EngineTime;

/**
 * The service zone ({@code aftersales.service-hours.zone}) and today's date there by the engine's
 * clock, for our Cockpit plugins: they show times in that zone, not the browser's, and a period
 * ending "today" ends on the service's today (a UTC browser is a day behind Shanghai from 16:00 UTC).
 */
public final class ServiceDay {

  private ServiceDay() {
  }

  /** {@code {"zone": "Asia/Shanghai", "today": "2026-12-04"}}. */
  public static Map<String, Object> of(ZoneId zone) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("zone", zone.getId());
    body.put("today", LocalDate.ofInstant(EngineTime.now(), zone).toString());
    return body;
  }
}
