package org.aftersales.integration.logistics;

import java.util.List;
import java.util.Map;
import org.aftersales.api.ApiAccess;
import org.aftersales.common.Retries;
import org.aftersales.identity.StaffGroup;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The carrier's callback: a shipment was picked up, received, delivered or has a problem. Group {@code logistics}. */
@RestController
@RequestMapping("/api/events/logistics")
class LogisticsEventController {

  private final LogisticsEvents events;
  private final ApiAccess access;

  LogisticsEventController(LogisticsEvents events, ApiAccess access) {
    this.events = events;
    this.access = access;
  }

  @PostMapping
  Map<String, Object> receive(@RequestBody LogisticsEvent event) {
    access.require("report shipment events", List.of(StaffGroup.LOGISTICS.id()));
    LogisticsEvents.Outcome outcome = Retries.onConcurrentUpdate(() -> events.apply(event));
    return Map.of("trackingNumber", event.trackingNumber(), "outcome", outcome.name().toLowerCase());
  }
}
