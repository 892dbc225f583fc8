package org.aftersales.servicecase;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A file the customer sent for a case (screenshot, PDF, log); its bytes live apart. */
@Entity
@Table(name = "case_attachment")
public class CaseAttachment {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "case_number", nullable = false)
  private String caseNumber;

  @Column(name = "file_name", nullable = false)
  private String fileName;

  @Column(name = "content_type", nullable = false)
  private String contentType;

  @Column(name = "size_bytes", nullable = false)
  private long sizeBytes;

  @Column(nullable = false)
  private String sha256;

  @Column(name = "uploaded_at", nullable = false)
  private Instant uploadedAt;

  @Column(name = "uploaded_by")
  private String uploadedBy;

  protected CaseAttachment() {
  }

  CaseAttachment(String caseNumber, String fileName, String contentType, long sizeBytes, String sha256,
      Instant uploadedAt, String uploadedBy) {
    this.caseNumber = caseNumber;
    this.fileName = fileName;
    this.contentType = contentType;
    this.sizeBytes = sizeBytes;
    this.sha256 = sha256;
    this.uploadedAt = uploadedAt;
    this.uploadedBy = uploadedBy;
  }

  public Long getId() {
    return id;
  }

  public String getCaseNumber() {
    return caseNumber;
  }

  public String getFileName() {
    return fileName;
  }

  public String getContentType() {
    return contentType;
  }

  public long getSizeBytes() {
    return sizeBytes;
  }

  public String getSha256() {
    return sha256;
  }

  public Instant getUploadedAt() {
    return uploadedAt;
  }

  public String getUploadedBy() {
    return uploadedBy;
  }
}
