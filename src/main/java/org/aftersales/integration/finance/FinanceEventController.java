package org.aftersales.integration.finance;

import java.util.List;
import java.util.Map;
import org.aftersales.api.ApiAccess;
import org.aftersales.common.Retries;
import org.aftersales.identity.StaffGroup;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Finance's callback: a posting was settled or failed. Callers need group {@code finance}. */
@RestController
@RequestMapping("/api/events/finance")
class FinanceEventController {

  private final FinanceEvents events;
  private final ApiAccess access;

  FinanceEventController(FinanceEvents events, ApiAccess access) {
    this.events = events;
    this.access = access;
  }

  @PostMapping
  Map<String, Object> receive(@RequestBody FinanceEvent event) {
    access.require("report settlements", List.of(StaffGroup.FINANCE.id()));
    FinanceEvents.Outcome outcome = Retries.onConcurrentUpdate(() -> events.apply(event));
    return Map.of("reference", event.reference(), "outcome", outcome.name().toLowerCase());
  }
}
