package org.aftersales.integration;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A callback already applied, by its sender's event id: a redelivery is recognised. */
@Entity
@Table(name = "inbound_event")
public class InboundEvent {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private String source;

  @Column(name = "event_id", nullable = false)
  private String eventId;

  @Column(nullable = false)
  private String reference;

  @Column(name = "received_at", nullable = false)
  private Instant receivedAt;

  protected InboundEvent() {
  }

  public InboundEvent(String source, String eventId, String reference, Instant receivedAt) {
    this.source = source;
    this.eventId = eventId;
    this.reference = reference;
    this.receivedAt = receivedAt;
  }
}
