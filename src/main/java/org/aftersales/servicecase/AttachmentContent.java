package org.aftersales.servicecase;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "case_attachment_content")
public class AttachmentContent {

  @Id
  @Column(name = "attachment_id")
  private Long attachmentId;

  @Column(nullable = false)
  private byte[] content;

  protected AttachmentContent() {
  }

  AttachmentContent(Long attachmentId, byte[] content) {
    this.attachmentId = attachmentId;
    this.content = content;
  }

  public byte[] getContent() {
    return content;
  }
}
