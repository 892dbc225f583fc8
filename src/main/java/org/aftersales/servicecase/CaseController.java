package org.aftersales.servicecase;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.aftersales.api.ApiAccess;
import org.aftersales.api.ApiException;
import org.aftersales.common.Retries;
import org.aftersales.identity.StaffGroup;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The service desk's case API (DESIGN §3). */
@RestController
@RequestMapping("/api/cases")
class CaseController {

  /** Who takes cases in: the service desk, sales and after-sales engineers. */
  static final List<String> INTAKE = List.of(StaffGroup.CUSTOMER_SERVICE.id(), StaffGroup.SALES.id(),
      StaffGroup.AFTER_SALES.id());
  /** Who passes the customer's rating on (the portal's account belongs to customer-service). */
  static final List<String> FEEDBACK = List.of(StaffGroup.CUSTOMER_SERVICE.id());

  private final CaseIntake intake;
  private final CaseViews views;
  private final Attachments attachments;
  private final CaseFeedback feedback;
  private final ApiAccess access;
  private final CaseReaders readers;

  CaseController(CaseIntake intake, CaseViews views, Attachments attachments, CaseFeedback feedback,
      ApiAccess access, CaseReaders readers) {
    this.readers = readers;
    this.intake = intake;
    this.views = views;
    this.attachments = attachments;
    this.feedback = feedback;
    this.access = access;
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, String>> open(@RequestBody NewCaseRequest request) {
    String user = access.require("open cases", INTAKE);
    CaseIntake.OpenedCase opened = intake.open(request, user);
    return ResponseEntity.created(URI.create("/api/cases/" + opened.caseNumber()))
        .body(Map.of("caseNumber", opened.caseNumber(), "processInstanceId", opened.processInstanceId()));
  }

  @GetMapping("/{caseNumber}")
  CaseView get(@PathVariable String caseNumber) {
    access.requireStaffOrAuditor("read cases");
    return views.of(readers.require(known(caseNumber)));
  }

  @PostMapping(path = "/{caseNumber}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<CaseView.Attachment> attach(@PathVariable String caseNumber,
      @RequestPart("file") MultipartFile file) throws IOException {
    // Whoever works on the case adds to it (a technician's photo of the site), once they may read it.
    String user = access.require("add attachments", StaffGroup.ids());
    CaseAttachment added = attachments.add(readers.require(known(caseNumber)), file.getOriginalFilename(),
        file.getBytes(), user);
    String link = "/api/cases/" + caseNumber + "/attachments/" + added.getId();
    return ResponseEntity.created(URI.create(link)).body(new CaseView.Attachment(added.getId(), added.getFileName(),
        added.getContentType(), added.getSizeBytes(), added.getSha256(), added.getUploadedAt(),
        added.getUploadedBy(), link));
  }

  @GetMapping("/{caseNumber}/attachments/{id}")
  ResponseEntity<byte[]> download(@PathVariable String caseNumber, @PathVariable long id) {
    access.requireStaffOrAuditor("read cases");
    Attachments.Download download = attachments.download(readers.require(known(caseNumber)), id);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.parseMediaType(download.attachment().getContentType()));
    headers.setContentDisposition(ContentDisposition.attachment()
        .filename(download.attachment().getFileName(), java.nio.charset.StandardCharsets.UTF_8).build());
    headers.set("X-Content-Type-Options", "nosniff");
    return ResponseEntity.ok().headers(headers).body(download.content());
  }

  @PostMapping(path = "/{caseNumber}/feedback", consumes = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Object> feedback(@PathVariable String caseNumber, @RequestBody CaseFeedback.Rating rating) {
    access.require("record customer feedback", FEEDBACK);
    CaseFeedback.Outcome outcome = Retries.onConcurrentUpdate(() -> feedback.record(known(caseNumber), rating));
    return Map.of("caseNumber", caseNumber, "outcome", outcome.name().toLowerCase());
  }

  /** A malformed number cannot name a case: 404 like any unknown one. */
  private static String known(String caseNumber) {
    if (!CaseNumbers.FORMAT.matcher(caseNumber).matches()) {
      throw ApiException.notFound("No case " + caseNumber);
    }
    return caseNumber;
  }
}
