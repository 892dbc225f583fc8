package org.aftersales.integration.logistics;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A shipment as the service desk tracks it, from the request to the carrier's last event.
 * Status: {@code requested}, {@code picked-up}, {@code received} (pick-ups), {@code delivered}
 * (outbound and parts) or {@code cancelled}.
 */
@Entity
@Table(name = "shipment")
public class Shipment {

  public static final String REQUESTED = "requested";
  public static final String PICKED_UP = "picked-up";
  public static final String RECEIVED = "received";
  public static final String DELIVERED = "delivered";
  public static final String CANCELLED = "cancelled";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "tracking_number", nullable = false, unique = true, updatable = false)
  private String trackingNumber;

  @Column(name = "case_number", nullable = false, updatable = false)
  private String caseNumber;

  @Column(nullable = false, updatable = false)
  private String kind;

  @Column(name = "rma_number")
  private String rmaNumber;

  @Column(name = "customer_id")
  private String customerId;

  @Column(name = "customer_name")
  private String customerName;

  private String city;

  private String items;

  @Column(nullable = false)
  private String status;

  @Column(name = "carrier_note")
  private String carrierNote;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "picked_up_at")
  private Instant pickedUpAt;

  @Column(name = "received_at")
  private Instant receivedAt;

  @Column(name = "delivered_at")
  private Instant deliveredAt;

  @Column(name = "cancelled_at")
  private Instant cancelledAt;

  @Version
  private long version;

  protected Shipment() {
  }

  Shipment(String trackingNumber, ShipmentRequest request, Instant now) {
    this.trackingNumber = trackingNumber;
    this.caseNumber = request.caseNumber();
    this.kind = request.kind();
    this.rmaNumber = request.rmaNumber();
    this.customerId = request.customerId();
    this.customerName = request.customerName();
    this.city = request.city();
    this.items = request.items();
    this.status = REQUESTED;
    this.createdAt = now;
    this.updatedAt = now;
  }

  /** Whether the carrier reports {@code received} (true) or {@code delivered} (false) at the end. */
  boolean isInbound() {
    return ShipmentRequest.PICK_UP.equals(kind);
  }

  /** Received or delivered: the carrier's work is done. */
  boolean isCompleted() {
    return RECEIVED.equals(status) || DELIVERED.equals(status);
  }

  void pickedUp(Instant at) {
    status = PICKED_UP;
    pickedUpAt = at;
    updatedAt = at;
  }

  void received(Instant at) {
    status = RECEIVED;
    receivedAt = at;
    updatedAt = at;
  }

  void delivered(Instant at) {
    status = DELIVERED;
    deliveredAt = at;
    updatedAt = at;
  }

  void cancelled(Instant at) {
    status = CANCELLED;
    cancelledAt = at;
    updatedAt = at;
  }

  void noted(String note, Instant at) {
    if (note != null && !note.isBlank()) {
      carrierNote = note;
    }
    updatedAt = at;
  }

  public String getTrackingNumber() {
    return trackingNumber;
  }

  public String getCaseNumber() {
    return caseNumber;
  }

  public String getKind() {
    return kind;
  }

  public String getRmaNumber() {
    return rmaNumber;
  }

  public String getCustomerId() {
    return customerId;
  }

  public String getCustomerName() {
    return customerName;
  }

  public String getCity() {
    return city;
  }

  public String getItems() {
    return items;
  }

  public String getStatus() {
    return status;
  }

  public String getCarrierNote() {
    return carrierNote;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public Instant getPickedUpAt() {
    return pickedUpAt;
  }

  public Instant getReceivedAt() {
    return receivedAt;
  }

  public Instant getDeliveredAt() {
    return deliveredAt;
  }

  public Instant getCancelledAt() {
    return cancelledAt;
  }
}
