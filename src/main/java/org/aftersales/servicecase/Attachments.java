package org.aftersales.servicecase;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.aftersales.api.ApiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Screenshots, PDFs and text logs customers send for a case. The type is read from the
 * file's first bytes, not from the name or the declared content type, so a download is
 * always what it says it is.
 */
@Service
public class Attachments {

  /** Accepted kinds, as named in error messages and the README. */
  public static final List<String> ACCEPTED = List.of("image/png", "image/jpeg", "image/gif", "image/webp",
      "application/pdf", "text/plain");
  private static final int MAX_NAME = 255;

  private final ServiceCaseRepository cases;
  private final CaseAttachmentRepository attachments;
  private final AttachmentContentRepository contents;
  private final CaseSettings settings;

  public Attachments(ServiceCaseRepository cases, CaseAttachmentRepository attachments,
      AttachmentContentRepository contents, CaseSettings settings) {
    this.cases = cases;
    this.attachments = attachments;
    this.contents = contents;
    this.settings = settings;
  }

  public record Download(CaseAttachment attachment, byte[] content) {
  }

  @Transactional
  public CaseAttachment add(String caseNumber, String originalName, byte[] content, String uploadedBy) {
    if (!cases.existsByCaseNumber(caseNumber)) {
      throw ApiException.notFound("No case " + caseNumber);
    }
    if (content.length == 0) {
      throw ApiException.badField("file", "is empty");
    }
    if (content.length > settings.attachmentMaxBytes()) {
      throw ApiException.badField("file", "is larger than " + settings.attachmentMaxBytes() + " bytes");
    }
    String type = detectType(content);
    if (type == null) {
      throw ApiException.badField("file", "must be one of " + String.join(", ", ACCEPTED)
          + " (images, PDF or a UTF-8 text log)");
    }
    if (attachments.countByCaseNumber(caseNumber) >= settings.attachmentsPerCase()) {
      throw ApiException.badField("file", "case " + caseNumber + " already has the most attachments allowed ("
          + settings.attachmentsPerCase() + ")");
    }
    CaseAttachment attachment = attachments.save(new CaseAttachment(caseNumber, safeName(originalName), type,
        content.length, sha256(content), Instant.now(), uploadedBy));
    contents.save(new AttachmentContent(attachment.getId(), content));
    return attachment;
  }

  @Transactional(readOnly = true)
  public Download download(String caseNumber, long id) {
    CaseAttachment attachment = attachments.findByIdAndCaseNumber(id, caseNumber)
        .orElseThrow(() -> ApiException.notFound("Case " + caseNumber + " has no attachment " + id));
    byte[] content = contents.findById(attachment.getId()).map(AttachmentContent::getContent)
        .orElseThrow(() -> new IllegalStateException("Attachment " + id + " has no content"));
    return new Download(attachment, content);
  }

  /** The accepted type the bytes are, or null. */
  static String detectType(byte[] b) {
    if (startsWith(b, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
      return "image/png";
    }
    if (startsWith(b, 0xFF, 0xD8, 0xFF)) {
      return "image/jpeg";
    }
    if (startsWith(b, 'G', 'I', 'F', '8')) {
      return "image/gif";
    }
    if (b.length >= 12 && startsWith(b, 'R', 'I', 'F', 'F') && b[8] == 'W' && b[9] == 'E' && b[10] == 'B'
        && b[11] == 'P') {
      return "image/webp";
    }
    if (startsWith(b, '%', 'P', 'D', 'F', '-')) {
      return "application/pdf";
    }
    return isText(b) ? "text/plain" : null;
  }

  private static boolean startsWith(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /** UTF-8 without control characters other than tab, line feed, carriage return and form feed. */
  private static boolean isText(byte[] bytes) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return false;
    }
    return text.chars().noneMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f');
  }

  /** The name without any path, limited in length; used only for display and download. */
  static String safeName(String originalName) {
    String name = originalName == null ? "" : originalName.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").trim();
    if (name.isEmpty()) {
      name = "attachment";
    }
    return name.length() > MAX_NAME ? name.substring(name.length() - MAX_NAME) : name;
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
