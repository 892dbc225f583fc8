package org.aftersales.bugloop;

import java.util.List;
import java.util.Map;
import org.aftersales.api.ApiAccess;
import org.aftersales.common.Retries;
import org.aftersales.identity.StaffGroup;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** R&D's callback: a ticket was resolved or rejected. Callers need group {@code rnd}. */
@RestController
@RequestMapping("/api/events/rnd")
class RndEventController {

  private final RndEvents events;
  private final ApiAccess access;

  RndEventController(RndEvents events, ApiAccess access) {
    this.events = events;
    this.access = access;
  }

  @PostMapping
  Map<String, Object> receive(@RequestBody RndEvent event) {
    access.require("report R&D ticket outcomes", List.of(StaffGroup.RND.id()));
    RndEvents.Outcome outcome = Retries.onConcurrentUpdate(() -> events.apply(event));
    return Map.of("ticketKey", event.ticketKey(), "outcome", outcome.name().toLowerCase());
  }
}
