package org.aftersales.sla;

import java.time.Duration;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The service time zone ({@code aftersales.service-hours.zone}) for the webapps, which show every
 * date and time in it whatever the browser's zone ({@code app/service-zone.js}, docs/languages.md).
 * Read before anyone logs in (the webapps load it as they start), so it needs no session: a zone
 * name is no secret.
 */
@RestController
class ServiceZoneController {

  static final String PATH = "/camunda/app/service-zone.json";

  private final ServiceHours serviceHours;

  ServiceZoneController(ServiceHours serviceHours) {
    this.serviceHours = serviceHours;
  }

  @GetMapping(PATH)
  ResponseEntity<Map<String, String>> zone() {
    return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)))
        .body(Map.of("zone", serviceHours.zone().getId()));
  }
}
